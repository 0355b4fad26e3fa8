package dev.ekssteward.fargate.aws;

import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory EKS that follows the Fargate facts moto does not: profiles are CREATING for {@link
 * #CREATE_TIME} and DELETING for {@link #DELETE_TIME} of (fake) time; only one profile per cluster
 * may be in transition, otherwise 409 (answered {@code Busy}, as the adapter answers once the SDK's
 * attempts are spent); a profile whose role is in {@link #failingRoles} ends CREATE_FAILED with a
 * health issue; names starting with {@code eks-}, more than 5 selectors and more than 10 profiles
 * are refused. Every observation and mutation is kept in {@link #history}.
 */
public final class FakeEks implements FargateApi {
  public static final Duration CREATE_TIME = Duration.ofSeconds(40);
  public static final Duration DELETE_TIME = Duration.ofSeconds(30);

  /** The profiles of one cluster at one instant, as a call saw (or left) them. */
  public record Snapshot(Instant at, String call, List<ObservedProfile> profiles) {}

  private static final class Profile {
    String name;
    String arn;
    Status status;
    ProfileSpec spec;
    Map<String, String> tags;
    Instant createdAt;
    Instant deletingSince;
    List<String> issues = List.of();
  }

  private final Clock clock;
  private final Map<String, Map<String, Profile>> clusters = new TreeMap<>();
  private final Map<String, Map<String, String>> clusterTags = new HashMap<>();
  private final List<Snapshot> history = new ArrayList<>();
  private final List<String> mutations = new ArrayList<>();
  public final Set<String> failingRoles = new java.util.HashSet<>();

  /** Subnets with a route to an internet gateway: EKS refuses them at once. */
  public final Set<String> publicSubnets = new java.util.HashSet<>();

  private Runnable beforeNextMutation;
  private int conflicts;
  private int sequence;

  public FakeEks(Clock clock) {
    this.clock = clock;
  }

  public synchronized void addCluster(String cluster) {
    clusters.put(cluster, new LinkedHashMap<>());
    clusterTags.put(cluster, new TreeMap<>());
  }

  /** Someone tags the cluster itself (eks-steward/exclude, say). */
  public synchronized void tagCluster(String cluster, Map<String, String> tags) {
    clusterTags.get(cluster).putAll(tags);
  }

  /** Runs {@code r} once, just before the next mutating call (another actor racing us). */
  public synchronized void beforeNextMutation(Runnable r) {
    beforeNextMutation = r;
  }

  public synchronized int conflicts() {
    return conflicts;
  }

  public synchronized List<Snapshot> history() {
    return List.copyOf(history);
  }

  /** Mutating calls in order, as "Create team-a", "Delete team-a", "Tag team-a". */
  public synchronized List<String> mutations() {
    return List.copyOf(mutations);
  }

  @Override
  public synchronized List<String> clusters(Target target) {
    return List.copyOf(clusters.keySet());
  }

  @Override
  public synchronized List<ObservedProfile> profiles(Target target, String cluster) {
    Map<String, Profile> profiles = settle(cluster);
    if (profiles == null) {
      return null;
    }
    List<ObservedProfile> out = view(profiles);
    history.add(new Snapshot(clock.instant(), "List " + cluster, out));
    return out;
  }

  @Override
  public synchronized Map<String, String> clusterTags(
      Target target, String cluster, String profileArn) {
    return clusters.containsKey(cluster) ? Map.copyOf(clusterTags.get(cluster)) : null;
  }

  @Override
  public Result create(
      Target target, String cluster, String name, ProfileSpec spec, Map<String, String> tags) {
    interfere();
    synchronized (this) {
      mutations.add("Create " + name);
      Map<String, Profile> profiles = settle(cluster);
      if (profiles == null) {
        return new Result.NotFound("No cluster found for name: " + cluster);
      }
      if (profiles.containsKey(name)) {
        return conflict("Fargate Profile already exists");
      }
      if (name.startsWith("eks-") || spec.selectors().size() > 5) {
        return new Result.Refused("InvalidParameterException: rejected " + name);
      }
      if (profiles.size() >= 10) {
        return new Result.Refused(
            "ResourceLimitExceededException: Cluster " + cluster + " already has 10 profiles");
      }
      if (spec.subnets().stream().anyMatch(publicSubnets::contains)) {
        return new Result.Refused("InvalidParameterException: Subnet is not a private subnet");
      }
      if (inTransition(profiles) != null) {
        return conflict("Fargate profile " + inTransition(profiles) + " is in transition");
      }
      Profile p = new Profile();
      p.name = name;
      p.arn = arn(cluster, name);
      p.status = Status.CREATING;
      p.spec = spec;
      p.tags = new TreeMap<>(tags);
      p.createdAt = clock.instant();
      profiles.put(name, p);
      record(cluster, "Create " + name, profiles);
      return Result.done(p.arn);
    }
  }

  @Override
  public Result delete(Target target, String cluster, String name) {
    interfere();
    synchronized (this) {
      mutations.add("Delete " + name);
      Map<String, Profile> profiles = settle(cluster);
      Profile p = profiles == null ? null : profiles.get(name);
      if (p == null) {
        return new Result.NotFound("No Fargate Profile found with name: " + name);
      }
      if (inTransition(profiles) != null) {
        return conflict("Fargate profile " + inTransition(profiles) + " is in transition");
      }
      p.status = Status.DELETING;
      p.deletingSince = clock.instant();
      record(cluster, "Delete " + name, profiles);
      return Result.done(p.arn);
    }
  }

  @Override
  public synchronized Result tag(Target target, String arn, Map<String, String> tags) {
    mutations.add("Tag " + arn.split("/")[2]);
    Profile p = byArn(arn);
    if (p == null) {
      return new Result.NotFound("Resource was not found");
    }
    p.tags.putAll(tags);
    return Result.done(arn);
  }

  @Override
  public synchronized Result untag(Target target, String arn, Set<String> keys) {
    mutations.add("Untag " + arn.split("/")[2]);
    Profile p = byArn(arn);
    if (p == null) {
      return new Result.NotFound("Resource was not found");
    }
    keys.forEach(p.tags::remove);
    return Result.done(arn);
  }

  /** Someone else creates a profile (no 409 bookkeeping: they are not the planner under test). */
  public void externalCreate(String cluster, String name, ProfileSpec spec) {
    externalCreate(cluster, name, spec, Map.of());
  }

  public synchronized void externalCreate(
      String cluster, String name, ProfileSpec spec, Map<String, String> tags) {
    Map<String, Profile> profiles = settle(cluster);
    Profile p = new Profile();
    p.name = name;
    p.arn = arn(cluster, name);
    p.status = Status.CREATING;
    p.spec = spec;
    p.tags = new TreeMap<>(tags);
    p.createdAt = clock.instant();
    profiles.put(name, p);
    record(cluster, "External create " + name, profiles);
  }

  /** A profile's ARN (as EKS answers it). */
  public synchronized String arnOf(String cluster, String name) {
    return settle(cluster).get(name).arn;
  }

  /** Someone else tags a profile (not a call of ours: no mutation is recorded). */
  public synchronized void externalTag(String cluster, String name, Map<String, String> tags) {
    settle(cluster).get(name).tags.putAll(tags);
  }

  /** Someone else deletes a profile, and it is gone at once. */
  public synchronized void externalDelete(String cluster, String name) {
    Map<String, Profile> profiles = settle(cluster);
    profiles.remove(name);
    record(cluster, "External delete " + name, profiles);
  }

  /** The cluster is deleted (with its profiles). */
  public synchronized void removeCluster(String cluster) {
    clusters.remove(cluster);
  }

  private void interfere() {
    Runnable r;
    synchronized (this) {
      r = beforeNextMutation;
      beforeNextMutation = null;
    }
    if (r != null) {
      r.run();
    }
  }

  /** 409 as the SDK leaves it after its own attempts: Busy. */
  private Result conflict(String message) {
    conflicts++;
    return new Result.Busy(message);
  }

  /** Applies the transitions whose time has come. */
  private Map<String, Profile> settle(String cluster) {
    Map<String, Profile> profiles = clusters.get(cluster);
    if (profiles == null) {
      return null;
    }
    Instant now = clock.instant();
    profiles
        .values()
        .removeIf(
            p -> p.status == Status.DELETING && !now.isBefore(p.deletingSince.plus(DELETE_TIME)));
    for (Profile p : profiles.values()) {
      if (p.status == Status.CREATING && !now.isBefore(p.createdAt.plus(CREATE_TIME))) {
        boolean fails = failingRoles.contains(p.spec.podExecutionRoleArn());
        p.status = fails ? Status.CREATE_FAILED : Status.ACTIVE;
        p.issues =
            fails
                ? List.of("PodExecutionRoleAlreadyInUse: The pod execution role is not assumable")
                : List.of();
      }
    }
    return profiles;
  }

  private static String inTransition(Map<String, Profile> profiles) {
    return profiles.values().stream()
        .filter(p -> p.status.inTransition())
        .map(p -> p.name)
        .findFirst()
        .orElse(null);
  }

  private Profile byArn(String arn) {
    for (String cluster : clusters.keySet()) {
      for (Profile p : settle(cluster).values()) {
        if (p.arn.equals(arn)) {
          return p;
        }
      }
    }
    return null;
  }

  private void record(String cluster, String call, Map<String, Profile> profiles) {
    history.add(new Snapshot(clock.instant(), call + " in " + cluster, view(profiles)));
  }

  private static List<ObservedProfile> view(Map<String, Profile> profiles) {
    return profiles.values().stream()
        .map(
            p ->
                new ObservedProfile(
                    p.name, p.arn, p.status, p.spec, new HashMap<>(p.tags), p.createdAt, p.issues))
        .toList();
  }

  private String arn(String cluster, String name) {
    return "arn:aws:eks:eu-west-1:123456789012:fargateprofile/"
        + cluster
        + "/"
        + name
        + "/"
        + String.format("%08d", ++sequence);
  }
}
