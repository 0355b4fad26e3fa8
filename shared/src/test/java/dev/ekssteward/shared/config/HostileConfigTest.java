package dev.ekssteward.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ekssteward.shared.json.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Config written to hurt: numbers that overflow, patterns that backtrack, documents too large,
 * documents with countless errors. Each gives a clear error (or a fast match) within a second and a
 * small memory budget.
 */
class HostileConfigTest {
  private static final Duration BUDGET = Duration.ofSeconds(1);

  @Test
  void aNumberWithAHugeExponentIsAClearErrorNotABillionDigits() {
    ConfigException e =
        assertTimeoutPreemptively(
            BUDGET, () -> catchConfig("{\"scheduler\": {\"gracePeriodMinutes\": 1e999999999}}"));

    assertThat(e.errors())
        .extracting(Object::toString)
        .containsExactly(
            "$.scheduler.gracePeriodMinutes: must be between 0 and 10080, was 1E+999999999");
  }

  @Test
  void aBacktrackingPatternMatchesInLinearTime() {
    StewardConfig config =
        StewardConfig.parse(
            "{\"tagging\": {\"required\": [{\"key\": \"team\", \"pattern\": \"^(.*a){12}$\"}]}}",
            "t");
    String value = "a".repeat(47) + "b"; // hours for java.util.regex

    boolean matched =
        assertTimeoutPreemptively(
            BUDGET, () -> config.tagging().required().get(0).pattern().matcher(value).matches());

    assertThat(matched).isFalse();
  }

  @Test
  void aPatternRe2CannotRunInLinearTimeIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                StewardConfig.parse(
                    "{\"tagging\": {\"required\": [{\"key\": \"team\", \"pattern\": \"^(a)\\\\1$\"}]}}",
                    "t"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("$.tagging.required[0].pattern: not a valid RE2 regular expression");
  }

  @Test
  void anOversizedDocumentIsRefusedUnread() {
    String huge = "{\"tagging\": {\"exemptClusters\": [\"" + "x".repeat(200_000) + "\"]}}";

    ConfigException e = assertTimeoutPreemptively(BUDGET, () -> catchConfig(huge));

    assertThat(e.errors())
        .extracting(Object::toString)
        .containsExactly(
            "$: has " + huge.length() + " characters; a config document has at most 65536");
  }

  @Test
  void countlessErrorsMakeAShortMessage() {
    StringBuilder regions = new StringBuilder("[");
    for (int i = 0; i < 5_000; i++) {
      regions.append(i == 0 ? "" : ",").append(i);
    }
    String doc =
        Json.write(Map.of("x", 1)).replace("\"x\":1", "\"targets\":{\"regions\":" + regions + "]}");

    ConfigException e = catchConfig(doc);

    assertThat(e.errors()).hasSize(ConfigException.LISTED + 1);
    assertThat(e.errors().get(ConfigException.LISTED).toString())
        .isEqualTo("$: " + (5_000 - ConfigException.LISTED) + " more problems not listed");
    assertThat(e.getMessage()).hasSizeLessThan(10_000);
  }

  @Test
  void nestingDeeperThanTheParserAllowsIsAClearError() {
    String deep = "{\"targets\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

    ConfigException e = assertTimeoutPreemptively(BUDGET, () -> catchConfig(deep));

    assertThat(e.getMessage()).contains("nesting deeper than " + Json.MAX_DEPTH);
  }

  private static ConfigException catchConfig(String json) {
    try {
      StewardConfig.parse(json, "t");
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json.substring(0, Math.min(80, json.length())));
  }
}
