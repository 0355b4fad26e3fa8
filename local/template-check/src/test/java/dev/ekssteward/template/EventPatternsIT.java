package dev.ekssteward.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every sample in events/ matches at least one of its function's event sources in template.yaml.
 * Patterns are matched by EventBridge's own semantics as moto implements them: a rule per pattern
 * on a test bus, the sample put on the bus, and the rule's queue read back.
 */
class EventPatternsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final Map<String, String> PREFIX =
      Map.of(
          "scheduler-", "NodegroupSchedulerFunction",
          "thumbprint-", "ThumbprintRotatorFunction",
          "fargate-", "FargateProfileReconcilerFunction",
          "tagging-", "TagEnforcerFunction");

  static final Map<String, Object> SCHEDULE_PATTERN =
      Map.of("source", List.of("aws.events"), "detail-type", List.of("Scheduled Event"));

  /** The bus a rule listens on: the logical id its EventBusName refers to, or the default bus. */
  static final String DEFAULT_BUS = "default";

  static String bus(SamTemplate t, Map<String, Object> props) {
    Object name = props.get("EventBusName");
    return name == null ? DEFAULT_BUS : (String) t.map(name).get("Ref");
  }

  /** The event patterns of one function: its rules' patterns and, for schedules, the tick's. */
  static List<Map<String, Object>> patterns(SamTemplate t, String function) {
    return patterns(t, function, null);
  }

  /** The same, of the rules on {@code onBus} only (null: on any bus). */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> patterns(SamTemplate t, String function, String onBus) {
    Map<String, String> params = new LinkedHashMap<>(t.parameterDefaults());
    params.put("AWS::Region", LocalAws.REGION);
    params.put("AWS::AccountId", LocalAws.ACCOUNT);
    params.put("AWS::Partition", "aws");
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Object> events = t.map(t.functions().get(function).get("Events"));
    for (Object e : events.values()) {
      Map<String, Object> event = t.map(e);
      String type = (String) event.get("Type");
      Map<String, Object> props = t.map(event.get("Properties"));
      if (onBus != null && !onBus.equals(bus(t, props))) {
        continue;
      }
      if (type.equals("Schedule") || type.equals("ScheduleV2")) {
        out.add(SCHEDULE_PATTERN);
      } else if (type.equals("EventBridgeRule") || type.equals("CloudWatchEvent")) {
        out.add((Map<String, Object>) t.resolve(props.get("Pattern"), params));
      }
    }
    return out;
  }

  @Test
  void everySampleEventMatchesItsFunction() throws Exception {
    SamTemplate template = SamTemplate.load();
    List<Path> files = EventFiles.all();
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String name = file.getFileName().toString();
      List<String> functions =
          name.startsWith("schedule-")
              ? List.copyOf(PREFIX.values())
              : PREFIX.entrySet().stream()
                  .filter(p -> name.startsWith(p.getKey()))
                  .map(Map.Entry::getValue)
                  .toList();
      assertThat(functions).as(name + " must start with a function prefix").isNotEmpty();
      Map<String, Object> sample = EventFiles.load(name);
      boolean failedCall =
          sample.get("detail") instanceof Map<?, ?> d && d.containsKey("errorCode");
      for (String function : functions) {
        if (failedCall) {
          // The rules drop failed calls; the sample shows what the function does if one comes.
          assertThat(matched(template, function, sample))
              .as(name + " (a failed call) reaches no rule of " + function)
              .isZero();
        } else {
          assertThat(matched(template, function, sample))
              .as(name + " matches an event source of " + function)
              .isPositive();
        }
      }
    }
  }

  /**
   * The tags the other functions write (size records, keep-up marks, the managed mark) do not wake
   * the tag enforcer: a 5,000-group evening would be 5,000 invocations. Anyone's other tags and
   * failed calls are told apart the same way.
   */
  @Test
  void theTagEnforcerIsNotWokenByTheStewardsOwnTagsOrByFailedCalls() throws Exception {
    SamTemplate template = SamTemplate.load();
    String fn = "TagEnforcerFunction";
    Map<String, Object> tag = EventFiles.load("tagging-tag-resource.json");
    Map<String, Object> untag = EventFiles.load("tagging-untag-resource.json");
    assertThat(matched(template, fn, tag)).isPositive();
    assertThat(matched(template, fn, untag)).isPositive();

    for (String key :
        List.of(
            "eks-steward/original-scaling", "eks-steward/keep-up-until", "eks-steward/managed")) {
      assertThat(matched(template, fn, withRequest(tag, "tags", Map.of(key, "x"))))
          .as("TagResource of " + key)
          .isZero();
      assertThat(matched(template, fn, withRequest(untag, "tagKeys", List.of(key))))
          .as("UntagResource of " + key)
          .isZero();
    }
    assertThat(matched(template, fn, withRequest(tag, "tags", Map.of("team", "x")))).isPositive();
    assertThat(matched(template, fn, withDetail(tag, "errorCode", "AccessDeniedException")))
        .isZero();
    assertThat(matched(template, fn, withDetail(untag, "errorCode", "AccessDeniedException")))
        .isZero();
  }

  /**
   * Wake and Release requests reach the scheduler only through the stack's requests bus, whose
   * policy names who may put them: no rule on the default bus takes one, whatever the function, and
   * the requests bus's rules take nothing else.
   */
  @Test
  void requestsAreTakenOnlyFromTheRequestsBus() throws Exception {
    SamTemplate template = SamTemplate.load();
    for (String file : List.of("scheduler-wake.json", "scheduler-release.json")) {
      Map<String, Object> request = EventFiles.load(file);
      for (String function : PREFIX.values()) {
        assertThat(matched(template, function, request, DEFAULT_BUS))
            .as(file + " on the default bus reaches no rule of " + function)
            .isZero();
      }
      assertThat(matched(template, "NodegroupSchedulerFunction", request, "RequestBus"))
          .as(file + " on the requests bus")
          .isEqualTo(1);
    }
    for (String other : List.of("schedule-tick.json", "scheduler-create-nodegroup.json")) {
      assertThat(
              matched(template, "NodegroupSchedulerFunction", EventFiles.load(other), "RequestBus"))
          .as(other + " is not taken from the requests bus")
          .isZero();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withRequest(
      Map<String, Object> event, String key, Object value) {
    Map<String, Object> request =
        new LinkedHashMap<>(
            (Map<String, Object>)
                ((Map<String, Object>) event.get("detail")).get("requestParameters"));
    request.put(key, value);
    return withDetail(event, "requestParameters", request);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withDetail(
      Map<String, Object> event, String key, Object value) {
    Map<String, Object> detail = new LinkedHashMap<>((Map<String, Object>) event.get("detail"));
    detail.put(key, value);
    Map<String, Object> out = new LinkedHashMap<>(event);
    out.put("detail", detail);
    return out;
  }

  private static int rule;

  /** How many of the function's event sources the event matches, by moto's EventBridge. */
  private long matched(SamTemplate template, String function, Map<String, Object> sample) {
    return matched(template, function, sample, null);
  }

  /** The same, for the rules on {@code bus} only (null: every rule, whatever its bus). */
  private long matched(
      SamTemplate template, String function, Map<String, Object> sample, String bus) {
    EventBridgeClient events = aws.events();
    SqsClient sqs = aws.client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
    if (events.listEventBuses(r -> r.namePrefix("patterns")).eventBuses().isEmpty()) {
      events.createEventBus(r -> r.name("patterns")); // moto is reset between tests
    }
    List<String> ids = new ArrayList<>();
    List<String> queues = new ArrayList<>();
    for (Map<String, Object> pattern : patterns(template, function, bus)) {
      String id = "r" + ++rule;
      String url = sqs.createQueue(r -> r.queueName(id)).queueUrl();
      String arn =
          sqs.getQueueAttributes(q -> q.queueUrl(url).attributeNamesWithStrings("QueueArn"))
              .attributesAsStrings()
              .get("QueueArn");
      events.putRule(r -> r.name(id).eventBusName("patterns").eventPattern(Json.write(pattern)));
      events.putTargets(r -> r.rule(id).eventBusName("patterns").targets(x -> x.id("q").arn(arn)));
      ids.add(id);
      queues.add(url);
    }
    events.putEvents(
        r ->
            r.entries(
                x ->
                    x.eventBusName("patterns")
                        .source((String) sample.get("source"))
                        .detailType((String) sample.get("detail-type"))
                        .detail(Json.write(sample.get("detail")))));
    long matched =
        queues.stream()
            .filter(
                url ->
                    !sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(0))
                        .messages()
                        .isEmpty())
            .count();
    for (String id : ids) {
      events.removeTargets(r -> r.rule(id).eventBusName("patterns").ids("q"));
      events.deleteRule(r -> r.name(id).eventBusName("patterns"));
    }
    return matched;
  }
}
