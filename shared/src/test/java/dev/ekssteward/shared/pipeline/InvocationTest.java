package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.TestContext;
import org.junit.jupiter.api.Test;

class InvocationTest {
  private static final String GOV_ARN =
      "arn:aws-us-gov:lambda:us-gov-west-1:111122223333:function:x:live";

  @Test
  void accountAndPartitionComeFromTheFunctionArn() {
    assertThat(Invocation.accountOf(GOV_ARN)).isEqualTo("111122223333");
    assertThat(Invocation.partitionOf(GOV_ARN)).isEqualTo("aws-us-gov");
    assertThat(Invocation.from(new TestContext("x")).partition()).isEqualTo("aws");
  }

  @Test
  void withoutAFunctionArnThePartitionIsAws() {
    assertThat(Invocation.from(null).partition()).isEqualTo("aws");
    assertThat(Invocation.partitionOf("not-an-arn")).isEqualTo("aws");
    assertThat(Invocation.partitionOf(null)).isEqualTo("aws");
  }
}
