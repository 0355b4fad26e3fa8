package dev.ekssteward.scheduler;

import dev.ekssteward.scheduler.asg.FakeAutoScaling;
import dev.ekssteward.scheduler.eks.FakeEks;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.scheduler.ledger.MemoryStore;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Routing;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.ActionExecutors;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.shared.pipeline.Targets;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real controller and executors (the test twin's graph) against {@link FakeEks} the way
 * the pipeline does, tick by tick: routing, scopes, observe, plan, apply.
 */
final class FakeTicks {
  static final Target TARGET = new Target("123456789012", "eu-west-1", null);

  final FakeEks eks = new FakeEks();
  final FakeAutoScaling autoscaling = new FakeAutoScaling();
  final MemoryStore store = new MemoryStore();
  final NodegroupScheduler scheduler;
  final ActionExecutors executors;
  final StewardConfig config;
  final List<Plan> plans = new ArrayList<>();
  final List<Outcome> outcomes = new ArrayList<>();
  private final ManualClock clock = new ManualClock(Instant.EPOCH);
  private final Routing routing =
      new Routing(NodegroupScheduler.NAME, NodegroupScheduler.TRIGGERS, "/eks-steward", null);
  private final Targets targets =
      new Targets("eu-west-1", TARGET.accountId(), "aws", NodegroupScheduler.NAME);

  FakeTicks(String configJson) {
    FakeEksComponent graph =
        DaggerFakeEksComponent.factory()
            .create(
                NodegroupScheduler.NAME,
                new Settings("/eks-steward", false, null, "eu-west-1", null, null),
                clock,
                Waits.none(),
                List.of(),
                target -> eks,
                autoscaling,
                store);
    scheduler = graph.scheduler();
    executors = graph.executors();
    config = StewardConfig.parse(configJson, "test");
    new ScheduleConfigCheck()
        .check(config)
        .forEach(
            e -> {
              throw new IllegalArgumentException(e.toString());
            });
  }

  /** One cluster {@code dev-1} with one long-standing group {@code web} at {@code day}. */
  static FakeTicks oneGroup(Sizes day) {
    FakeTicks t = new FakeTicks(ConvergenceTest.CONFIG);
    t.eks.addCluster("dev-1", Map.of());
    t.eks.addGroup("dev-1", "web", day, Map.of(), ConvergenceTest.CREATED);
    return t;
  }

  /** How many audit events of {@code detailType} the outcomes carry. */
  static long audited(List<Outcome> outcomes, String detailType) {
    return outcomes.stream()
        .flatMap(o -> o.events().stream())
        .filter(e -> e.detailType().equals(detailType))
        .count();
  }

  List<Outcome> tick(Instant now) {
    return run(new Trigger.ScheduleTick(now, "test"), now);
  }

  List<Outcome> run(Trigger trigger, Instant now) {
    clock.set(now); // the pipeline's clock, which observe reads too
    List<Outcome> these = new ArrayList<>();
    if (!(routing.route(trigger, config, targets) instanceof Routing.Go go)) {
      return these;
    }
    for (Scope scope : scopes(go)) {
      Plan plan = scheduler.plan(scope, scheduler.observe(scope, config), config, now, List.of());
      plans.add(plan);
      for (Action a : plan.actions()) {
        if (a.mutates()) {
          these.add(executors.apply(TARGET, a, e -> {}));
        }
      }
    }
    outcomes.addAll(these);
    return these;
  }

  private List<Scope> scopes(Routing.Go go) {
    if (go.cluster() != null) {
      return List.of(new Scope(TARGET, go.cluster(), go.selection()));
    }
    return scheduler.clusters(TARGET).stream()
        .filter(config.targets().clusters()::matches)
        .sorted()
        .map(c -> new Scope(TARGET, c, Selection.ALL))
        .toList();
  }
}
