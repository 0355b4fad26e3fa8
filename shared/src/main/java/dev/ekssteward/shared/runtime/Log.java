package dev.ekssteward.shared.runtime;

import dev.ekssteward.shared.json.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON object per line on stdout, which Lambda ships to CloudWatch Logs. */
public final class Log {
  private final String function;

  public Log(String function) {
    this.function = function;
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

  private void write(String level, String message, Map<String, ?> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("level", level);
    line.put("function", function);
    line.put("message", message);
    line.putAll(fields);
    PrintStream out = System.out;
    out.println(Json.write(line));
  }
}
