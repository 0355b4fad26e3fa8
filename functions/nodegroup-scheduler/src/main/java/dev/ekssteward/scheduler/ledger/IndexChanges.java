package dev.ekssteward.scheduler.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The record index as read, the clusters a run found needing (or no longer needing) their place,
 * and the writes that follow: only the (account, region) entries that changed.
 */
final class IndexChanges {
  private final String root;
  private final Map<String, String> parameters;
  private RecordIndex current;
  private final Map<IndexKey, Map<String, Boolean>> seen =
      new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
  private final Map<IndexKey, String> roles = new LinkedHashMap<>();
  private List<UpdateRecordIndex> pending = List.of();

  IndexChanges(String root, Map<String, String> stored) {
    this.root = root;
    this.parameters = new TreeMap<>(stored);
    this.current = RecordIndex.parse(root, parameters);
  }

  RecordIndex current() {
    return current;
  }

  /** {@code role}: how the run reached the target (null: own credentials). */
  void note(IndexKey key, String role, String cluster, boolean needed) {
    seen.computeIfAbsent(key, k -> new TreeMap<>()).put(cluster, needed);
    roles.put(key, role);
  }

  List<UpdateRecordIndex> writes() {
    List<UpdateRecordIndex> out = new ArrayList<>();
    seen.forEach(
        (key, clusters) -> {
          RecordIndex.Entry stored = current.entries().get(key);
          SortedSet<String> wanted = new TreeSet<>(stored == null ? List.of() : stored.clusters());
          clusters.forEach(
              (c, needed) -> {
                if (needed) {
                  wanted.add(c);
                } else {
                  wanted.remove(c);
                }
              });
          String role = roles.get(key);
          boolean same =
              stored == null
                  ? wanted.isEmpty()
                  : wanted.equals(stored.clusters()) && Objects.equals(role, stored.role());
          if (!same) {
            out.addAll(current.writes(key, role, wanted));
          }
        });
    pending = out;
    return out;
  }

  /** The last writes were made: the index is now what they wrote. */
  void written() {
    for (UpdateRecordIndex u : pending) {
      if (u.value() == null) {
        parameters.remove(u.target());
      } else {
        parameters.put(u.target(), u.value());
      }
    }
    pending = List.of();
    current = RecordIndex.parse(root, parameters);
  }
}
