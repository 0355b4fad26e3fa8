package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.testing.AuditTrail.Delivered;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** How the harness tells one change's audit event from another across moto resets. */
public final class ChangeKeys {
  /** The UUID moto appends to every node group and Fargate profile ARN. */
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** The id moto draws for each cluster's OIDC issuer (and so its provider's ARN). */
  private static final Pattern ISSUER_ID = Pattern.compile("/id/[0-9A-F]{32}");

  private ChangeKeys() {}

  /**
   * Detail type and resources, without what moto draws anew for every run: the UUIDs node group and
   * profile ARNs end in, and the id of a cluster's OIDC issuer.
   */
  public static List<Object> key(Delivered event) {
    return List.of(
        event.detailType(),
        event.resources().stream()
            .map(r -> ISSUER_ID.matcher(UUID.matcher(r).replaceAll("*")).replaceAll("/id/*"))
            .toList());
  }

  /** The detail types the reports list as findings (published every run, not changes). */
  @SuppressWarnings("unchecked")
  public static Set<String> findingTypes(List<Map<String, Object>> reports) {
    Set<String> out = new LinkedHashSet<>();
    for (Map<String, Object> r : reports) {
      if (r == null) {
        continue;
      }
      for (Object f : (List<Object>) r.getOrDefault("findings", List.of())) {
        out.add(String.valueOf(((Map<String, Object>) f).get("detailType")));
      }
    }
    return out;
  }
}
