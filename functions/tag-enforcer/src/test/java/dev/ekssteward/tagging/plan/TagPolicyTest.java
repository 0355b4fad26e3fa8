package dev.ekssteward.tagging.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy evaluation table: one row per rule the issue names. */
class TagPolicyTest {
  private static final Map<String, String> COMPLIANT =
      Map.of("team", "payments", "cost-center", "1234", "env", "dev");

  record Case(
      String name,
      String cluster,
      Map<String, String> tags,
      String creator,
      List<String> removed,
      Map<String, String> changes,
      Map<String, String> reasons,
      List<Violation> violations,
      boolean exempt) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> table() {
    return Stream.of(
        row("compliant: nothing to change", "dev-1", COMPLIANT, null, List.of())
            .expect(Map.of(), Map.of(), List.of()),
        row("missing with default: default added", "dev-1", without("cost-center"), null, List.of())
            .expect(Map.of("cost-center", "0000"), Map.of("cost-center", "default"), List.of()),
        row("missing without default: violation", "dev-1", without("team"), null, List.of())
            .expect(
                Map.of(),
                Map.of(),
                List.of(new Violation("team", null, "required (allowed: [payments, search])"))),
        row("bad value (list): violation", "dev-1", with("team", "marketing"), null, List.of())
            .expect(
                Map.of(),
                Map.of(),
                List.of(new Violation("team", "marketing", "allowed: [payments, search]"))),
        row("bad value (regex): violation", "dev-1", with("cost-center", "12a"), null, List.of())
            .expect(
                Map.of(),
                Map.of(),
                List.of(new Violation("cost-center", "12a", "pattern: ^[0-9]{4}$"))),
        row("case only differs: normalized", "dev-1", with("env", "DEV"), null, List.of())
            .expect(Map.of("env", "dev"), Map.of("env", "normalized"), List.of()),
        row("case and spelling differ: violation", "dev-1", with("env", "Devel"), null, List.of())
            .expect(
                Map.of(),
                Map.of(),
                List.of(new Violation("env", "Devel", "allowed: [dev, staging, prod]"))),
        row("regex rule never normalizes", "dev-1", with("cost-center", "１２３４"), null, List.of())
            .expect(
                Map.of(),
                Map.of(),
                List.of(new Violation("cost-center", "１２３４", "pattern: ^[0-9]{4}$"))),
        row(
                "removed by UntagResource: restored",
                "dev-1",
                without("cost-center"),
                null,
                List.of("cost-center"))
            .expect(Map.of("cost-center", "0000"), Map.of("cost-center", "restored"), List.of()),
        row("exempt cluster: nothing at all", "sandbox-7", Map.of("env", "DEV"), "alice", List.of())
            .exempt(),
        row("creator: IAM user name set", "dev-1", COMPLIANT, "alice", List.of())
            .expect(Map.of("created-by", "alice"), Map.of("created-by", "creator"), List.of()),
        row(
                "creator: already set, never overwritten",
                "dev-1",
                with("created-by", "bob"),
                "alice",
                List.of())
            .expect(Map.of(), Map.of(), List.of()),
        row("creator: none known (AWS service), nothing set", "dev-1", COMPLIANT, null, List.of())
            .expect(Map.of(), Map.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void evaluates(Case c) {
    Evaluation e =
        TagPolicy.evaluate(Policies.standard(), c.cluster(), c.tags(), c.creator(), c.removed());

    assertThat(e.exempt()).isEqualTo(c.exempt());
    assertThat(e.changes()).isEqualTo(c.changes());
    assertThat(e.reasons()).isEqualTo(c.reasons());
    assertThat(e.violations()).isEqualTo(c.violations());
    assertThat(e.withheld()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void neverPassesFiftyTagsButStillNormalizes() {
    Map<String, String> tags = new HashMap<>(with("env", "PROD"));
    tags.remove("cost-center");
    for (int i = 0; tags.size() < 50; i++) {
      tags.put("extra-" + i, "x");
    }

    Evaluation e = TagPolicy.evaluate(Policies.standard(), "dev-1", tags, "alice", List.of());

    assertThat(e.changes()).isEqualTo(Map.of("env", "prod"));
    assertThat(e.withheld()).containsExactlyInAnyOrder("cost-center", "created-by");
    assertThat(e.compliance()).isEqualTo("violating");
  }

  @org.junit.jupiter.api.Test
  void writesTheNewKeysThatFitCreatorFirstAndWithholdsTheRest() {
    Map<String, String> tags = new HashMap<>(without("cost-center"));
    for (int i = 0; tags.size() < 49; i++) {
      tags.put("extra-" + i, "x");
    }

    Evaluation e = TagPolicy.evaluate(Policies.standard(), "dev-1", tags, "alice", List.of());

    assertThat(e.changes()).isEqualTo(Map.of("created-by", "alice"));
    assertThat(e.reasons()).isEqualTo(Map.of("created-by", "creator"));
    assertThat(e.withheld()).containsExactly("cost-center");
  }

  @org.junit.jupiter.api.Test
  void systemTagsDoNotCountTowardTheLimit() {
    Map<String, String> tags = new HashMap<>(without("cost-center"));
    tags.put("aws:cloudformation:stack-name", "s");
    tags.put("aws:cloudformation:logical-id", "l");
    tags.put("aws:cloudformation:stack-id", "i");
    for (int i = 0; tags.size() < 50; i++) {
      tags.put("extra-" + i, "x");
    }

    Evaluation e = TagPolicy.evaluate(Policies.standard(), "dev-1", tags, "alice", List.of());

    assertThat(e.changes()).isEqualTo(Map.of("created-by", "alice", "cost-center", "0000"));
    assertThat(e.withheld()).isEmpty();
  }

  private static Map<String, String> without(String key) {
    Map<String, String> tags = new HashMap<>(COMPLIANT);
    tags.remove(key);
    return tags;
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> tags = new HashMap<>(COMPLIANT);
    tags.put(key, value);
    return tags;
  }

  private static Row row(
      String name, String cluster, Map<String, String> tags, String creator, List<String> removed) {
    return new Row(name, cluster, tags, creator, removed);
  }

  private record Row(
      String name, String cluster, Map<String, String> tags, String creator, List<String> removed) {
    Case expect(Map<String, String> changes, Map<String, String> reasons, List<Violation> v) {
      return new Case(name, cluster, tags, creator, removed, changes, reasons, v, false);
    }

    Case exempt() {
      return new Case(name, cluster, tags, creator, removed, Map.of(), Map.of(), List.of(), true);
    }
  }
}
