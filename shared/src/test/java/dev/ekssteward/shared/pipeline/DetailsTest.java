package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetailsTest {
  @Test
  void keysKeepTheOrderTheyAreGivenInAndANullValueStays() {
    Map<String, Object> d = Details.of("zone", "b", "cluster", "c1", "reason", null, "count", 2);

    assertThat(d.keySet()).containsExactly("zone", "cluster", "reason", "count");
    assertThat(Json.write(d))
        .isEqualTo("{\"zone\":\"b\",\"cluster\":\"c1\",\"reason\":null,\"count\":2}");
  }

  @Test
  void withPresentAddsTheKeyLastOnlyWhenItHasAValue() {
    assertThat(Details.withPresent(Details.of("a", 1), "replaces", null).keySet())
        .containsExactly("a");
    assertThat(Details.withPresent(Details.of("a", 1, "b", 2), "replaces", "p1").keySet())
        .containsExactly("a", "b", "replaces");
  }

  @Test
  void aKeyWithoutAValueIsRefused() {
    assertThatThrownBy(() -> Details.of("cluster", "c1", "nodegroup"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
