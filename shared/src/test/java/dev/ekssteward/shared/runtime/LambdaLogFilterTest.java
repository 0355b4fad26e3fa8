package dev.ekssteward.shared.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.metrics.Metrics;
import dev.ekssteward.shared.metrics.MetricsNamespace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our lines through Lambda's application log-level filter, as AWS documents it for runtimes that
 * write JSON themselves: a line's level is its {@code level} key when that is a valid level and its
 * {@code timestamp} is valid RFC 3339; otherwise the line is INFO. Lines below the function's level
 * are dropped.
 */
class LambdaLogFilterTest {
  static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

  static String levelLambdaGives(String line) {
    Map<String, Object> json = Json.parseObject(line);
    Object level = json.get("level");
    Object timestamp = json.get("timestamp");
    if (!(level instanceof String l) || !LEVELS.contains(l.toUpperCase())) {
      return "INFO";
    }
    try {
      Instant.parse((String) timestamp);
    } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
      return "INFO";
    }
    return l.toUpperCase();
  }

  static List<String> passing(List<String> lines, String filter) {
    return lines.stream()
        .filter(l -> LEVELS.indexOf(levelLambdaGives(l)) >= LEVELS.indexOf(filter))
        .toList();
  }

  /** What the code prints while {@code run} runs. */
  static List<String> printed(Runnable run) {
    PrintStream before = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setOut(before);
    }
    return buffer.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void atWarnTheMetricsAndOurWarningsAndErrorsArriveAndInfoDoesNot() {
    Log log = new Log("fn");
    Clock clock = Clock.fixed(Instant.parse("2026-12-06T18:00:00Z"), ZoneOffset.UTC);
    Metrics metrics = new Metrics("fn", clock, "WARN", MetricsNamespace.DEFAULT);
    metrics.add("AppliedScaleDown", 3);
    log.request("0f6c-request");

    List<String> lines =
        printed(
            () -> {
              log.info("planned", Map.of());
              log.warn("retrying", Map.of());
              log.error("failed", Map.of());
              metrics.flush();
            });

    assertThat(lines).hasSize(4);
    List<String> kept = passing(lines, "WARN");
    assertThat(kept).hasSize(3);
    assertThat(kept.get(0)).contains("\"message\":\"retrying\"");
    assertThat(kept.get(1)).contains("\"message\":\"failed\"");
    assertThat(lines.subList(0, 3)).allMatch(l -> l.contains("\"requestId\":\"0f6c-request\""));
    assertThat(kept.get(2)).contains("\"AppliedScaleDown\":3").contains("\"level\":\"WARN\"");
    assertThat(passing(lines, "ERROR")).hasSize(1);
    assertThat(passing(lines, "INFO")).hasSize(4);
  }

  @Test
  void aLineWithoutATimestampIsInfoToLambdaWhateverItsLevel() {
    assertThat(levelLambdaGives("{\"level\":\"ERROR\",\"message\":\"x\"}")).isEqualTo("INFO");
    assertThat(levelLambdaGives("{\"level\":\"ERROR\",\"timestamp\":\"yesterday\"}"))
        .isEqualTo("INFO");
    assertThat(levelLambdaGives("{\"_aws\":{},\"AppliedScaleDown\":1}")).isEqualTo("INFO");
  }
}
