package dev.ekssteward.tagging.aws;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An in-memory EKS and Auto Scaling for one account and region, answering as AWS does for the calls
 * the tag enforcer makes (DESIGN.md §5): at most 50 tags per resource and per group, the {@code
 * aws:} prefix reserved, unknown resources not found. Like moto, a node group reports an ASG name
 * but no group exists until a test adds one ({@link #addAsg}).
 */
public final class FakeTaggingApi implements TaggingApi {
  public static final String ACCOUNT = "123456789012";
  public static final String REGION = "eu-west-1";
  static final int MAX_TAGS = 50;

  /** One EKS resource; a cluster also holds its node groups and profiles. */
  private static final class Resource {
    final ResourceRef ref;
    final Map<String, String> tags;
    final List<String> asgNames;
    final Map<String, Resource> nodegroups = new TreeMap<>();
    final Map<String, Resource> profiles = new TreeMap<>();

    Resource(ResourceRef ref, Map<String, String> tags, List<String> asgNames) {
      this.ref = ref;
      this.tags = new TreeMap<>(tags);
      this.asgNames = List.copyOf(asgNames);
    }

    TaggedResource observed() {
      return new TaggedResource(ref, tags, asgNames, "ACTIVE");
    }
  }

  /** A tag of an Auto Scaling group. */
  public record AsgTag(String value, boolean propagateAtLaunch) {}

  private final Map<String, Resource> clusters = new TreeMap<>();
  private final Map<String, Map<String, AsgTag>> asgs = new TreeMap<>();
  private final List<String> calls = new ArrayList<>();

  // --- the world, as tests set it up and read it -------------------------------------------

  public synchronized String addCluster(String name, Map<String, String> tags) {
    String arn = arn("cluster/" + name);
    clusters.put(name, new Resource(ref(ResourceRef.CLUSTER, name, name, arn), tags, List.of()));
    return arn;
  }

  /** Adds a node group and returns the name of the ASG it reports (which does not exist yet). */
  public synchronized String addNodegroup(String cluster, String name, Map<String, String> tags) {
    String id = id("nodegroup/" + cluster + "/" + name);
    String asg = "eks-" + id;
    String arn = arn("nodegroup/" + cluster + "/" + name + "/" + id);
    clusters
        .get(cluster)
        .nodegroups
        .put(
            name, new Resource(ref(ResourceRef.NODEGROUP, cluster, name, arn), tags, List.of(asg)));
    return asg;
  }

  public synchronized String addProfile(String cluster, String name, Map<String, String> tags) {
    String arn =
        arn(
            "fargateprofile/"
                + cluster
                + "/"
                + name
                + "/"
                + id("fargateprofile/" + cluster + "/" + name));
    clusters
        .get(cluster)
        .profiles
        .put(
            name,
            new Resource(ref(ResourceRef.FARGATE_PROFILE, cluster, name, arn), tags, List.of()));
    return arn;
  }

  /** The ASG EKS makes for a node group: tagged with its cluster, propagated at launch. */
  public synchronized void addAsg(String name, String cluster) {
    Map<String, AsgTag> tags = new TreeMap<>();
    tags.put(AsgTags.CLUSTER_TAG, new AsgTag(cluster, true));
    asgs.put(name, tags);
  }

  public synchronized void deleteCluster(String name) {
    clusters.remove(name);
  }

  /** What someone else's UntagResource does. */
  public synchronized void untag(String arn, List<String> keys) {
    keys.forEach(find(arn).tags::remove);
  }

  /** A resource's tags by ARN. */
  public synchronized Map<String, String> tags(String arn) {
    return Map.copyOf(find(arn).tags);
  }

  public synchronized Map<String, String> clusterTags(String name) {
    return Map.copyOf(clusters.get(name).tags);
  }

  public synchronized Map<String, String> nodegroupTags(String cluster, String name) {
    return Map.copyOf(clusters.get(cluster).nodegroups.get(name).tags);
  }

  public synchronized Map<String, String> profileTags(String cluster, String name) {
    return Map.copyOf(clusters.get(cluster).profiles.get(name).tags);
  }

  public synchronized Map<String, AsgTag> asgTags(String name) {
    return Map.copyOf(asgs.get(name));
  }

  /** Every call made through the port, as an IAM action name. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** The calls that changed something. */
  public synchronized List<String> mutations() {
    return calls.stream().filter(c -> !c.matches("^[a-z]+:(Describe|List).*")).toList();
  }

  // --- the port ----------------------------------------------------------------------------

  @Override
  public synchronized List<String> clusters(Target target) {
    calls.add("eks:ListClusters");
    return List.copyOf(clusters.keySet());
  }

  @Override
  public synchronized TaggedResource cluster(Target target, String cluster) {
    calls.add("eks:DescribeCluster");
    Resource c = clusters.get(cluster);
    return c == null ? null : c.observed();
  }

  @Override
  public synchronized List<String> nodegroups(Target target, String cluster) {
    calls.add("eks:ListNodegroups");
    Resource c = clusters.get(cluster);
    return c == null ? null : List.copyOf(c.nodegroups.keySet());
  }

  @Override
  public synchronized TaggedResource nodegroup(Target target, String cluster, String name) {
    calls.add("eks:DescribeNodegroup");
    Resource c = clusters.get(cluster);
    Resource n = c == null ? null : c.nodegroups.get(name);
    return n == null ? null : n.observed();
  }

  @Override
  public synchronized List<String> fargateProfiles(Target target, String cluster) {
    calls.add("eks:ListFargateProfiles");
    Resource c = clusters.get(cluster);
    return c == null ? null : List.copyOf(c.profiles.keySet());
  }

  @Override
  public synchronized TaggedResource fargateProfile(Target target, String cluster, String name) {
    calls.add("eks:DescribeFargateProfile");
    Resource c = clusters.get(cluster);
    Resource p = c == null ? null : c.profiles.get(name);
    return p == null ? null : p.observed();
  }

  @Override
  public synchronized Map<String, AsgTags> autoScalingGroups(Target target, List<String> names) {
    calls.add("autoscaling:DescribeAutoScalingGroups");
    Map<String, AsgTags> out = new LinkedHashMap<>();
    for (String name : names) {
      Map<String, AsgTag> tags = asgs.get(name);
      if (tags != null) {
        Map<String, String> propagating = new TreeMap<>();
        tags.forEach(
            (k, t) -> {
              if (t.propagateAtLaunch()) {
                propagating.put(k, t.value());
              }
            });
        AsgTag cluster = tags.get(AsgTags.CLUSTER_TAG);
        out.put(
            name,
            new AsgTags(name, cluster == null ? null : cluster.value(), propagating, tags.size()));
      }
    }
    return out;
  }

  @Override
  public synchronized Result tag(Target target, String arn, Map<String, String> tags) {
    calls.add("eks:TagResource");
    Resource r = findOrNull(arn);
    if (r == null) {
      return new Result.NotFound("Resource was not found: " + arn);
    }
    if (tags.keySet().stream().anyMatch(FakeTaggingApi::reserved)) {
      return new Result.Refused("BadRequestException: Tag keys with the aws: prefix are reserved.");
    }
    if (merged(r.tags.keySet(), tags.keySet()) > MAX_TAGS) {
      return new Result.Refused(
          "BadRequestException: A resource can have at most " + MAX_TAGS + " tags.");
    }
    r.tags.putAll(tags);
    return Result.done();
  }

  @Override
  public synchronized Result tagAutoScalingGroup(
      Target target, String name, Map<String, String> tags) {
    calls.add("autoscaling:CreateOrUpdateTags");
    Map<String, AsgTag> group = asgs.get(name);
    if (group == null) {
      return new Result.NotFound(
          "AutoScalingGroup not found - AutoScaling Group " + name + " not found");
    }
    if (tags.keySet().stream().anyMatch(FakeTaggingApi::reserved)) {
      return new Result.Refused(
          "ValidationError: Tag keys starting with 'aws:' are reserved for internal use");
    }
    if (merged(group.keySet(), tags.keySet()) > MAX_TAGS) {
      return new Result.Refused(
          "LimitExceededException: The number of tags exceeds the limit of " + MAX_TAGS);
    }
    tags.forEach((k, v) -> group.put(k, new AsgTag(v, true)));
    return Result.done();
  }

  // -----------------------------------------------------------------------------------------

  private static boolean reserved(String key) {
    return key.toLowerCase(Locale.ROOT).startsWith("aws:");
  }

  private static int merged(Set<String> have, Set<String> adding) {
    Set<String> all = new HashSet<>(have);
    all.addAll(adding);
    return all.size();
  }

  private Resource find(String arn) {
    Resource r = findOrNull(arn);
    if (r == null) {
      throw new IllegalArgumentException("no resource " + arn);
    }
    return r;
  }

  private Resource findOrNull(String arn) {
    return clusters.values().stream()
        .flatMap(
            c ->
                Stream.concat(
                    Stream.of(c),
                    Stream.concat(c.nodegroups.values().stream(), c.profiles.values().stream())))
        .filter(r -> r.ref.arn().equals(arn))
        .findFirst()
        .orElse(null);
  }

  private static ResourceRef ref(String type, String cluster, String name, String arn) {
    return new ResourceRef(type, cluster, name, arn);
  }

  /**
   * EKS draws the id at random; here it follows from the name, so two worlds seeded alike agree.
   */
  private static String id(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String arn(String path) {
    return "arn:aws:eks:" + REGION + ":" + ACCOUNT + ":" + path;
  }
}
