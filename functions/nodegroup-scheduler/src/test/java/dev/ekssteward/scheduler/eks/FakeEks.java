package dev.ekssteward.scheduler.eks;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Answers;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.NotFoundException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;

/**
 * An in-memory EKS that follows the facts that matter here: updates only when ACTIVE or DEGRADED
 * (else 409; a DEGRADED group stays so until a scale-out succeeds, aws/containers-roadmap#2326),
 * UPDATING after an update until {@link #settle()}, max ≥ 1 and min ≤ desired ≤ max, idempotent
 * request tokens, node group tags. It can answer 409 or "Request limit exceeded" on demand.
 */
public final class FakeEks implements NodegroupApi {
  private static final String ACCOUNT = "123456789012";

  private final Map<String, Cluster> clusters = new LinkedHashMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, Sizes> tokens = new HashMap<>();
  private final Map<String, Deque<RuntimeException>> scripted = new HashMap<>();
  private final List<String> calls = new ArrayList<>();
  private Random chaos;
  private double chaosRate;
  private boolean updatingAfterUpdate = true;

  static final class Group {
    String cluster;
    String name;
    String arn;
    String status = "ACTIVE";

    /** What an update settles to: DEGRADED stays until a test says a scale-out succeeded. */
    String settled = "ACTIVE";

    Sizes sizes;
    Map<String, String> tags = new LinkedHashMap<>();
    Instant createdAt;
  }

  public void addCluster(String name, Map<String, String> tags) {
    clusters.put(
        name, new Cluster(name, "arn:aws:eks:eu-west-1:" + ACCOUNT + ":cluster/" + name, tags));
  }

  public String addGroup(
      String cluster, String name, Sizes sizes, Map<String, String> tags, Instant createdAt) {
    Group g = new Group();
    g.cluster = cluster;
    g.name = name;
    g.arn = "arn:aws:eks:eu-west-1:" + ACCOUNT + ":nodegroup/" + cluster + "/" + name + "/f00d";
    g.sizes = sizes;
    g.tags.putAll(tags);
    g.createdAt = createdAt;
    groups.put(cluster + "/" + name, g);
    return g.arn;
  }

  /** The next calls of {@code operation} fail with these, in order. */
  public void script(String operation, RuntimeException... failures) {
    scripted.computeIfAbsent(operation, k -> new ArrayDeque<>()).addAll(List.of(failures));
  }

  /** Every mutating call fails with 409 or "Request limit exceeded" at this rate (0 = never). */
  public void chaos(Random random, double rate) {
    this.chaos = random;
    this.chaosRate = rate;
  }

  public void updatingAfterUpdate(boolean on) {
    this.updatingAfterUpdate = on;
  }

  public void setStatus(String cluster, String name, String status) {
    Group g = groups.get(cluster + "/" + name);
    g.status = status;
    if (status.equals("ACTIVE") || status.equals("DEGRADED")) {
      g.settled = status;
    }
  }

  public void setSizes(String cluster, String name, Sizes sizes) {
    groups.get(cluster + "/" + name).sizes = sizes;
  }

  /** Every UPDATING group finishes its update. */
  public void settle() {
    groups.values().forEach(g -> g.status = g.settled);
  }

  public Sizes sizes(String cluster, String name) {
    return groups.get(cluster + "/" + name).sizes;
  }

  public Map<String, String> tags(String cluster, String name) {
    return Map.copyOf(groups.get(cluster + "/" + name).tags);
  }

  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  public synchronized void clearCalls() {
    calls.clear();
  }

  public static RuntimeException resourceInUse() {
    return ResourceInUseException.builder()
        .statusCode(409)
        .awsErrorDetails(error("ResourceInUseException", "Nodegroup is in UPDATING state"))
        .build();
  }

  public static RuntimeException requestLimit() {
    return InvalidRequestException.builder()
        .statusCode(400)
        .awsErrorDetails(error("InvalidRequestException", "Request limit exceeded"))
        .build();
  }

  public static RuntimeException badRequest(String message) {
    return EksException.builder()
        .statusCode(400)
        .awsErrorDetails(error("BadRequestException", message))
        .build();
  }

  private static AwsErrorDetails error(String code, String message) {
    return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
  }

