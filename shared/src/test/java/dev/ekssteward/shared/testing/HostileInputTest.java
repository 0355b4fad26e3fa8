package dev.ekssteward.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.ConfigException;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.config.TagLimits;
import dev.ekssteward.shared.event.Deliveries;
import dev.ekssteward.shared.event.Trigger;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Pure properties over the hostile generators: the parsers never throw anything unplanned. */
class HostileInputTest {
  private static final Map<String, Object> CLOUDTRAIL =
      Map.of(
          "detail-type", "AWS API Call via CloudTrail",
          "source", "aws.eks",
          "account", "123456789012",
          "detail",
              Map.of(
                  "eventSource", "eks.amazonaws.com",
                  "eventName", "TagResource",
                  "awsRegion", "eu-west-1",
                  "requestParameters", Map.of("resourceArn", "arn:aws:eks:x", "tags", Map.of()),
                  "userIdentity", Map.of("type", "IAMUser", "arn", "arn:aws:iam::1:user/u")));

  @Provide
  Arbitrary<Map<String, Object>> events() {
    return HostileInput.events(List.of(CLOUDTRAIL));
  }

  @Provide
  Arbitrary<String> documents() {
    return HostileInput.documents(
        Map.of("tagging", Map.of("required", List.of(Map.of("key", "team")))));
  }

  @Provide
  Arbitrary<String> tagValues() {
    return HostileInput.tagValues();
  }

  @Property(tries = 300, seed = "4242")
  void anyEventBecomesATriggerWithoutThrowing(@ForAll("events") Map<String, Object> event) {
    Trigger trigger = Deliveries.read(event);

    assertThat(trigger).isNotNull();
    if (trigger instanceof Trigger.Unrecognized u) {
      assertThat(u.reason()).isNotBlank().hasSizeLessThan(400);
    }
  }

  @Property(tries = 300, seed = "4243")
  void anyConfigDocumentParsesOrIsRejectedNamingTheField(@ForAll("documents") String document) {
    try {
      assertThat(StewardConfig.parse(document, "/eks-steward/config")).isNotNull();
    } catch (ConfigException e) {
      assertThat(e.errors()).isNotEmpty();
      assertThat(e.getMessage()).startsWith("invalid /eks-steward/config").hasSizeLessThan(4000);
    }
  }

  @Property(tries = 300, seed = "4244")
  void tagValuesThatPassOurCheckAreValuesAwsAccepts(@ForAll("tagValues") String value) {
    String problem = TagLimits.valueProblem(value);

    if (problem == null) {
      assertThat(value.length()).isLessThanOrEqualTo(256);
      assertThat(value).doesNotContain(",", ";", "\t", "\n", "\u0000");
    }
    if (value.length() > 256 || value.contains(",") || value.contains(";")) {
      assertThat(problem).isNotNull();
    }
    String keyProblem = TagLimits.keyProblem(value);
    if (value.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
      assertThat(keyProblem).isEqualTo("the aws: prefix is reserved");
    }
  }
}
