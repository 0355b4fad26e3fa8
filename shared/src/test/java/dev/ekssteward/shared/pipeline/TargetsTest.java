package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import org.junit.jupiter.api.Test;

class TargetsTest {
  private static final StewardConfig MULTI =
      StewardConfig.parse(
          "{\"targets\":{\"regions\":[\"eu-west-1\",\"us-east-2\"],\"accounts\":[{\"accountId\":"
              + "\"111122223333\",\"roleName\":\"member\"}]}}",
          "t");
  private final Targets targets = new Targets("eu-west-1", "999988887777", "aws", "tag-enforcer");

  @Test
  void defaultIsTheFunctionsOwnAccountAndRegion() {
    assertThat(targets.all(StewardConfig.defaults()))
        .containsExactly(new Target("999988887777", "eu-west-1", null));
  }

  @Test
  void regionsTimesAccounts() {
    assertThat(targets.all(MULTI))
        .containsExactly(
            new Target("999988887777", "eu-west-1", null),
            new Target(
                "111122223333", "eu-west-1", "arn:aws:iam::111122223333:role/member-tag-enforcer"),
            new Target("999988887777", "us-east-2", null),
            new Target(
                "111122223333", "us-east-2", "arn:aws:iam::111122223333:role/member-tag-enforcer"));
  }

  @Test
  void aRoleNameBecomesAnArnOfTheFunctionsPartitionAndEachFunctionAssumesItsOwnRole() {
    StewardConfig config =
        StewardConfig.parse(
            "{\"targets\":{\"regions\":[\"cn-north-1\",\"cn-northwest-1\"],"
                + "\"accounts\":[{\"accountId\":\"111122223333\",\"roleName\":\"member\"},"
                + "{\"accountId\":\"444455556666\","
                + "\"roleArn\":\"arn:aws-cn:iam::444455556666:role/other\"}]}}",
            "t");
    Targets china = new Targets("cn-north-1", "999988887777", "aws-cn", "tag-enforcer");

    assertThat(china.all(config))
        .filteredOn(t -> !t.isHome())
        .extracting(Target::roleArn)
        .containsExactly(
            "arn:aws-cn:iam::111122223333:role/member-tag-enforcer",
            "arn:aws-cn:iam::444455556666:role/other-tag-enforcer",
            "arn:aws-cn:iam::111122223333:role/member-tag-enforcer",
            "arn:aws-cn:iam::444455556666:role/other-tag-enforcer");
  }
}
