package dev.ekssteward.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Target's equals and hashCode are written out (cold start): every component must count. */
class TargetTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/steward";

  @Test
  void equalTargetsAreEqualWithTheSameHash() {
    Target a = new Target("111122223333", "eu-west-1", ROLE);
    Target b = new Target("111122223333", "eu-west-1", ROLE);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(Target.home("eu-west-1"))
        .isEqualTo(new Target(null, "eu-west-1", null))
        .hasSameHashCodeAs(new Target(null, "eu-west-1", null));
  }

  @Test
  void eachComponentTellsTargetsApart() {
    Target a = new Target("111122223333", "eu-west-1", ROLE);

    assertThat(a)
        .isNotEqualTo(new Target("444455556666", "eu-west-1", ROLE))
        .isNotEqualTo(new Target("111122223333", "us-east-1", ROLE))
        .isNotEqualTo(new Target("111122223333", "eu-west-1", null))
        .isNotEqualTo(new Target(null, "eu-west-1", ROLE))
        .isNotEqualTo(null)
        .isNotEqualTo("111122223333/eu-west-1");
  }
}
