package dev.ekssteward.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagesTest {
  /** A page: its items and the token of the next one. */
  record Page(List<String> items, String next) {}

  private final List<String> asked = new ArrayList<>();

  private Page serve(Map<String, Page> pages, String token) {
    asked.add(String.valueOf(token));
    return pages.get(String.valueOf(token));
  }

  @Test
  void followsEveryTokenAndKeepsTheOrder() {
    Map<String, Page> pages =
        Map.of(
            "null", new Page(List.of("a", "b"), "t1"),
            "t1", new Page(List.of(), "t2"),
            "t2", new Page(List.of("c"), null));

    List<String> all = Pages.all(t -> serve(pages, t), Page::items, Page::next);

    assertThat(all).containsExactly("a", "b", "c");
    assertThat(asked).containsExactly("null", "t1", "t2");
  }

  @Test
  void anEmptyTokenEndsTheListingAsNullDoes() {
    Map<String, Page> pages = Map.of("null", new Page(List.of("a"), ""));

    assertThat(Pages.all(t -> serve(pages, t), Page::items, Page::next)).containsExactly("a");
    assertThat(asked).containsExactly("null");
  }

  @Test
  void theSameTokenTwiceStopsInsteadOfPagingForever() {
    Map<String, Page> pages =
        Map.of("null", new Page(List.of("a"), "t1"), "t1", new Page(List.of("b"), "t1"));

    assertThatThrownBy(() -> Pages.all(t -> serve(pages, t), Page::items, Page::next))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the same nextToken came back twice: t1");
    assertThat(asked).isEqualTo(Arrays.asList("null", "t1"));
  }
}
