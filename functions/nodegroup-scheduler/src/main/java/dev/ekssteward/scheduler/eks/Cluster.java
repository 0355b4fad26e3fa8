package dev.ekssteward.scheduler.eks;

import java.util.Map;

/** A cluster's name, ARN and tags (the cluster tags give node groups their default). */
public record Cluster(String name, String arn, Map<String, String> tags) {
  public Cluster {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }
}
