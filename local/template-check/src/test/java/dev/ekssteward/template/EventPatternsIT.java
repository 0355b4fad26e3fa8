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

  /** The event patterns of one function: its rules' patterns and, for schedules, the tick's. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> patterns(SamTemplate t, String function) {
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
    EventBridgeClient events = aws.events();
    SqsClient sqs = aws.client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
    events.createEventBus(r -> r.name("patterns"));
    int rule = 0;
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
      for (String function : functions) {
        List<String> queues = new ArrayList<>();
        for (Map<String, Object> pattern : patterns(template, function)) {
          String id = "r" + rule++;
          String url = sqs.createQueue(r -> r.queueName(id)).queueUrl();
          String arn =
              sqs.getQueueAttributes(q -> q.queueUrl(url).attributeNamesWithStrings("QueueArn"))
                  .attributesAsStrings()
                  .get("QueueArn");
          events.putRule(
              r -> r.name(id).eventBusName("patterns").eventPattern(Json.write(pattern)));
          events.putTargets(
              r -> r.rule(id).eventBusName("patterns").targets(x -> x.id("q").arn(arn)));
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
        assertThat(matched).as(name + " matches an event source of " + function).isPositive();
        for (int i = rule - queues.size(); i < rule; i++) {
          String id = "r" + i;
          events.removeTargets(r -> r.rule(id).eventBusName("patterns").ids("q"));
          events.deleteRule(r -> r.name(id).eventBusName("patterns"));
        }
      }
    }
  }
}
