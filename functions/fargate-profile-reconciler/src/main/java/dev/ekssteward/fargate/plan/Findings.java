package dev.ekssteward.fargate.plan;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.ConfigError;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.trust.Trust;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report-only observations of the reconciler, published as audit events. */
public final class Findings {
  public static final String INVALID = "Fargate Desired State Invalid";
  public static final String DRIFT = "Drift Detected";
  public static final String FAILED = "Fargate Profile Failed";
  public static final String PRUNE_STOPPED = "Fargate Prune Stopped";

  private Findings() {}

  public static Finding invalid(String cluster, String parameter, List<ConfigError> errors) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", cluster);
    d.put("parameter", parameter);
    d.put(
        "errors",
        errors.stream().map(e -> Map.of("path", e.path(), "reason", e.reason())).toList());
    return new Finding(INVALID, parameter, d);
  }

  /** {@code held}: why a prune that would delete it waits or stopped, else null. */
  static Finding unmanaged(
      String cluster, ObservedProfile p, boolean prune, boolean deleting, String held) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", cluster);
    d.put("profile", p.name());
    d.put("drift", "unmanaged profile (not in the desired state)");
    d.put("status", p.status().name());
    d.put("managedTag", p.managed());
    d.put(
        "resolution",
        deleting
            // The plan's intent, decided before the change limits and EKS answer: the delete's own
            // outcome and Fargate Profile Deleted say whether it happened.
            ? "to be deleted (prune is on and it carries a signed "
                + Contract.MANAGED_TAG
                + " mark)"
            : held != null
                ? "kept: " + held
                : prune && !p.managed()
                    ? "kept (no " + Contract.MANAGED_TAG + "=true tag)"
                    : prune ? "kept while " + p.status() : "kept (prune is off)");
    return new Finding(DRIFT, p.arn(), d);
  }

  /** A managed mark prune would act on that this stack's record key did not sign. */
  static Finding notTrusted(String cluster, ObservedProfile p, String reason) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", cluster);
    d.put("profile", p.name());
    d.put("tag", Contract.MANAGED_TAG);
    d.put("value", p.tags().get(Contract.MANAGED_TAG));
    d.put("reason", reason);
    d.put(
        "resolution",
        "not pruned: delete it yourself if it should go, or add it to the desired state");
    return new Finding(Trust.NOT_TRUSTED, p.arn(), d);
  }

  /** A prune held back because the profile that should take its pods failed or was refused. */
  static Finding pruneStopped(String cluster, ObservedProfile p, String reason) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", cluster);
    d.put("profile", p.name());
    d.put("reason", reason);
    d.put("resolution", "kept until the desired profile that takes its pods is ACTIVE");
    return new Finding(PRUNE_STOPPED, p.arn(), d);
  }

  /** A CREATE_FAILED or DELETE_FAILED profile: reported, not retried (see the docs). */
  static Finding failed(String cluster, ObservedProfile p) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", cluster);
    d.put("profile", p.name());
    d.put("status", p.status().name());
    d.put("healthIssues", p.healthIssues());
    d.put(
        "resolution",
        "not retried: fix the cause, then delete the profile (that triggers a new attempt)");
    return new Finding(FAILED, p.arn(), d);
  }
}
