package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.thumbprint.aws.OidcProviders;
import dev.ekssteward.thumbprint.plan.CreateProvider;
import dev.ekssteward.thumbprint.plan.Thumbprints;
import dev.ekssteward.thumbprint.plan.UpdateThumbprints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Applies the rotator's actions to IAM; checks IAM's list rules itself before writing. */
final class ProviderWriter {
  static final String ROTATED = "Thumbprint Rotated";
  static final String CREATED = "OIDC Provider Created";

  private final OidcProviders providers;

  @Inject
  ProviderWriter(OidcProviders providers) {
    this.providers = providers;
  }

  /** Warms up IAM, the one service beyond the shared ones (no request leaves). */
  void prime() {
    providers.prime();
  }

  Outcome apply(Target account, Action action) {
    try {
      if (action instanceof UpdateThumbprints u) {
        return update(account, u);
      }
      if (action instanceof CreateProvider c) {
        return create(account, c);
      }
      return Outcome.failed(action, "unknown action " + action.type());
    } catch (AwsServiceException e) {
      if (Retry.isRetryable(e)) {
        throw e;
      }
      return Outcome.failed(action, Retry.errorCode(e) + ": " + e.awsErrorDetails().errorMessage());
    }
  }

  private Outcome update(Target account, UpdateThumbprints u) {
    if (!Thumbprints.writable(u.thumbprints())) {
      return Outcome.failed(u, "refusing to write an invalid thumbprint list");
    }
    if (!providers.updateThumbprints(account, u.target(), u.thumbprints())) {
      return Outcome.noop(u, "the provider was deleted meanwhile");
    }
    return Outcome.applied(u, new AuditEvent(ROTATED, List.of(u.target()), u.details()));
  }

  private Outcome create(Target account, CreateProvider c) {
    if (!Thumbprints.writable(c.thumbprints())) {
      return Outcome.failed(c, "refusing to create a provider without valid thumbprints");
    }
    String url = c.target();
    String arn = providers.create(account, url, c.clientIds(), c.thumbprints(), c.tags());
    if (arn == null) {
      return Outcome.noop(c, "a provider for this issuer was created meanwhile");
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("provider", arn);
    detail.put("issuer", url);
    detail.putAll(c.details());
    return Outcome.applied(c, new AuditEvent(CREATED, List.of(arn), detail));
  }
}
