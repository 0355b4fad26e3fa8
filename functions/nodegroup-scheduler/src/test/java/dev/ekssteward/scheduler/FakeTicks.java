package dev.ekssteward.scheduler;

import dev.ekssteward.scheduler.eks.FakeEks;
import dev.ekssteward.scheduler.eks.RetryingNodegroupApi;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs the real controller against {@link FakeEks} the way the pipeline does, tick by tick. */
final class FakeTicks {
  static final Target TARGET = new Target("123456789012", "eu-west-1", null);

  final FakeEks eks = new FakeEks();
  final NodegroupScheduler scheduler;
  final StewardConfig config;
  final List<Plan> plans = new ArrayList<>();
  final List<Outcome> outcomes = new ArrayList<>();

  FakeTicks(String configJson) {
    Retry retry = new Retry(3, Duration.ZERO, Duration.ZERO, d -> {});
    scheduler = new NodegroupScheduler(target -> new RetryingNodegroupApi(eks, retry));
    config = StewardConfig.parse(configJson, "test");
    new ScheduleConfigCheck()
        .check(config)
        .forEach(
            e -> {
              throw new IllegalArgumentException(e.toString());
            });
  }

  List<Outcome> tick(Instant now) {
    return run(new Trigger.ScheduleTick(now, "test"), now);
  }

  List<Outcome> run(Trigger trigger, Instant now) {
    List<Outcome> these = new ArrayList<>();
    for (Scope scope : scheduler.scopes(trigger, config, TARGET)) {
      Plan plan = scheduler.plan(scope, scheduler.observe(scope, config), config, now);
      plans.add(plan);
      for (Action a : plan.actions()) {
        if (a.mutates()) {
          these.add(scheduler.apply(scope, a, config));
        }
      }
    }
    outcomes.addAll(these);
    return these;
  }
}
