package dev.ekssteward.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where failed deliveries go and how fan-out and member accounts are wired, read from
 * template.yaml: every rule and schedule retries and dead-letters into the failure queue; every
 * function has its own encrypted fan-out queue, read by its live alias with partial batch
 * responses, dead-lettering into the same failure queue; every function may assume the member role
 * when one is named.
 */
class FailureWiringTest {
  static final Map<String, String> FAN_OUT_QUEUES =
      Map.of(
          "NodegroupSchedulerFunction", "NodegroupSchedulerFanOutQueue",
          "ThumbprintRotatorFunction", "ThumbprintRotatorFanOutQueue",
          "FargateProfileReconcilerFunction", "FargateProfileReconcilerFanOutQueue",
          "TagEnforcerFunction", "TagEnforcerFanOutQueue");

  final SamTemplate t;

  FailureWiringTest() throws IOException {
    t = SamTemplate.load();
  }

  @Test
  void everyRuleAndScheduleRetriesAndDeadLettersIntoTheFailureQueue() {
    int rules = 0;
    for (Map.Entry<String, Map<String, Object>> f : t.functions().entrySet()) {
      for (Map.Entry<String, Object> e : t.map(f.getValue().get("Events")).entrySet()) {
        Map<String, Object> event = t.map(e.getValue());
        String where = f.getKey() + " event " + e.getKey();
        assertThat(event.get("Type")).as(where).isIn("Schedule", "EventBridgeRule");
        Map<String, Object> props = t.map(event.get("Properties"));
        assertThat(props.get("RetryPolicy"))
            .as(where)
            .isEqualTo(
                Map.of(
                    "MaximumRetryAttempts", Map.of("Ref", "RuleMaximumRetryAttempts"),
                    "MaximumEventAgeInSeconds", Map.of("Ref", "MaximumEventAgeSeconds")));
        assertThat(props.get("DeadLetterConfig"))
            .as(where)
            .isEqualTo(Map.of("Arn", Map.of("Fn::GetAtt", List.of("FailureQueue", "Arn"))));
        rules++;
      }
    }
    assertThat(rules).isEqualTo(13);
    Map<String, Object> queuePolicy = t.map(t.resources().get("FailureQueuePolicy"));
    assertThat(queuePolicy.toString())
        .contains("events.amazonaws.com")
        .contains("sqs:SendMessage")
        .contains("aws:SourceAccount");
  }

  @Test
  void everyFunctionFansOutThroughItsOwnQueueReadByItsAlias() {
    Map<String, Object> failureQueue = t.map(t.map(t.resources().get("FailureQueue")));
    assertThat(t.map(failureQueue.get("Properties"))).containsEntry("SqsManagedSseEnabled", true);
    for (Map.Entry<String, String> fq : FAN_OUT_QUEUES.entrySet()) {
      String function = fq.getKey();
      String queue = fq.getValue();
      Map<String, Object> env =
          t.map(t.map(t.functions().get(function).get("Environment")).get("Variables"));
      assertThat(env).as(function).containsEntry("FANOUT_QUEUE_URL", Map.of("Ref", queue));

      Map<String, Object> q = t.map(t.map(t.resources().get(queue)).get("Properties"));
      assertThat(q).as(queue).containsEntry("SqsManagedSseEnabled", true);
      assertThat(((Number) q.get("VisibilityTimeout")).intValue())
          .as(queue + ": at least six times the function timeout")
          .isGreaterThanOrEqualTo(6 * timeout());
      assertThat(t.map(q.get("RedrivePolicy")))
          .containsEntry(
              "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of("FailureQueue", "Arn")));

      List<Map<String, Object>> mappings =
          t.resources().values().stream()
              .map(t::map)
              .filter(r -> "AWS::Lambda::EventSourceMapping".equals(r.get("Type")))
              .map(r -> t.map(r.get("Properties")))
              .filter(p -> p.get("FunctionName").equals(Map.of("Ref", function + ".Alias")))
              .toList();
      assertThat(mappings).as(function + " is read from its queue by its live alias").hasSize(1);
      assertThat(mappings.get(0))
          .containsEntry("EventSourceArn", Map.of("Fn::GetAtt", List.of(queue, "Arn")))
          .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
    }
  }

  @Test
  void everyFunctionMayAssumeTheMemberRoleOnlyWhenOneIsNamed() {
    for (String function : FAN_OUT_QUEUES.keySet()) {
      List<Object> statements = LeastPrivilegeIT.objects(statementsOf(function));
      List<Object> assume =
          statements.stream()
              .filter(s -> t.map(s).containsKey("Fn::If"))
              .filter(s -> s.toString().contains("sts:AssumeRole"))
              .toList();
      assertThat(assume).as(function).hasSize(1);
      @SuppressWarnings("unchecked")
      List<Object> branches = (List<Object>) t.map(assume.get(0)).get("Fn::If");
      assertThat(branches.get(0)).isEqualTo("AssumesMemberRoles");
      assertThat(t.map(branches.get(1)))
          .containsEntry("Action", "sts:AssumeRole")
          .containsEntry(
              "Resource", Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::*:role/${MemberRoleName}"));
      assertThat(branches.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void onlyTheFourFunctionRolesMayPutEventsOnTheAuditBus() {
    Map<String, Object> policy = t.map(t.resources().get("AuditBusPolicy"));
    assertThat(policy.get("Condition")).isEqualTo("CreateAuditBus");
    Map<String, Object> statement = t.map(t.map(policy.get("Properties")).get("Statement"));

    assertThat(statement)
        .containsEntry("Effect", "Deny")
        .containsEntry("Principal", "*")
        .containsEntry("Action", "events:PutEvents")
        .containsEntry("Resource", Map.of("Fn::GetAtt", List.of("AuditBus", "Arn")));
    List<Object> allowed =
        (List<Object>)
            t.map(t.map(statement.get("Condition")).get("ArnNotEquals")).get("aws:PrincipalArn");
    assertThat(allowed)
        .containsExactlyInAnyOrderElementsOf(
            t.functions().keySet().stream()
                .map(f -> (Object) Map.of("Fn::GetAtt", List.of(f + "Role", "Arn")))
                .toList());
  }

  private Object statementsOf(String function) {
    @SuppressWarnings("unchecked")
    List<Object> policies = (List<Object>) t.functions().get(function).get("Policies");
    return t.map(policies.get(0)).get("Statement");
  }

  private int timeout() {
    Map<String, Object> globals = t.map(t.map(t.root.get("Globals")).get("Function"));
    return ((Number) globals.get("Timeout")).intValue();
  }
}
