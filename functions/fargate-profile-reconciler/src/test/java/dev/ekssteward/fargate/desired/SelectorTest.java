package dev.ekssteward.fargate.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Selector's equals and hashCode are written out (cold start): both components must count. */
class SelectorTest {
  @Test
  void labelOrderDoesNotMatter() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("a", "1");
    ab.put("b", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("b", "2");
    ba.put("a", "1");

    Selector one = new Selector("apps", ab);
    Selector two = new Selector("apps", ba);

    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(Set.of(one)).contains(two);
    assertThat(new Selector("apps", null)).isEqualTo(new Selector("apps", Map.of()));
  }

  @Test
  void namespaceAndLabelsTellSelectorsApart() {
    Selector apps = new Selector("apps", Map.of("tier", "web"));

    assertThat(apps)
        .isNotEqualTo(new Selector("jobs", Map.of("tier", "web")))
        .isNotEqualTo(new Selector("apps", Map.of("tier", "db")))
        .isNotEqualTo(new Selector("apps", Map.of()))
        .isNotEqualTo(null)
        .isNotEqualTo("apps");
  }

  @Test
  void overlapMeansSomePodCouldLandOnBoth() {
    Selector teamA = new Selector("team-a", Map.of("lifecycle", "fargate"));

    assertThat(teamA.overlaps(new Selector("team-a", Map.of()))).isTrue();
    assertThat(new Selector("team-a", Map.of()).overlaps(teamA)).isTrue();
    assertThat(teamA.overlaps(new Selector("team-a", Map.of("tier", "web"))))
        .as("a pod may carry both labels")
        .isTrue();
    assertThat(teamA.overlaps(new Selector("team-a", Map.of("lifecycle", "ec2")))).isFalse();
    assertThat(teamA.overlaps(new Selector("team-b", Map.of()))).isFalse();
    assertThat(teamA.overlaps(new Selector("team-*", Map.of("lifecycle", "farg?te")))).isTrue();
    assertThat(new Selector("team-*", Map.of()).overlaps(new Selector("*-a", Map.of()))).isTrue();
    assertThat(new Selector("a*", Map.of()).overlaps(new Selector("b*", Map.of()))).isFalse();
    assertThat(new Selector("a?c", Map.of()).overlaps(new Selector("*b*", Map.of()))).isTrue();
    assertThat(new Selector("a?", Map.of()).overlaps(new Selector("a", Map.of()))).isFalse();
    assertThat(new Selector("x", Map.of("k", "")).overlaps(new Selector("x", Map.of("k", "*"))))
        .isTrue();
  }
}
