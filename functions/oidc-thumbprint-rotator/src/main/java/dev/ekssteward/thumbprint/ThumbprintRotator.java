package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import java.time.Instant;
import java.util.List;
import javax.inject.Inject;

/** Placeholder until the function's issue is done: routes every trigger to "not implemented". */
public final class ThumbprintRotator implements Controller<Void> {
  @Inject
  ThumbprintRotator() {}

  @Override
  public String name() {
    return "oidc-thumbprint-rotator";
  }

  @Override
  public String ignoreReason(Trigger trigger, StewardConfig config) {
    return "not implemented yet";
  }

  @Override
  public List<Scope> scopes(Trigger trigger, StewardConfig config, Target target) {
    return List.of();
  }

  @Override
  public Void observe(Scope scope, StewardConfig config) {
    return null;
  }

  @Override
  public Plan plan(Scope scope, Void observed, StewardConfig config, Instant now) {
    return Plan.empty();
  }

  @Override
  public Outcome apply(Scope scope, Action action, StewardConfig config) {
    throw new UnsupportedOperationException("not implemented");
  }
}
