package dev.ekssteward.thumbprint.plan;

import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.thumbprint.model.ChainEnd;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import dev.ekssteward.thumbprint.model.IssuerCheck;
import dev.ekssteward.thumbprint.model.Probe;
import dev.ekssteward.thumbprint.model.ThumbprintUse;
import java.util.LinkedHashMap;
import java.util.Map;

/** The report-only audit events of the rotator, with their payloads. */
public final class Findings {
  public static final String CHECK_FAILED = "Thumbprint Check Failed";
  public static final String PROVIDER_MISSING = "OIDC Provider Missing";
  public static final String DISCOVERY_REFUSED = "OIDC Discovery Refused";
  public static final String USE_ASSESSED = "Thumbprint Use Assessed";

  /** How the verdict was reached, said in every {@link #USE_ASSESSED} event. */
  static final String JUDGED_BY =
      "the JDK's trust store, standing in for IAM's library of trusted root CAs (an approximation)";

  public static final String CLUSTER_NOT_ACTIVE = "Cluster Not Active";

  private Findings() {}

  /** The issuer could not be checked; the provider keeps its list. */
  static Finding checkFailed(IssuerCheck check) {
    Map<String, Object> detail = base(check);
    detail.put(
        "reason",
        check.probe() instanceof Probe.Refused r
            ? r.reason()
            : ((Probe.Failed) check.probe()).reason());
    detail.put("refused", check.probe() instanceof Probe.Refused);
    if (check.provider() != null) {
      detail.put("thumbprintsKept", check.provider().thumbprints());
    }
    return new Finding(CHECK_FAILED, check.target(), detail);
  }

  /** A discovery document named a jwks_uri outside the allow-list: possible SSRF. */
  static Finding discoveryRefused(IssuerCheck check, Probe.Refused refused) {
    Map<String, Object> detail = base(check);
    detail.put("jwksUri", refused.jwksUri());
    detail.put("reason", refused.reason());
    return new Finding(DISCOVERY_REFUSED, check.target(), detail);
  }

  /**
   * Whether IAM relies on this provider's thumbprints, for every issuer whose chain was verified:
   * {@code load-bearing} (a private CA: the thumbprint is what IAM trusts) or {@code
   * not-consulted}.
   */
  static Finding use(IssuerCheck check, Probe.Verified probe) {
    Map<String, Object> detail = base(check);
    ChainEnd jwks = probe.ends().get(0);
    detail.put("thumbprintUse", probe.use().toString());
    detail.put("jwksEndpoint", jwks.host() + ":" + jwks.port());
    detail.put("chainEnd", jwks.subject());
    detail.put("judgedBy", JUDGED_BY);
    return new Finding(USE_ASSESSED, check.target(), detail);
  }

  /** {@code ThumbprintLoadBearing}, {@code ThumbprintNotConsulted}. */
  static String metric(ThumbprintUse use) {
    return use == ThumbprintUse.LOAD_BEARING ? "ThumbprintLoadBearing" : "ThumbprintNotConsulted";
  }

  /** A new cluster that failed, or is still not ACTIVE after the last look. */
  static Finding notActive(ClusterIssuer cluster) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("cluster", cluster.name());
    detail.put("clusterRegion", cluster.region());
    detail.put("status", cluster.status());
    return new Finding(CLUSTER_NOT_ACTIVE, cluster.arn(), detail);
  }

  static Finding missing(IssuerCheck check, boolean createMissing) {
    Map<String, Object> detail = base(check);
    detail.put("createMissingProviders", createMissing);
    return new Finding(PROVIDER_MISSING, check.target(), detail);
  }

  private static Map<String, Object> base(IssuerCheck check) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("issuer", check.issuer().toString());
    if (check.provider() != null) {
      detail.put("provider", check.provider().arn());
    }
    if (check.cluster() != null) {
      detail.put("cluster", check.cluster().name());
      detail.put("clusterRegion", check.cluster().region());
    }
    return detail;
  }
}
