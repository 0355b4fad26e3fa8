package dev.ekssteward.scheduler.ledger;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.json.JsonException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where size records may stand: per (account, region), the clusters whose groups carry a record or
 * follow a schedule, and the role that reaches them. It lets a tick visit a cluster, account or
 * region that left the config while a record remains there, without listing every account ever
 * configured; the tag on the group stays the truth. Kept in Parameter Store as {@code
 * <root>/records/<account>/<region>/<n>}, each {@code {"role": "...", "clusters": [...]}} within a
 * Standard parameter's 4 KB, numbered from 1.
 */
public final class RecordIndex {
  static final String RECORDS = "/records/";

  /** A Standard parameter's limit is 4096 characters; some room for the role and the JSON. */
  static final int CHUNK = 3800;

  private static final Pattern NAME =
      Pattern.compile("^/records/(self|\\d{12})/([a-z0-9-]{1,32})/(\\d{1,3})$");

  /** One (account, region): its role (null: own credentials), clusters and stored chunks. */
  public record Entry(String role, SortedSet<String> clusters, Map<Integer, String> chunks) {}

  private final String root;
  private final Map<IndexKey, Entry> entries;

  private RecordIndex(String root, Map<IndexKey, Entry> entries) {
    this.root = root;
    this.entries = entries;
  }

  /** The index among the parameters under {@code root}; chunks that do not read are ignored. */
  public static RecordIndex parse(String root, Map<String, String> parameters) {
    Map<IndexKey, Entry> entries = new TreeMap<>(RecordIndex::compare);
    parameters.forEach(
        (name, value) -> {
          Matcher m = name.startsWith(root) ? NAME.matcher(name.substring(root.length())) : null;
          if (m == null || !m.matches()) {
            return;
          }
          IndexKey key = new IndexKey(m.group(1), m.group(2));
          Entry e =
              entries.computeIfAbsent(key, k -> new Entry(null, new TreeSet<>(), new TreeMap<>()));
          e.chunks().put(Integer.parseInt(m.group(3)), value);
          try {
            Map<String, Object> doc = Json.parseObject(value);
            if (doc.get("clusters") instanceof List<?> list) {
              list.stream()
                  .filter(String.class::isInstance)
                  .forEach(c -> e.clusters().add((String) c));
            }
            if (doc.get("role") instanceof String role) {
              entries.put(key, new Entry(role, e.clusters(), e.chunks()));
            }
          } catch (JsonException ignored) {
            // Our own parameter edited by hand: its clusters are unknown; a rewrite replaces it.
          }
        });
    return new RecordIndex(root, entries);
  }

  public Map<IndexKey, Entry> entries() {
    return entries;
  }

  public boolean contains(IndexKey key, String cluster) {
    Entry e = entries.get(key);
    return e != null && e.clusters().contains(cluster);
  }

  /**
   * The writes that make {@code key}'s chunks hold exactly {@code clusters} (none when they do):
   * changed chunks put, chunks no longer needed deleted.
   */
  public List<UpdateRecordIndex> writes(IndexKey key, String role, SortedSet<String> clusters) {
    Map<Integer, String> stored = entries.containsKey(key) ? entries.get(key).chunks() : Map.of();
    List<String> values = chunks(role, clusters);
    List<UpdateRecordIndex> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).equals(stored.get(i + 1))) {
        out.add(new UpdateRecordIndex(name(key, i + 1), key, List.copyOf(clusters), values.get(i)));
      }
    }
    for (int n : stored.keySet()) {
      if (n > values.size()) {
        out.add(new UpdateRecordIndex(name(key, n), key, List.of(), null));
      }
    }
    return out;
  }

  String name(IndexKey key, int chunk) {
    return root + RECORDS + key.account() + "/" + key.region() + "/" + chunk;
  }

  private static List<String> chunks(String role, SortedSet<String> clusters) {
    List<String> out = new ArrayList<>();
    List<String> part = new ArrayList<>();
    int size = 0;
    for (String c : clusters) {
      if (!part.isEmpty() && size + c.length() + 3 > CHUNK) {
        out.add(value(role, part));
        part = new ArrayList<>();
        size = 0;
      }
      part.add(c);
      size += c.length() + 3;
    }
    if (!part.isEmpty()) {
      out.add(value(role, part));
    }
    return out;
  }

  private static String value(String role, List<String> clusters) {
    Map<String, Object> doc = new LinkedHashMap<>();
    if (role != null) {
      doc.put("role", role);
    }
    doc.put("clusters", clusters);
    return Json.write(doc);
  }

  private static int compare(IndexKey a, IndexKey b) {
    return a.toString().compareTo(b.toString());
  }
}