  private synchronized void call(String operation, String what) {
    calls.add(operation + " " + what);
    Deque<RuntimeException> queue = scripted.get(operation);
    if (queue != null && !queue.isEmpty()) {
      throw queue.poll();
    }
    boolean mutating = !operation.startsWith("Describe") && !operation.startsWith("List");
    if (mutating && chaos != null && chaos.nextDouble() < chaosRate) {
      throw chaos.nextBoolean() ? resourceInUse() : requestLimit();
    }
  }

  @Override
  public List<String> listClusters() {
    call("ListClusters", "");
    return List.copyOf(clusters.keySet());
  }

  @Override
  public Cluster describeCluster(String cluster) {
    call("DescribeCluster", cluster);
    return clusters.get(cluster);
  }

  @Override
  public Map<String, String> clusterTags(String clusterArn) {
    call("ListTagsForResource", clusterArn);
    return clusters.values().stream()
        .filter(c -> c.arn().equals(clusterArn))
        .map(Cluster::tags)
        .findFirst()
        .orElse(null);
  }

  @Override
  public List<String> listNodegroups(String cluster) {
    call("ListNodegroups", cluster);
    if (!clusters.containsKey(cluster)) {
      return null;
    }
    return groups.values().stream()
        .filter(g -> g.cluster.equals(cluster))
        .map(g -> g.name)
        .toList();
  }

  @Override
  public Nodegroup describeNodegroup(String cluster, String nodegroup) {
    call("DescribeNodegroup", cluster + "/" + nodegroup);
    Group g = groups.get(cluster + "/" + nodegroup);
    return g == null
        ? null
        : new Nodegroup(
            g.cluster,
            g.name,
            g.arn,
            g.status,
            g.sizes,
            g.tags,
            g.createdAt,
            List.of(),
            null,
            null);
  }

  // Mutations answer through the adapter's own mapping, so 409, not found and refusals become the
  // same Results as from EKS, and what the SDK would retry is thrown.
  @Override
  public Result tagResource(String arn, Map<String, String> tags) {
    return Answers.of(
        () -> {
          call("TagResource", arn + " " + new java.util.TreeMap<>(tags));
          byArn(arn).tags.putAll(tags);
        });
  }

  @Override
  public Result untagResource(String arn, Set<String> keys) {
    return Answers.of(
        () -> {
          call("UntagResource", arn + " " + new java.util.TreeSet<>(keys));
          byArn(arn).tags.keySet().removeAll(keys);
        });
  }

  @Override
  public synchronized Result updateScaling(
      String cluster, String nodegroup, Sizes sizes, String token) {
    return Answers.of(() -> update(cluster, nodegroup, sizes, token));
  }

  private void update(String cluster, String nodegroup, Sizes sizes, String token) {
    call("UpdateNodegroupConfig", cluster + "/" + nodegroup + " " + sizes.encode() + " " + token);
    Group g = groups.get(cluster + "/" + nodegroup);
    Sizes earlier = tokens.get(token);
    if (earlier != null) {
      if (!earlier.equals(sizes)) {
        throw InvalidParameterException.builder()
            .statusCode(400)
            .awsErrorDetails(
                error("InvalidParameterException", "token reused with other parameters"))
            .build();
      }
      return; // EKS answers the earlier update again
    }
    if (!g.status.equals("ACTIVE") && !g.status.equals("DEGRADED")) {
      throw resourceInUse();
    }
    if (sizes.max() < 1 || sizes.min() > sizes.desired() || sizes.desired() > sizes.max()) {
      throw InvalidParameterException.builder()
          .statusCode(400)
          .awsErrorDetails(error("InvalidParameterException", "invalid scaling " + sizes.encode()))
          .build();
    }
    tokens.put(token, sizes);
    g.sizes = sizes;
    if (updatingAfterUpdate) {
      g.status = "UPDATING";
    }
  }

  private Group byArn(String arn) {
    return groups.values().stream()
        .filter(g -> g.arn.equals(arn))
        .findFirst()
        .orElseThrow(
            () ->
                NotFoundException.builder()
                    .statusCode(404)
                    .awsErrorDetails(error("NotFoundException", "Resource was not found: " + arn))
                    .build());
  }
}
