package dev.ekssteward.tagging.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.config.ConfigError;
import dev.ekssteward.shared.config.ConfigException;
import dev.ekssteward.shared.config.StewardConfig;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An invalid policy is rejected with errors that name the path and the EKS limit broken. */
class PolicyValidationTest {

  private static void rejects(String tagging, String path, String reason) {
    assertThatThrownBy(() -> StewardConfig.parse("{\"tagging\": " + tagging + "}", "test"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.errors())
                    .contains(new ConfigError(path, reason)));
  }

  @Test
  void keyLongerThan128() {
    rejects(
        "{\"required\": [{\"key\": \"" + "k".repeat(129) + "\"}]}",
        "$.tagging.required[0].key",
        "tag keys are 1 to 128 characters");
  }

  @Test
  void allowedValueLongerThan256() {
    rejects(
        "{\"required\": [{\"key\": \"team\", \"allowed\": [\"ok\", \"" + "v".repeat(257) + "\"]}]}",
        "$.tagging.required[0].allowed[1]",
        "tag values are 0 to 256 characters");
  }

  @Test
  void defaultWithAComma() {
    rejects(
        "{\"required\": [{\"key\": \"team\", \"default\": \"a,b\"}]}",
        "$.tagging.required[0].default",
        "tag values allow letters, digits, spaces and + - = . _ : / @ only");
  }

  @Test
  void awsPrefixIsReserved() {
    rejects(
        "{\"creatorTagKey\": \"aws:created-by\"}",
        "$.tagging.creatorTagKey",
        "the aws: prefix is reserved");
  }

  @Test
  void moreKeysThanAResourceCanHold() {
    String rules =
        IntStream.range(0, 50)
            .mapToObj(i -> "{\"key\": \"k" + i + "\"}")
            .collect(Collectors.joining(","));
    rejects(
        "{\"creatorTagKey\": \"created-by\", \"required\": [" + rules + "]}",
        "$.tagging.required",
        "the policy sets 51 tag keys (required keys plus creatorTagKey) but a resource holds at"
            + " most 50 tags");
  }

  @Test
  void creatorKeyMustNotBeARequiredKey() {
    rejects(
        "{\"creatorTagKey\": \"team\", \"required\": [{\"key\": \"team\"}]}",
        "$.tagging.creatorTagKey",
        "'team' is also a required key; use another key");
  }

  @Test
  void allowedValuesMustSurviveNormalization() {
    rejects(
        "{\"required\": [{\"key\": \"env\", \"allowed\": [\"dev\", \"Prod\"], \"normalize\":"
            + " \"lower\"}]}",
        "$.tagging.required[0].allowed[1]",
        "is not lower case, so no value can match it");
  }

  @Test
  void defaultMustSatisfyItsOwnRule() {
    rejects(
        "{\"required\": [{\"key\": \"cost-center\", \"pattern\": \"^[0-9]{4}$\", \"default\":"
            + " \"none\"}]}",
        "$.tagging.required[0].default", "does not match pattern");
  }
}
