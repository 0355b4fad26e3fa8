package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.CallRule;
import dev.ekssteward.shared.event.Triggers;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Declaration;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.thumbprint.model.AccountView;
import dev.ekssteward.thumbprint.plan.RotationPlanner;
import dev.ekssteward.thumbprint.tls.PublicRoots;
import java.time.Instant;
import java.util.List;
import javax.inject.Inject;

/**
 * Keeps IRSA's IAM OIDC providers on the right thumbprints. IAM is global per account, so the scope
 * of a schedule tick is a whole account (all regions' clusters, providers listed once);
 * CreateCluster narrows it to one cluster, an IAM event to one provider.
 */
public final class ThumbprintRotator implements Controller<AccountView> {
  public static final String NAME = "oidc-thumbprint-rotator";

  /** The kind of resource IAM's provider calls name. */
  static final String PROVIDER = "oidc-provider";

  static final Triggers TRIGGERS =
      Triggers.none()
          .ticks()
          .perAccount()
          .on(
              CallRule.on(CallRule.EKS, "CreateCluster")
                  .kind("cluster")
                  .cluster("requestParameters.name")
                  .creates(),
              // IAM's events arrive from us-east-1 whatever the configured regions.
              CallRule.on(CallRule.IAM, "CreateOpenIDConnectProvider")
                  .kind(PROVIDER)
                  .arn("responseElements.openIDConnectProviderArn")
                  .creates()
                  .anyRegion(),
              CallRule.on(CallRule.IAM, "UpdateOpenIDConnectProviderThumbprint")
                  .kind(PROVIDER)
                  .arn("requestParameters.openIDConnectProviderArn")
                  .anyRegion());

  static final Declaration DECLARATION =
      new Declaration(NAME, TRIGGERS, config -> config.thumbprints().maxConcurrency());

  private final Survey survey;

  @Inject
  ThumbprintRotator(Survey survey) {
    this.survey = survey;
  }

  @Override
  public Declaration declaration() {
    return DECLARATION;
  }

  /**
   * IAM is the one service beyond the shared ones; the JDK's root CAs (the thumbprint-use verdict)
   * are read from disk into the snapshot too.
   */
  @Override
  public void prime() {
    survey.prime();
    PublicRoots.jdk();
  }

  @Override
  public AccountView observe(Scope scope, StewardConfig config) {
    return survey.observe(Lookup.of(scope), scope.target(), config);
  }

  @Override
  public Plan plan(
      Scope scope, AccountView observed, StewardConfig config, Instant now, List<Outcome> earlier) {
    return RotationPlanner.plan(observed, config.thumbprints().createMissingProviders());
  }
}
