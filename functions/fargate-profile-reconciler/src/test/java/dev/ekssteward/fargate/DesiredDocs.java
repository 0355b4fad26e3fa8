package dev.ekssteward.fargate;

import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import java.util.Map;

/** Desired-state documents used across the tests, and how to store them in (moto's) SSM. */
final class DesiredDocs {
  static final String ROLE = "arn:aws:iam::123456789012:role/fargate-pods";
  static final String ROLE_V2 = "arn:aws:iam::123456789012:role/fargate-pods-v2";
  static final String SUBNETS = "[\"subnet-0abc1234\",\"subnet-0def5678\"]";

  private DesiredDocs() {}

  /** One profile {@code team-a} for namespace team-a with {@code labels}. */
  static String teamA(String role, String labelsJson, String tagsJson) {
    return "{\"prune\":false,\"profiles\":[{\"name\":\"team-a\",\"podExecutionRoleArn\":\""
        + role
        + "\",\"subnets\":"
        + SUBNETS
        + ",\"selectors\":[{\"namespace\":\"team-a\",\"labels\":"
        + labelsJson
        + "}],\"tags\":"
        + tagsJson
        + "}]}";
  }

  static void put(LocalAws aws, String cluster, String document) {
    aws.seeder().seed(FleetSeed.fleet().desiredFargate(cluster, document));
  }

  static Map<String, Object> parameterChange(String cluster) {
    return Map.of(
        "version", "0",
        "id", "test",
        "detail-type", "Parameter Store Change",
        "source", "aws.ssm",
        "account", LocalAws.ACCOUNT,
        "time", "2026-11-25T14:02:11Z",
        "region", LocalAws.REGION,
        "resources", java.util.List.of(),
        "detail",
            Map.of(
                "operation",
                "Update",
                "name",
                "/eks-steward/fargate/" + cluster,
                "type",
                "String"));
  }

  static Map<String, Object> tick() {
    return Map.of(
        "version", "0",
        "id", "tick",
        "detail-type", "Scheduled Event",
        "source", "aws.events",
        "account", LocalAws.ACCOUNT,
        "time", "2026-11-25T14:00:00Z",
        "region", LocalAws.REGION,
        "resources", java.util.List.of("arn:aws:events:eu-west-1:123456789012:rule/tick"),
        "detail", Map.of());
  }
}
