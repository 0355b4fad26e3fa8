package dev.ekssteward.scheduler.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The record index's parameters: read, and rewritten only where they change, 4 KB each. */
class RecordIndexTest {
  static final String ROOT = "/eks-steward/scheduler";
  static final IndexKey KEY = new IndexKey("111122223333", "eu-west-1");
  static final String ROLE = "arn:aws:iam::111122223333:role/eks-steward-member";

  @Test
  void readsItsOwnParametersAndIgnoresTheRest() {
    RecordIndex index =
        RecordIndex.parse(
            ROOT,
            Map.of(
                ROOT + "/records/111122223333/eu-west-1/1",
                "{\"role\":\"" + ROLE + "\",\"clusters\":[\"b\",\"a\"]}",
                ROOT + "/records/self/us-east-2/1",
                "{\"clusters\":[\"c\"]}",
                ROOT + "/records/111122223333/eu-west-1/2",
                "not json",
                ROOT + "/pause",
                "{}",
                "/other/records/111122223333/eu-west-1/1",
                "{\"clusters\":[\"x\"]}"));

    assertThat(index.entries()).containsOnlyKeys(KEY, new IndexKey("self", "us-east-2"));
    assertThat(index.entries().get(KEY).role()).isEqualTo(ROLE);
    assertThat(index.entries().get(KEY).clusters()).containsExactly("a", "b");
    assertThat(index.contains(new IndexKey("self", "us-east-2"), "c")).isTrue();
    assertThat(index.contains(KEY, "x")).isFalse();
  }

  @Test
  void writesOnlyWhatChangedAndDeletesChunksNoLongerNeeded() {
    String one = "{\"role\":\"" + ROLE + "\",\"clusters\":[\"a\"]}";
    RecordIndex index =
        RecordIndex.parse(ROOT, Map.of(ROOT + "/records/111122223333/eu-west-1/1", one));

    assertThat(index.writes(KEY, ROLE, new TreeSet<>(List.of("a")))).isEmpty();
    assertThat(index.writes(KEY, ROLE, new TreeSet<>(List.of("a", "b"))))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.target()).isEqualTo(ROOT + "/records/111122223333/eu-west-1/1");
              assertThat(u.value())
                  .isEqualTo("{\"role\":\"" + ROLE + "\",\"clusters\":[\"a\",\"b\"]}");
            });
    assertThat(index.writes(KEY, ROLE, new TreeSet<>()))
        .singleElement()
        .satisfies(u -> assertThat(u.value()).isNull());
  }

  @Test
  void aHundredLongNamesSpreadOverParametersOfAtMost4Kb() {
    SortedSet<String> clusters = new TreeSet<>();
    IntStream.range(0, 100)
        .forEach(i -> clusters.add(("c" + i + "-").repeat(40).substring(0, 100)));
    RecordIndex empty = RecordIndex.parse(ROOT, Map.of());

    List<UpdateRecordIndex> writes = empty.writes(KEY, ROLE, clusters);

    assertThat(writes)
        .hasSizeGreaterThan(2)
        .allSatisfy(u -> assertThat(u.value()).hasSizeLessThan(4096));
    Map<String, String> stored = new TreeMap<>();
    writes.forEach(u -> stored.put(u.target(), u.value()));
    RecordIndex read = RecordIndex.parse(ROOT, stored);
    assertThat(read.entries().get(KEY).clusters()).isEqualTo(clusters);
    // Fewer clusters later: the chunks beyond are deleted.
    assertThat(read.writes(KEY, ROLE, new TreeSet<>(List.of(clusters.first()))))
        .filteredOn(u -> u.value() == null)
        .hasSize(writes.size() - 1);
  }
}
