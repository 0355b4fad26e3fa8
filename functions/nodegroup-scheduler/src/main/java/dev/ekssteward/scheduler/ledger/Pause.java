package dev.ekssteward.scheduler.ledger;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.json.JsonException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scale-downs paused by Release Requests: of every cluster until {@code all}, of some clusters (by
 * name, in every target) until their own time. Stored as {@code {"until": "...", "clusters":
 * {"dev-1": "..."}}} in {@code <CONFIG_PREFIX>/scheduler/pause}; the latest request for the same
 * clusters wins, so a shorter pause replaces a longer one.
 */
public record Pause(Instant all, Map<String, Instant> clusters) {
  public static final String NAME = "pause";
  public static final Pause NONE = new Pause(null, Map.of());

  public Pause {
    clusters = Map.copyOf(clusters);
  }

  /** Until when scale-downs of {@code cluster} are paused at {@code now}, or null. */
  public Instant until(String cluster, Instant now) {
    Instant own = clusters.get(cluster);
    Instant latest = own == null || (all != null && all.isAfter(own)) ? all : own;
    return latest != null && latest.isAfter(now) ? latest : null;
  }

  /** This pause with a request for {@code cluster} (null: every cluster) until {@code until}. */
  public Pause with(String cluster, Instant until, Instant now) {
    Map<String, Instant> kept = new TreeMap<>();
    clusters.forEach(
        (name, time) -> {
          if (time.isAfter(now) && cluster != null) {
            kept.put(name, time);
          }
        });
    if (cluster == null) {
      return new Pause(until, kept);
    }
    kept.put(cluster, until);
    return new Pause(all != null && all.isAfter(now) ? all : null, kept);
  }

  public String encode() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (all != null) {
      out.put("until", all.toString());
    }
    Map<String, Object> byName = new TreeMap<>();
    clusters.forEach((name, time) -> byName.put(name, time.toString()));
    if (!byName.isEmpty()) {
      out.put("clusters", byName);
    }
    return Json.write(out);
  }

  /**
   * The stored document; one that does not read (edited by hand) pauses nothing rather than
   * everything forever, and the next Release Request rewrites it.
   */
  public static Pause parse(String value) {
    try {
      Map<String, Object> doc = Json.parseObject(value);
      Instant all = doc.get("until") instanceof String s ? Instant.parse(s) : null;
      Map<String, Instant> clusters = new TreeMap<>();
      if (doc.get("clusters") instanceof Map<?, ?> m) {
        m.forEach(
            (k, v) -> {
              if (k instanceof String name && v instanceof String time) {
                clusters.put(name, Instant.parse(time));
              }
            });
      }
      return new Pause(all, clusters);
    } catch (JsonException | DateTimeParseException | ClassCastException e) {
      return NONE;
    }
  }
}
