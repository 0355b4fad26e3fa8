package dev.ekssteward.shared;

/**
 * The names users see and write: tag keys, event sources and detail types. Defined here once; every
 * function refers to these constants.
 */
public final class Contract {
  /**
   * The prefix of every tag key above. Reserved: a tag policy may not require, default or propagate
   * a key under it, or a policy author could write the steward's own state.
   */
  public static final String TAG_PREFIX = "eks-steward/";

  /** A node group's (or its cluster's) schedule: a schedule name or an inline window. */
  public static final String SCHEDULE_TAG = "eks-steward/schedule";

  /** {@code true} takes a node group, or a whole cluster, out of every function's scope. */
  public static final String EXCLUDE_TAG = "eks-steward/exclude";

  /** Keeps a node group up until this instant (a wake request, made durable). */
  public static final String KEEP_UP_UNTIL_TAG = "eks-steward/keep-up-until";

  /** The sizes a node group had before it was scaled down, and when. */
  public static final String ORIGINAL_SCALING_TAG = "eks-steward/original-scaling";

  /** Marks a resource the steward created (Fargate profiles, OIDC providers). */
  public static final String MANAGED_TAG = "eks-steward/managed";

  /** Source of every audit event. */
  public static final String AUDIT_SOURCE = "eks-steward";

  /** Source of the requests users send (wake, release). */
  public static final String REQUEST_SOURCE = "eks-steward.requests";

  public static final String WAKE_DETAIL_TYPE = "Wake Request";

  /** Restore every recorded node group and pause scale-downs (the first step of an uninstall). */
  public static final String RELEASE_DETAIL_TYPE = "Release Request";

  /**
   * Cluster Autoscaler's auto-discovery tag on an Auto Scaling group (kubernetes/autoscaler,
   * cloudprovider/aws/README.md); the scheduler may take it off a down group's ASG (opt-in).
   */
  public static final String AUTOSCALER_ENABLED_TAG = "k8s.io/cluster-autoscaler/enabled";

  /** Cluster Autoscaler's per-cluster auto-discovery tag: this prefix and the cluster's name. */
  public static final String AUTOSCALER_CLUSTER_TAG_PREFIX = "k8s.io/cluster-autoscaler/";

  /**
   * Prefix of every SDK user agent of ours ({@code eks-steward/<function>}): it makes our calls
   * easy to read in CloudTrail, and is never trusted (anyone can send it).
   */
  public static final String USER_AGENT = "eks-steward";

  /**
   * The role session a function opens in a member account: CloudTrail names it in every call made
   * there, which is how a function knows its own calls (see {@code Routing}).
   */
  public static String sessionName(String function) {
    return USER_AGENT + "-" + function;
  }

  private Contract() {}
}
