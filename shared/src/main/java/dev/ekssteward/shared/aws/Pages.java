package dev.ekssteward.shared.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every page of a list call, following its {@code nextToken}. Used instead of the SDK's paginators:
 * they mark each request through {@code overrideConfiguration}, which every request builder of a
 * service overrides, so ProGuard keeps all of a service's request models in the jar; and they load
 * their own classes at every cold start.
 */
public final class Pages {
  private Pages() {}

  /**
   * Calls {@code page} with a null token, then with each {@code nextToken} until there is none (a
   * null or empty token, as the SDK's paginators stop), and returns every page's items in order.
   */
  public static <R, T> List<T> all(
      Function<String, R> page, Function<R, List<T>> items, Function<R, String> nextToken) {
    List<T> out = new ArrayList<>();
    String token = null;
    while (true) {
      R response = page.apply(token);
      out.addAll(items.apply(response));
      String next = nextToken.apply(response);
      if (next == null || next.isEmpty()) {
        return out;
      }
      if (Objects.equals(next, token)) {
        // A service that hands back the token it was given would page forever.
        throw new IllegalStateException("the same nextToken came back twice: " + next);
      }
      token = next;
    }
  }
}
