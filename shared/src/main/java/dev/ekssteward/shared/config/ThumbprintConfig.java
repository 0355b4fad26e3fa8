package dev.ekssteward.shared.config;

import java.util.List;
import java.util.Set;

/** The OIDC thumbprint rotator's section. */
public record ThumbprintConfig(
    List<String> extraIssuers,
    List<String> allowedHosts,
    boolean createMissingProviders,
    int connectTimeoutMillis,
    int readTimeoutMillis,
    int maxDocumentBytes,
    int maxConcurrency) {

  public static final String EKS_ISSUER_HOSTS = "oidc.eks.*.amazonaws.com";

  static ThumbprintConfig read(Node node) {
    node.requireObject(
        Set.of(
            "extraIssuers",
            "allowedHosts",
            "createMissingProviders",
            "connectTimeoutMillis",
            "readTimeoutMillis",
            "maxDocumentBytes",
            "maxConcurrency"));
    List<String> issuers = node.get("extraIssuers").strings(List.of());
    List<Node> issuerNodes = node.get("extraIssuers").items();
    for (int i = 0; i < issuers.size() && i < issuerNodes.size(); i++) {
      if (!issuers.get(i).startsWith("https://")) {
        issuerNodes.get(i).error("must be an https:// URL");
      }
    }
    return new ThumbprintConfig(
        issuers,
        node.get("allowedHosts").strings(List.of(EKS_ISSUER_HOSTS)),
        node.get("createMissingProviders").bool(false),
        node.get("connectTimeoutMillis").integer(5000, 100, 60000),
        node.get("readTimeoutMillis").integer(5000, 100, 60000),
        node.get("maxDocumentBytes").integer(64 * 1024, 1024, 1024 * 1024),
        node.get("maxConcurrency").integer(SchedulerConfig.DEFAULT_CONCURRENCY, 1, 64));
  }
}
