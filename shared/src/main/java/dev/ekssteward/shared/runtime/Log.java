package dev.ekssteward.shared.runtime;

import dev.ekssteward.shared.json.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One JSON object per line on stdout, which Lambda ships to CloudWatch Logs. Each line carries
 * {@code level} and an RFC 3339 {@code timestamp}: with the JSON log format, Lambda files a line
 * that lacks either under INFO, so a WARN or ERROR line would vanish at {@code LogLevel=WARN}.
 */
public final class Log {
  /** Set by Lambda to the function's ApplicationLogLevel (JSON log format only). */
  static final String LEVEL_VARIABLE = "AWS_LAMBDA_LOG_LEVEL";

  private final String function;
  private final boolean debug = "DEBUG".equals(passing()) || "TRACE".equals(passing());
  // Lambda runs one invocation at a time in a container; the pipeline sets it at the start.
  private volatile String requestId;

  public Log(String function) {
    this.function = function;
  }

  /** The request id every line carries until the next invocation sets its own. */
  public void request(String id) {
    this.requestId = id;
  }

  /** Only written when the function's LogLevel is DEBUG (or TRACE): no cost otherwise. */
  public void debug(String message, Supplier<Map<String, ?>> fields) {
    if (debug) {
      write("DEBUG", message, fields.get());
    }
  }

  public void info(String message, Map<String, ?> fields) {
    write("INFO", message, fields);
  }

  public void warn(String message, Map<String, ?> fields) {
    write("WARN", message, fields);
  }

  public void error(String message, Map<String, ?> fields) {
    write("ERROR", message, fields);
  }

  /**
   * The level that Lambda's filter lets through whatever it is set to: the filter's own level.
   * Lines that must always arrive (the metrics) carry it.
   */
  public static String passing() {
    String level = System.getenv(LEVEL_VARIABLE);
    return level == null || level.isBlank() ? "INFO" : level.trim().toUpperCase(Locale.ROOT);
  }

  private void write(String level, String message, Map<String, ?> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("timestamp", Instant.now().toString());
    line.put("level", level);
    line.put("function", function);
    if (requestId != null) {
      line.put("requestId", requestId);
    }
    line.put("message", message);
    line.putAll(fields);
    PrintStream out = System.out;
    out.println(Json.write(line));
  }
}
