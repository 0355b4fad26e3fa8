package dev.ekssteward.fargate.desired;

import java.util.List;

/** A cluster's validated desired state ({@code <prefix>/fargate/<cluster>}). */
public record DesiredState(boolean prune, List<DesiredProfile> profiles) {
  public DesiredState {
    profiles = List.copyOf(profiles);
  }
}
