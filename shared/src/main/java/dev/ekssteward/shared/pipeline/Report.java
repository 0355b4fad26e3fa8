package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handler's reply: what was planned, what was applied, what was found, what is pending and what
 * failed. Collected from parallel scopes, so every mutator is synchronized; each list is reported
 * in the order of the scopes (as listed), then of the entries within one, whatever order the scopes
 * finished in.
 */
public final class Report {
  private final String function;
  private final boolean dryRun;
  private final Map<String, Object> trigger;
  private String status = "ok";
  private String reason;
  private String configSource;
  private final Map<String, Integer> scopeOrder = new HashMap<>();
  private final List<Entry> planned = new ArrayList<>();
  private final List<Entry> applied = new ArrayList<>();
  private final List<Entry> findings = new ArrayList<>();
  private final List<Entry> pending = new ArrayList<>();
  private final List<Object> errors = new ArrayList<>();
  private Map<String, Double> metrics = Map.of();
  private Map<String, Object> limits;

  public Report(String function, boolean dryRun, Map<String, Object> trigger) {
    this.function = function;
    this.dryRun = dryRun;
    this.trigger = trigger;
  }

  public synchronized Report status(String status, String reason) {
    this.status = status;
    this.reason = reason;
    return this;
  }

  public synchronized void configSource(String source) {
    this.configSource = source;
  }

  /** One entry, with the position of its scope (run-wide entries come last) and its own. */
  private record Entry(int scope, int seq, Object value) {}

  private Entry entry(Scope scope, List<Entry> list, Object value) {
    int at = scope == null ? Integer.MAX_VALUE : scopeOrder.getOrDefault(scope.toString(), 0);
    return new Entry(at, list.size(), value);
  }

  /** The order the scopes were listed in, which the report keeps. */
  public synchronized void scopes(List<Scope> scopes) {
    for (Scope s : scopes) {
      scopeOrder.putIfAbsent(s.toString(), scopeOrder.size());
    }
  }

  public synchronized void planned(Scope scope, Action action) {
    planned.add(entry(scope, planned, withScope(scope, action)));
  }

  public synchronized void applied(Scope scope, Outcome outcome) {
    applied.add(entry(scope, applied, outcome));
  }

  /** A finding of a scope, or (scope null) of the whole run. */
  public synchronized void finding(Scope scope, Finding finding) {
    findings.add(entry(scope, findings, finding));
  }

  public synchronized void pending(Scope scope, String what) {
    pending.add(entry(scope, pending, Map.of("scope", scope.toString(), "reason", what)));
  }

  public synchronized void error(String where, Throwable error, boolean retryable) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("scope", where);
    e.put("errorType", error.getClass().getSimpleName());
    e.put("message", String.valueOf(error.getMessage()));
    e.put("retryable", retryable);
    errors.add(e);
  }

  /** The counts against the change limits, shown when they stopped the run. */
  public synchronized void limits(Map<String, Object> limits) {
    this.limits = new LinkedHashMap<>(limits);
  }

  public synchronized void metrics(Map<String, Double> metrics) {
    this.metrics = Map.copyOf(metrics);
  }

  public synchronized List<Outcome> outcomes() {
    return values(applied, Outcome.class);
  }

  public synchronized List<Finding> findings() {
    return values(findings, Finding.class);
  }

  private static <T> List<T> values(List<Entry> entries, Class<T> type) {
    return entries.stream()
        .sorted(Comparator.comparingInt(Entry::scope).thenComparingInt(Entry::seq))
        .map(e -> type.cast(e.value()))
        .toList();
  }

  public synchronized boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** A change AWS refused or that failed after the retries (its outcome says why). */
  public synchronized boolean hasFailedChanges() {
    return applied.stream().anyMatch(e -> ((Outcome) e.value()).status() == Outcome.Status.FAILED);
  }

  private static Object withScope(Scope scope, Action action) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json = new LinkedHashMap<>((Map<String, Object>) action.toJson());
    json.put("scope", scope.toString());
    return json;
  }

  /** Past this a log line would be cut: CloudWatch Logs takes events of up to 256 KB. */
  static final int MAX_LOG_BYTES = 200_000;

  /**
   * The reply as one log line: whole, or where that would not fit in a log event, with each list
   * replaced by its length (every action has its own {@code planned} or {@code applied} line).
   */
  static Map<String, Object> forLog(Map<String, Object> reply) {
    String whole = Json.write(reply);
    if (whole.length() <= MAX_LOG_BYTES) {
      return reply;
    }
    Map<String, Object> brief = new LinkedHashMap<>();
    reply.forEach((k, v) -> brief.put(k, v instanceof List<?> l ? l.size() : v));
    brief.put(
        "truncated",
        "the whole report is "
            + whole.length()
            + " characters, over the log event limit; lists are given as their lengths");
    return brief;
  }

  /** The reply as plain maps and lists, which the Lambda runtime serialises to JSON. */
  public synchronized Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("function", function);
    out.put("dryRun", dryRun);
    out.put("status", status);
    if (reason != null) {
      out.put("reason", reason);
    }
    if (limits != null) {
      out.put("limits", limits);
    }
    out.put("trigger", trigger);
    if (configSource != null) {
      out.put("config", configSource);
    }
    out.put("planned", values(planned, Object.class));
    out.put("applied", values(applied, Outcome.class).stream().map(JsonValue::toJson).toList());
    out.put("findings", values(findings, Finding.class).stream().map(JsonValue::toJson).toList());
    out.put("pending", values(pending, Object.class));
    out.put("errors", errors);
    out.put("metrics", new java.util.TreeMap<>(metrics));
    return plain(out);
  }

  /** Converts records to maps all the way down so any JSON serialiser prints the same thing. */
  @SuppressWarnings("unchecked")
  static <T> T plain(Object value) {
    if (value instanceof JsonValue jv) {
      return plain(jv.toJson());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return (T) out;
    }
    if (value instanceof java.util.Collection<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(plain(v)));
      return (T) out;
    }
    if (value instanceof java.time.temporal.TemporalAccessor || value instanceof Enum<?>) {
      return (T) value.toString();
    }
    return (T) value;
  }

  /** The trigger as the report shows it: its kind and what identifies it. */
  static Map<String, Object> describe(Trigger trigger) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", trigger.kind());
    if (trigger instanceof Trigger.CloudTrailCall c) {
      out.put("eventName", c.eventName());
      out.put("eventSource", c.eventSource());
    } else if (trigger instanceof Trigger.ParameterChange p) {
      out.put("parameter", p.name());
      out.put("operation", p.operation());
    } else if (trigger instanceof Trigger.WakeRequest w) {
      out.put("cluster", w.cluster());
    } else if (trigger instanceof Trigger.ReleaseRequest r && r.cluster() != null) {
      out.put("cluster", r.cluster());
    } else if (trigger instanceof Trigger.Recheck r) {
      out.put("eventName", r.what().call());
      out.put("look", r.what().look());
    }
    return out;
  }
}
