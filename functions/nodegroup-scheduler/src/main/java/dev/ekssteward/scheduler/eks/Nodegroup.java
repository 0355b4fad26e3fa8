package dev.ekssteward.scheduler.eks;

import java.time.Instant;
import java.util.Map;

/** What the scheduler needs to know of one managed node group. */
public record Nodegroup(
    String cluster,
    String name,
    String arn,
    String status,
    Sizes sizes,
    Map<String, String> tags,
    Instant createdAt) {
  public Nodegroup {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  public boolean isActive() {
    return "ACTIVE".equals(status);
  }
}
