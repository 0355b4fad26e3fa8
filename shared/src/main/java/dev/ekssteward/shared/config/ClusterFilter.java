package dev.ekssteward.shared.config;

import java.util.List;
import java.util.Set;

/** Cluster names in scope: any include glob matches and no exclude glob matches. */
public record ClusterFilter(List<String> include, List<String> exclude) {

  static ClusterFilter read(Node node) {
    node.requireObject(Set.of("include", "exclude"));
    List<String> include = node.get("include").strings(List.of("*"));
    List<String> exclude = node.get("exclude").strings(List.of());
    return new ClusterFilter(include, exclude);
  }

  public boolean matches(String cluster) {
    return Glob.anyMatch(include, cluster) && !Glob.anyMatch(exclude, cluster);
  }
}
