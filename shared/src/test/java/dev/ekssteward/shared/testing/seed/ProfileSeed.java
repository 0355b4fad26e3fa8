package dev.ekssteward.shared.testing.seed;

import static dev.ekssteward.shared.testing.seed.FleetSeed.plus;

import java.util.List;
import java.util.Map;

/**
 * A Fargate profile.
 *
 * @param name the profile's name
 * @param selectors which pods it takes
 * @param subnets its subnets; null: the fleet's (an empty list: none)
 * @param podExecutionRoleArn its pod role; null: the fleet's
 * @param tags the profile's tags
 */
public record ProfileSeed(
    String name,
    List<Selector> selectors,
    List<String> subnets,
    String podExecutionRoleArn,
    Map<String, String> tags) {

  public ProfileSeed {
    selectors = List.copyOf(selectors);
    subnets = subnets == null ? null : List.copyOf(subnets);
    tags = Map.copyOf(tags);
  }

  /** Pods of a namespace (wildcards allowed) with these labels. */
  public record Selector(String namespace, Map<String, String> labels) {
    public Selector {
      labels = Map.copyOf(labels);
    }
  }

  public static ProfileSeed profile(String name) {
    return new ProfileSeed(name, List.of(), null, null, Map.of());
  }

  public ProfileSeed selector(String namespace) {
    return selector(namespace, Map.of());
  }

  public ProfileSeed selector(String namespace, Map<String, String> labels) {
    return new ProfileSeed(
        name, plus(selectors, new Selector(namespace, labels)), subnets, podExecutionRoleArn, tags);
  }

  /** Its own subnets (an empty list: none at all). */
  public ProfileSeed subnets(List<String> ids) {
    return new ProfileSeed(name, selectors, ids, podExecutionRoleArn, tags);
  }

  public ProfileSeed podExecutionRole(String arn) {
    return new ProfileSeed(name, selectors, subnets, arn, tags);
  }

  public ProfileSeed tags(Map<String, String> all) {
    return new ProfileSeed(name, selectors, subnets, podExecutionRoleArn, all);
  }
}
