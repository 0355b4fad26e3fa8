package dev.ekssteward.shared.testing.seed;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What the local AWS assigned while seeding: ARNs with moto's ids, issuer URLs, the audit tap's
 * queue URL.
 *
 * @param clusters by name, in the order seeded
 * @param providerArns the ARN of each OIDC provider, by issuer URL (the clusters' too)
 * @param auditQueueUrl the audit tap's queue; null when the description has none
 */
public record SeededFleet(
    Map<String, SeededCluster> clusters, Map<String, String> providerArns, String auditQueueUrl) {

  public SeededCluster cluster(String name) {
    return found(clusters, name, "cluster");
  }

  public String providerArn(String url) {
    return found(providerArns, url, "OIDC provider");
  }

  static <V> V found(Map<String, V> map, String key, String what) {
    V value = map.get(key);
    if (value == null) {
      throw new NoSuchElementException("no " + what + " " + key + " was seeded; seeded: " + map);
    }
    return value;
  }
}
