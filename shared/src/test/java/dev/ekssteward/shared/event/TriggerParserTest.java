package dev.ekssteward.shared.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.event.Trigger.ParameterChange;
import dev.ekssteward.shared.event.Trigger.ReleaseRequest;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import dev.ekssteward.shared.event.Trigger.Unrecognized;
import dev.ekssteward.shared.event.Trigger.WakeRequest;
import dev.ekssteward.shared.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriggerParserTest {

  private static Trigger parse(String json) {
    return Deliveries.read(Json.parseObject(json));
  }

  @Test
  void scheduledEvent() {
    Trigger t =
        parse(
            "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"time\":"
                + "\"2026-11-25T18:00:00Z\",\"resources\":[\"arn:aws:events:eu-west-1:1:rule/r\"],"
                + "\"detail\":{}}");

    assertThat(t)
        .isEqualTo(
            new ScheduleTick(
                Instant.parse("2026-11-25T18:00:00Z"), "arn:aws:events:eu-west-1:1:rule/r"));
  }

  @Test
  void schedulerV2Input() {
    assertThat(parse("{\"trigger\":\"schedule\"}")).isInstanceOf(ScheduleTick.class);
  }

  @Test
  void cloudTrailCallWithAssumedRole() {
    Trigger t =
        parse(
            """
            {"detail-type":"AWS API Call via CloudTrail","source":"aws.eks","account":"111122223333",
             "region":"eu-west-1","time":"2026-11-25T10:00:00Z",
             "detail":{"eventSource":"eks.amazonaws.com","eventName":"CreateNodegroup",
               "eventID":"e-1","awsRegion":"eu-west-1","userAgent":"aws-cli/2",
               "userIdentity":{"type":"AssumedRole",
                 "arn":"arn:aws:sts::111122223333:assumed-role/platform/alice",
                 "sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::111122223333:role/platform"}}},
               "requestParameters":{"name":"dev-1","nodegroupName":"ng-a"},
               "responseElements":{"nodegroup":{"nodegroupName":"ng-a"}}}}
            """);

    assertThat(t).isInstanceOf(CloudTrailCall.class);
    CloudTrailCall c = (CloudTrailCall) t;
    assertThat(c.eventName()).isEqualTo("CreateNodegroup");
    assertThat(c.account()).isEqualTo("111122223333");
    assertThat(c.region()).isEqualTo("eu-west-1");
    assertThat(c.requestParameters()).containsEntry("name", "dev-1");
    assertThat(c.caller().sessionName()).isEqualTo("alice");
    assertThat(c.caller().sessionIssuerArn()).isEqualTo("arn:aws:iam::111122223333:role/platform");
    assertThat(c.caller().isAwsService()).isFalse();
    assertThat(c.failed()).isFalse();
  }

  @Test
  void failedCloudTrailCallKeepsTheErrorCode() {
    CloudTrailCall c =
        (CloudTrailCall)
            parse(
                "{\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.eks\","
                    + "\"detail\":{\"eventSource\":\"eks.amazonaws.com\",\"eventName\":\"TagResource\","
                    + "\"errorCode\":\"AccessDenied\",\"userIdentity\":{\"type\":\"IAMUser\","
                    + "\"userName\":\"bob\"}}}");

    assertThat(c.failed()).isTrue();
    assertThat(c.caller().userName()).isEqualTo("bob");
  }

  @Test
  void theCloudFormationStackComesFromTheRequestTagsElseTheResponseAndOnlyAsAString() {
    String call =
        "{\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.eks\","
            + "\"detail\":{\"eventSource\":\"eks.amazonaws.com\",\"eventName\":\"CreateNodegroup\","
            + "\"userIdentity\":{\"type\":\"AssumedRole\","
            + "\"invokedBy\":\"cloudformation.amazonaws.com\"},%s}}";
    String tagged = "{\"tags\":{\"aws:cloudformation:stack-name\":\"%s\"}}";

    CloudTrailCall both =
        (CloudTrailCall)
            parse(
                String.format(
                    call,
                    "\"requestParameters\":"
                        + String.format(tagged, "from-request")
                        + ",\"responseElements\":{\"nodegroup\":"
                        + String.format(tagged, "from-response")
                        + "}"));
    CloudTrailCall response =
        (CloudTrailCall)
            parse(
                String.format(
                    call,
                    "\"requestParameters\":{\"name\":\"dev-1\"},\"responseElements\":{\"nodegroup\":"
                        + String.format(tagged, "from-response")
                        + "}"));
    CloudTrailCall odd =
        (CloudTrailCall)
            parse(
                String.format(
                    call,
                    "\"requestParameters\":{\"tags\":[\"aws:cloudformation:stack-name\"]},"
                        + "\"responseElements\":{\"nodegroup\":{\"tags\":"
                        + "{\"aws:cloudformation:stack-name\":7}}}"));

    assertThat(both.caller().stack()).isEqualTo("from-request");
    assertThat(response.caller().stack()).isEqualTo("from-response");
    assertThat(odd.caller().stack()).isNull();
    assertThat(odd.caller().invokedBy()).isEqualTo("cloudformation.amazonaws.com");
  }

  @Test
  void parameterStoreChange() {
    assertThat(
            parse(
                "{\"detail-type\":\"Parameter Store Change\",\"source\":\"aws.ssm\",\"account\":\"1\","
                    + "\"region\":\"eu-west-1\",\"detail\":{\"name\":\"/eks-steward/fargate/dev-1\","
                    + "\"operation\":\"Update\"}}"))
        .isEqualTo(
            new ParameterChange("/eks-steward/fargate/dev-1", "Update", "1", "eu-west-1", null));
  }

  @Test
  void wakeRequest() {
    assertThat(
            parse(
                "{\"detail-type\":\"Wake Request\",\"source\":\"eks-steward.requests\","
                    + "\"detail\":{\"cluster\":\"dev-1\",\"nodegroups\":[\"ng-a\"],\"minutes\":180}}"))
        .usingRecursiveComparison()
        .ignoringFields("proof")
        .isEqualTo(new WakeRequest("dev-1", List.of("ng-a"), 180, null, null));
    assertThat(
            parse(
                "{\"detail-type\":\"Wake Request\",\"source\":\"eks-steward.requests\","
                    + "\"detail\":{\"cluster\":\"dev-1\"}}"))
        .usingRecursiveComparison()
        .ignoringFields("proof")
        .isEqualTo(new WakeRequest("dev-1", List.of(), null, null, null));
  }

  @Test
  void aWakeRequestKeepsItsEventTimeAndNamesEachGroupOnceInOrder() {
    WakeRequest w =
        (WakeRequest)
            parse(
                "{\"detail-type\":\"Wake Request\",\"source\":\"eks-steward.requests\","
                    + "\"time\":\"2026-11-25T22:00:00Z\",\"detail\":{\"cluster\":\"dev-1\","
                    + "\"nodegroups\":[\"b\",\"a\",\"b\",\"a\"],\"requestId\":\"r-1\"}}");

    assertThat(w.time()).isEqualTo(Instant.parse("2026-11-25T22:00:00Z"));
    assertThat(w.nodegroups()).containsExactly("b", "a");
    // The proof covers the names as they were sent.
    assertThat(w.proof().binding())
        .isEqualTo(
            dev.ekssteward.shared.request.ProvenRequest.binding(
                "Wake Request",
                Map.of(
                    "cluster",
                    "dev-1",
                    "nodegroups",
                    List.of("b", "a", "b", "a"),
                    "requestId",
                    "r-1")));
  }

  /**
   * A request's proof is kept as sent, with the binding of the request's own fields: the same
   * fields give the same binding as the sender's ProvenRequest; any change gives another.
   */
  @Test
  void aRequestCarriesItsProofBoundToItsFields() {
    String json =
        "{\"detail-type\":\"Wake Request\",\"source\":\"eks-steward.requests\","
            + "\"detail\":{\"cluster\":\"dev-1\",\"nodegroups\":[\"b\",\"a\"],\"minutes\":60,"
            + "\"requestId\":\"r-1\",\"proof\":\"Action=GetCallerIdentity\"}}";
    WakeRequest w = (WakeRequest) parse(json);
    Map<String, Object> sent =
        Map.of(
            "cluster", "dev-1", "nodegroups", List.of("a", "b"), "minutes", 60, "requestId", "r-1");

    assertThat(w.proof().query()).isEqualTo("Action=GetCallerIdentity");
    assertThat(w.proof().requestId()).isEqualTo("r-1");
    assertThat(w.proof().binding())
        .isEqualTo(dev.ekssteward.shared.request.ProvenRequest.binding("Wake Request", sent))
        .isNotEqualTo(
            dev.ekssteward.shared.request.ProvenRequest.binding(
                "Wake Request", Map.of("cluster", "dev-1", "minutes", 60, "requestId", "r-1")))
        .isNotEqualTo(dev.ekssteward.shared.request.ProvenRequest.binding("Release Request", sent));
    assertThat(parse(json.replace("r-1", "r 1")))
        .isEqualTo(new Unrecognized("detail.requestId: 1-128 letters, digits and . _ : - only"));
  }

  @Test
  void releaseRequest() {
    String head =
        "{\"detail-type\":\"Release Request\",\"source\":\"eks-steward.requests\","
            + "\"time\":\"2026-11-25T21:30:00Z\",\"account\":\"1\",\"region\":\"eu-west-1\",";
    assertThat(parse(head + "\"detail\":{\"until\":\"2026-12-31T00:00:00Z\"}}"))
        .usingRecursiveComparison()
        .ignoringFields("proof")
        .isEqualTo(
            new ReleaseRequest(
                Instant.parse("2026-12-31T00:00:00Z"), null, null, "1", "eu-west-1"));
    assertThat(parse(head + "\"detail\":{\"hours\":24,\"cluster\":\"dev-1\"}}"))
        .as("hours count from the event's time")
        .usingRecursiveComparison()
        .ignoringFields("proof")
        .isEqualTo(
            new ReleaseRequest(
                Instant.parse("2026-11-26T21:30:00Z"), null, "dev-1", "1", "eu-west-1"));
    assertThat(
            parse(
                "{\"detail-type\":\"Release Request\",\"source\":\"eks-steward.requests\","
                    + "\"detail\":{\"hours\":24}}"))
        .as("without a time, from when it is handled")
        .usingRecursiveComparison()
        .ignoringFields("proof")
        .isEqualTo(new ReleaseRequest(null, 24, null, null, null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|detail.until or detail.hours: one is required (until an ISO-8601 time, or hours)",
        "{\"hours\":1,\"until\":\"2026-12-31T00:00:00Z\"}|detail: give until or hours, not both",
        "{\"hours\":0}|detail.hours: must be between 1 and 8784",
        "{\"hours\":8785}|detail.hours: must be between 1 and 8784",
        "{\"hours\":1.5}|detail.hours: must be a whole number",
        "{\"until\":\"soon\"}|detail.until: must be an ISO-8601 time",
        "{\"until\":\"2026-11-25T21:30:00Z\"}"
            + "|detail.until: must be after the event's time 2026-11-25T21:30:00Z",
        "{\"until\":\"2028-01-01T00:00:00Z\"}|detail.until: must be within 8784 hours of the event",
        "{\"hours\":1,\"cluster\":\"\"}"
            + "|detail.cluster: must not be empty (leave it out to release every cluster)",
        "{\"hours\":1,\"cluster\":7}|detail.cluster: must be a string",
      })
  void badReleaseRequestsNameTheField(String detail, String reason) {
    assertThat(
            parse(
                "{\"detail-type\":\"Release Request\",\"source\":\"eks-steward.requests\","
                    + "\"time\":\"2026-11-25T21:30:00Z\",\"detail\":"
                    + detail
                    + "}"))
        .isEqualTo(new Unrecognized(reason));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|event is empty",
        "{\"foo\":1}|not an EventBridge event: source and detail-type are required",
        "{\"trigger\":\"sweep\"}|trigger: unknown value 'sweep'",
        "{\"detail-type\":\"X\",\"source\":\"aws.s3\"}|unsupported event: source 'aws.s3', detail-type 'X'",
        "{\"detail-type\":7,\"source\":\"aws.s3\"}|detail-type: must be a string",
        "{\"detail-type\":\"Wake Request\",\"source\":\"eks-steward.requests\",\"detail\":{}}"
            + "|detail.cluster: is required",
        "{\"detail-type\":\"Wake Request\",\"source\":\"eks-steward.requests\","
            + "\"detail\":{\"cluster\":\"c\",\"minutes\":0}}|detail.minutes: must be between 1 and 10080",
        // An exponent that would take gigabytes as a whole number is refused at once.
        "{\"detail-type\":\"Wake Request\",\"source\":\"eks-steward.requests\","
            + "\"detail\":{\"cluster\":\"c\",\"minutes\":1e999999999}}"
            + "|detail.minutes: must be a whole number",
        "{\"detail-type\":\"Wake Request\",\"source\":\"eks-steward.requests\","
            + "\"detail\":{\"cluster\":\"c\",\"nodegroups\":\"ng\"}}"
            + "|detail.nodegroups: must be an array of strings",
        "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"time\":\"yesterday\"}"
            + "|time: must be an ISO-8601 time",
        "{\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.eks\",\"detail\":[]}"
            + "|detail: must be an object",
        "{\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.eks\",\"detail\":"
            + "{\"eventSource\":\"eks.amazonaws.com\"}}|detail.eventName: is required",
      })
  void unusableEventsSayWhy(String json, String reason) {
    assertThat(parse(json)).isEqualTo(new Unrecognized(reason));
  }

  @Test
  void aWakeRequestNamesAtMostAHundredNodeGroups() {
    String names =
        java.util.stream.IntStream.range(0, 101)
            .mapToObj(i -> "\"ng-" + i + "\"")
            .collect(java.util.stream.Collectors.joining(","));
    String event =
        "{\"detail-type\":\"Wake Request\",\"source\":\"eks-steward.requests\","
            + "\"detail\":{\"cluster\":\"c\",\"nodegroups\":["
            + names
            + "]}}";

    assertThat(parse(event))
        .isEqualTo(new Unrecognized("detail.nodegroups: at most 100 names, was 101"));
  }

  @Test
  void hugeValuesAreClippedInTheReason() {
    Trigger t = Deliveries.read(Map.of("detail-type", "x".repeat(100_000), "source", "aws.s3"));

    assertThat(((Unrecognized) t).reason()).hasSizeLessThan(200);
  }
}
