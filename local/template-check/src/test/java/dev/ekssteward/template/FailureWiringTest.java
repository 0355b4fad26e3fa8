package dev.ekssteward.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where failed deliveries go and how fan-out and member accounts are wired, read from
 * template.yaml: every rule and schedule retries and dead-letters into the failure queue; every
 * function has its own encrypted FIFO fan-out queue, read by its live alias with partial batch
 * responses and a maximum concurrency, dead-lettering into the FIFO failure queue within the hour;
 * the scheduler and the rotator have a standard recheck queue for deferred looks; every function
 * may assume the member role when one is named.
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
    assertThat(rules).isEqualTo(14);
    Map<String, Object> queuePolicy = t.map(t.resources().get("FailureQueuePolicy"));
    assertThat(queuePolicy.toString())
        .contains("events.amazonaws.com")
        .contains("sqs:SendMessage")
        .contains("aws:SourceAccount");
  }

  @Test
  void everyFunctionFansOutThroughItsOwnFifoQueueReadByItsAlias() {
    Map<String, Object> failureQueue = t.map(t.map(t.resources().get("FailureQueue")));
    assertThat(t.map(failureQueue.get("Properties"))).containsEntry("SqsManagedSseEnabled", true);
    Map<String, Object> fifoFailures =
        t.map(t.map(t.resources().get("FanOutFailureQueue")).get("Properties"));
    assertThat(fifoFailures)
        .as("a FIFO queue's dead-letter queue must be FIFO too")
        .containsEntry("FifoQueue", true)
        .containsEntry("SqsManagedSseEnabled", true);
    assertThat(alarmedQueues()).contains("FailureQueue", "FanOutFailureQueue");
    assertThat(t.parameterDefaults()).containsEntry("FanOutMinTargets", "1");
    for (Map.Entry<String, String> fq : FAN_OUT_QUEUES.entrySet()) {
      String function = fq.getKey();
      String queue = fq.getValue();
      Map<String, Object> env =
          t.map(t.map(t.functions().get(function).get("Environment")).get("Variables"));
      assertThat(env).as(function).containsEntry("FANOUT_QUEUE_URL", Map.of("Ref", queue));
      if (!function.equals("TagEnforcerFunction")) {
        assertThat(t.functions().get(function))
            .as(
                function
                    + ": a target's FIFO message group, not reserved concurrency 1, keeps its"
                    + " runs apart")
            .doesNotContainKey("ReservedConcurrentExecutions");
      }

      Map<String, Object> q = t.map(t.map(t.resources().get(queue)).get("Properties"));
      assertThat(q)
          .as(queue + ": one message group per target, (target, tick) de-duplication ids")
          .containsEntry("FifoQueue", true)
          .containsEntry("ContentBasedDeduplication", false)
          .containsEntry("SqsManagedSseEnabled", true);
      assertThat((String) t.map(q.get("QueueName")).get("Fn::Sub"))
          .as(queue + ": FanOut tells a FIFO queue by its name")
          .startsWith("${AWS::StackName}-")
          .endsWith(".fifo");
      assertRetriedWithinMinutesAndDeadLetteredWithinTheHour(queue, q);
      assertThat(t.map(q.get("RedrivePolicy")))
          .containsEntry(
              "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of("FanOutFailureQueue", "Arn")));

      Map<String, Object> mapping = mappingOf(function, queue);
      Object maximum =
          function.equals("TagEnforcerFunction")
              ? Map.of(
                  "Fn::If",
                  List.of("TagEnforcerIsCapped", 2, Map.of("Ref", "FanOutMaximumConcurrency")))
              : Map.of("Ref", "FanOutMaximumConcurrency");
      assertThat(mapping)
          .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
          .containsEntry("ScalingConfig", Map.of("MaximumConcurrency", maximum));
    }
    Map<String, Object> concurrency =
        t.map(t.map(t.root.get("Parameters")).get("FanOutMaximumConcurrency"));
    assertThat(concurrency)
        .as("Lambda's MaximumConcurrency is 2 to 1000; 10 keeps up with 100 targets")
        .containsEntry("Default", 10)
        .containsEntry("MinValue", 2)
        .containsEntry("MaxValue", 1000);
  }

  /**
   * Anyone who may tag wakes the tag enforcer, so its concurrency is capped by default (a tag storm
   * waits in Lambda's queue instead of taking the account's concurrency); 0 or empty lifts the cap.
   * Its fan-out mapping then stays below the cap, or the mapping would be throttled.
   */
  @Test
  void theTagEnforcerHasReservedConcurrencyByDefaultAndItsFanOutStaysBelowIt() {
    assertThat(t.functions().get("TagEnforcerFunction"))
        .containsEntry(
            "ReservedConcurrentExecutions",
            Map.of(
                "Fn::If",
                List.of(
                    "TagEnforcerIsCapped",
                    Map.of("Ref", "TagEnforcerReservedConcurrency"),
                    Map.of("Ref", "AWS::NoValue"))));
    Map<String, Object> parameter =
        t.map(t.map(t.root.get("Parameters")).get("TagEnforcerReservedConcurrency"));
    assertThat(parameter).containsEntry("Default", "5");
    java.util.regex.Pattern allowed =
        java.util.regex.Pattern.compile((String) parameter.get("AllowedPattern"));
    // Room for 2 fan-out batches and an event: 1 and 2 would leave the events nothing.
    for (String ok : List.of("", "0", "3", "5", "100")) {
      assertThat(allowed.matcher(ok).matches()).as("'" + ok + "' allowed").isTrue();
    }
    for (String refused : List.of("1", "2", "-1", "05", "five")) {
      assertThat(allowed.matcher(refused).matches()).as("'" + refused + "' refused").isFalse();
    }
    assertThat(t.map(t.root.get("Conditions")).get("TagEnforcerIsCapped"))
        .isEqualTo(
            Map.of(
                "Fn::Not",
                List.of(
                    Map.of(
                        "Fn::Or",
                        List.of(
                            Map.of(
                                "Fn::Equals",
                                List.of(Map.of("Ref", "TagEnforcerReservedConcurrency"), "")),
                            Map.of(
                                "Fn::Equals",
                                List.of(Map.of("Ref", "TagEnforcerReservedConcurrency"), "0")))))));
  }

  /** The functions that look again at a resource in transition, and their recheck queues. */
  static final Map<String, String> RECHECK_QUEUES =
      Map.of(
          "NodegroupSchedulerFunction", "NodegroupSchedulerRecheckQueue",
          "ThumbprintRotatorFunction", "ThumbprintRotatorRecheckQueue");

  @Test
  void theSchedulerAndTheRotatorLookAgainThroughAStandardQueueOfTheirOwn() {
    for (String function : FAN_OUT_QUEUES.keySet()) {
      Map<String, Object> env =
          t.map(t.map(t.functions().get(function).get("Environment")).get("Variables"));
      String queue = RECHECK_QUEUES.get(function);
      if (queue == null) {
        assertThat(env).as(function + " never looks again").doesNotContainKey("RECHECK_QUEUE_URL");
        continue;
      }
      assertThat(env).as(function).containsEntry("RECHECK_QUEUE_URL", Map.of("Ref", queue));
      Map<String, Object> q = t.map(t.map(t.resources().get(queue)).get("Properties"));
      assertThat(q)
          .as(queue + ": only a standard queue delays one message")
          .doesNotContainKey("FifoQueue")
          .containsEntry("SqsManagedSseEnabled", true);
      assertRetriedWithinMinutesAndDeadLetteredWithinTheHour(queue, q);
      assertThat(t.map(q.get("RedrivePolicy")))
          .containsEntry(
              "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of("FailureQueue", "Arn")));
      assertThat(mappingOf(function, queue))
          .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
          .containsEntry("ScalingConfig", Map.of("MaximumConcurrency", 2));

      List<Object> statements = LeastPrivilegeIT.objects(statementsOf(function));
      assertThat(statements.stream().map(t::map).filter(s -> "RecheckSend".equals(s.get("Sid"))))
          .singleElement()
          .satisfies(
              s ->
                  assertThat(s)
                      .containsEntry("Action", "sqs:SendMessage")
                      .containsEntry("Resource", Map.of("Fn::GetAtt", List.of(queue, "Arn"))));
      assertThat(statements.stream().map(t::map).filter(s -> "FanOutReceive".equals(s.get("Sid"))))
          .singleElement()
          .satisfies(
              s ->
                  assertThat(LeastPrivilegeIT.objects(s.get("Resource")))
                      .containsExactly(
                          Map.of("Fn::GetAtt", List.of(FAN_OUT_QUEUES.get(function), "Arn")),
                          Map.of("Fn::GetAtt", List.of(queue, "Arn"))));
    }
  }

  /**
   * A returned or throttled message is visible again one visibility timeout later, and the redrive
   * policy moves it after maxReceiveCount receives: at least the function timeout (Lambda refuses
   * less), at most a minute more, and within the hour in all.
   */
  private void assertRetriedWithinMinutesAndDeadLetteredWithinTheHour(
      String queue, Map<String, Object> q) {
    int visibility = ((Number) q.get("VisibilityTimeout")).intValue();
    int receives = ((Number) t.map(q.get("RedrivePolicy")).get("maxReceiveCount")).intValue();
    assertThat(visibility).as(queue + ": visibility timeout").isBetween(timeout(), timeout() + 60);
    assertThat(visibility * receives)
        .as(queue + ": seconds to the failure queue")
        .isLessThanOrEqualTo(3600);
    assertThat(receives).as(queue + ": a few retries first").isGreaterThanOrEqualTo(5);
  }

  private Map<String, Object> mappingOf(String function, String queue) {
    List<Map<String, Object>> mappings =
        t.resources().values().stream()
            .map(t::map)
            .filter(r -> "AWS::Lambda::EventSourceMapping".equals(r.get("Type")))
            .map(r -> t.map(r.get("Properties")))
            .filter(p -> p.get("FunctionName").equals(Map.of("Ref", function + ".Alias")))
            .filter(
                p -> p.get("EventSourceArn").equals(Map.of("Fn::GetAtt", List.of(queue, "Arn"))))
            .toList();
    assertThat(mappings).as(function + " is read from " + queue + " by its live alias").hasSize(1);
    return mappings.get(0);
  }

  private List<String> alarmedQueues() {
    return t.resources().values().stream()
        .map(t::map)
        .filter(r -> "AWS::CloudWatch::Alarm".equals(r.get("Type")))
        .map(r -> t.map(r.get("Properties")))
        .filter(p -> "AWS/SQS".equals(p.get("Namespace")))
        .map(p -> LeastPrivilegeIT.objects(p.get("Dimensions")).get(0))
        .map(d -> t.map(t.map(d).get("Value")).get("Fn::GetAtt"))
        .map(a -> (String) ((List<?>) a).get(0))
        .toList();
  }

  @Test
  void everyFunctionMayAssumeItsOwnMemberRoleOnlyWhenOneIsNamed() {
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
              "Resource",
              Map.of(
                  "Fn::Sub",
                  "arn:${AWS::Partition}:iam::*:role/${MemberRoleName}-"
                      + LeastPrivilegeIT.MODULES.get(function)));
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
