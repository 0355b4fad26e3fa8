package dev.ekssteward.shared.event;

import java.util.List;
import java.util.Set;

/**
 * One kind of CloudTrail call a function reacts to, and where its event names the resource. Paths
 * are dotted, from the event's {@code detail} ({@code requestParameters.name}); where several are
 * given, the first that holds a value wins (a response names a resource more reliably than the
 * request).
 *
 * @param source the event source ({@code eks.amazonaws.com})
 * @param names the event names
 * @param kind what the named resource is; null when it comes from the ARN ({@link #fromArn})
 * @param clusterPaths where the cluster's name is; empty for calls not about a cluster
 * @param namePaths where the resource's own name is (empty: the cluster is the resource)
 * @param arnPaths where its ARN is (URL-decoded when CloudTrail encoded it)
 * @param fromArn kind, cluster and name come from the EKS ARN alone (TagResource names only that)
 * @param keysPath where the tag keys of the call are, or null
 * @param creating the call creates the resource
 * @param global the service is global (IAM): the event's region says nothing about the target
 */
public record CallRule(
    String source,
    Set<String> names,
    String kind,
    List<String> clusterPaths,
    List<String> namePaths,
    List<String> arnPaths,
    boolean fromArn,
    String keysPath,
    boolean creating,
    boolean global) {

  public static final String EKS = "eks.amazonaws.com";
  public static final String IAM = "iam.amazonaws.com";

  public CallRule {
    names = Set.copyOf(names);
    clusterPaths = List.copyOf(clusterPaths);
    namePaths = List.copyOf(namePaths);
    arnPaths = List.copyOf(arnPaths);
  }

  /** Calls of {@code source} with one of {@code names}, about the cluster they name. */
  public static CallRule on(String source, String... names) {
    return new CallRule(
        source,
        Set.of(names),
        "cluster",
        List.of(),
        List.of(),
        List.of(),
        false,
        null,
        false,
        false);
  }

  public CallRule kind(String kind) {
    Draft d = new Draft(this);
    d.kind = kind;
    return d.rule();
  }

  public CallRule cluster(String... paths) {
    Draft d = new Draft(this);
    d.clusterPaths = List.of(paths);
    return d.rule();
  }

  public CallRule name(String... paths) {
    Draft d = new Draft(this);
    d.namePaths = List.of(paths);
    return d.rule();
  }

  public CallRule arn(String... paths) {
    Draft d = new Draft(this);
    d.arnPaths = List.of(paths);
    return d.rule();
  }

  /** The resource is known by its EKS ARN only: cluster, node group or Fargate profile. */
  public CallRule resourceArn(String path) {
    Draft d = new Draft(this);
    d.kind = null;
    d.clusterPaths = List.of();
    d.namePaths = List.of();
    d.arnPaths = List.of(path);
    d.fromArn = true;
    return d.rule();
  }

  public CallRule keys(String path) {
    Draft d = new Draft(this);
    d.keysPath = path;
    return d.rule();
  }

  public CallRule creates() {
    Draft d = new Draft(this);
    d.creating = true;
    return d.rule();
  }

  /** A global service's call: any region of the account it names. */
  public CallRule anyRegion() {
    Draft d = new Draft(this);
    d.global = true;
    return d.rule();
  }

  /** A rule under change: the builder methods above copy, change one thing, and seal. */
  private static final class Draft {
    private final String source;
    private final Set<String> names;
    String kind;
    List<String> clusterPaths;
    List<String> namePaths;
    List<String> arnPaths;
    boolean fromArn;
    String keysPath;
    boolean creating;
    boolean global;

    Draft(CallRule r) {
      source = r.source;
      names = r.names;
      kind = r.kind;
      clusterPaths = r.clusterPaths;
      namePaths = r.namePaths;
      arnPaths = r.arnPaths;
      fromArn = r.fromArn;
      keysPath = r.keysPath;
      creating = r.creating;
      global = r.global;
    }

    CallRule rule() {
      return new CallRule(
          source,
          names,
          kind,
          clusterPaths,
          namePaths,
          arnPaths,
          fromArn,
          keysPath,
          creating,
          global);
    }
  }

  boolean matches(Trigger.CloudTrailCall call) {
    return source.equals(call.eventSource()) && names.contains(call.eventName());
  }
}
