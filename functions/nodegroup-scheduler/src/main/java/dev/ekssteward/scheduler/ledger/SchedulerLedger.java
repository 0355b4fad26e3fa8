package dev.ekssteward.scheduler.ledger;

import dev.ekssteward.scheduler.plan.AwaitIndex;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.scheduler.plan.PauseAutoscaler;
import dev.ekssteward.scheduler.plan.RunFacts;
import dev.ekssteward.scheduler.plan.ScaleDown;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Routing;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.RunLedger;
import dev.ekssteward.shared.pipeline.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's state beside the groups, for one run: the pause of Release Requests and the index
 * of clusters where size records stand. Read once when the run starts (one GetParametersByPath).
 * The run then also visits clusters the index names that left the config, holds back scale-downs in
 * clusters the index does not name yet ({@link AwaitIndex}), writes what changed at its end (once
 * per account and region), and scales those groups down in a second round.
 */
public final class SchedulerLedger implements RunLedger<ClusterState> {
  private final StewardConfig config;
  private final Routing.Go go;
  private final List<Target> configured;
  private final boolean wholeRun;
  private final boolean dryRun;
  private final Instant now;
  private final IndexChanges index;
  private final Pause pause;
  private final PauseScaleDowns release;
  private final Map<String, String> outOfScope = new HashMap<>();
  private final Map<String, Scope> held = new LinkedHashMap<>();
  private final Map<String, Scope> secondRound = new HashMap<>();
  private final Map<String, Seen> seen = new HashMap<>();

  /**
   * What one scope's last look showed: a record stands there; or the cluster may go down again (a
   * schedule applies, it is in scope and not paused), so once indexed it keeps its place.
   */
  private record Seen(boolean records, boolean staysScheduled) {}

  public SchedulerLedger(
      SchedulerStore store,
      StewardConfig config,
      Routing.Go go,
      List<Target> configured,
      boolean wholeRun,
      boolean dryRun,
      Instant now) {
    this.config = config;
    this.go = go;
    this.configured = List.copyOf(configured);
    this.wholeRun = wholeRun;
    this.dryRun = dryRun;
    this.now = now;
    Map<String, String> stored = store.readAll();
    this.index = new IndexChanges(store.root(), stored);
    String pauseName = store.root() + "/" + Pause.NAME;
    Pause before = stored.containsKey(pauseName) ? Pause.parse(stored.get(pauseName)) : Pause.NONE;
    if (go.selection() instanceof Selection.Release r) {
      Instant until = r.until() != null ? r.until() : now.plus(Duration.ofHours(r.hours()));
      this.pause = before.with(go.cluster(), until, now);
      this.release = new PauseScaleDowns(pauseName, until, go.cluster(), pause);
    } else {
      this.pause = before;
      this.release = null;
    }
  }

  /** A release writes its pause before any restore: a crash midway still pauses the ticks. */
  @Override
  public List<Action> opening() {
    return release == null ? List.of() : List.of(release);
  }

  /**
   * A tick or a release of every cluster also visits the clusters the index names that the config
   * no longer selects (with the run's selection); only their records are restored there.
   */
  @Override
  public synchronized List<Scope> moreScopes(List<Scope> routed) {
    boolean sweep =
        go.selection() instanceof Selection.All || go.selection() instanceof Selection.Release;
    if (!wholeRun || go.cluster() != null || !sweep) {
      return List.of();
    }
    List<String> visited = routed.stream().map(Scope::toString).toList();
    List<Scope> more = new ArrayList<>();
    index
        .current()
        .entries()
        .forEach(
            (key, entry) -> {
              Target inConfig = configured.stream().filter(key::is).findFirst().orElse(null);
              Target target = inConfig != null ? inConfig : key.target(entry.role());
              for (String cluster : entry.clusters()) {
                String why = outOfScope(key, inConfig, cluster);
                Scope scope = new Scope(target, cluster, go.selection());
                if (why != null && !visited.contains(scope.toString())) {
                  outOfScope.put(scope.toString(), why);
                  more.add(scope);
                }
              }
            });
    return more;
  }

  private String outOfScope(IndexKey key, Target inConfig, String cluster) {
    if (inConfig == null) {
      return "account "
          + key.account()
          + " in "
          + key.region()
          + " is no longer among targets; only its records are restored";
    }
    if (!config.targets().clusters().matches(cluster)) {
      return "cluster "
          + cluster
          + " is no longer selected by targets.clusters; only its records are restored";
    }
    return null;
  }

  @Override
  public synchronized ClusterState observed(Scope scope, ClusterState state) {
    IndexKey key = IndexKey.of(scope.target());
    if (state.cluster() == null) {
      index.note(key, scope.target().roleArn(), scope.cluster(), false);
      seen.remove(scope.toString());
      return state;
    }
    RunFacts facts =
        new RunFacts(
            pause.until(scope.cluster(), now),
            dryRun || index.current().contains(key, scope.cluster()),
            outOfScope.get(scope.toString()));
    boolean records =
        state.nodegroups().stream()
            .anyMatch(g -> g.tags().containsKey(Contract.ORIGINAL_SCALING_TAG));
    boolean stays = facts.outOfScope() == null && facts.pausedUntil() == null && scheduled(state);
    seen.put(scope.toString(), new Seen(records, stays));
    return state.with(facts);
  }

  /** A schedule may apply to one of its groups (the tags or the config default). */
  private boolean scheduled(ClusterState state) {
    return config.scheduler().defaultSchedule() != null
        || state.cluster().tags().containsKey(Contract.SCHEDULE_TAG)
        || state.nodegroups().stream().anyMatch(g -> g.tags().containsKey(Contract.SCHEDULE_TAG));
  }

  /**
   * Notes whether the cluster needs its place in the index: a record stands there, or the plan
   * scales a group down, or it is indexed already and will go down again (so the index is not
   * rewritten, nor scale-downs held back, every evening). It loses its place once its records are
   * restored and it leaves scope, loses its schedule or is paused by a release; only a look at
   * every group of a cluster takes it out. A second round keeps only the scale-downs it waited for
   * (the rest was planned and reported in the first).
   */
  @Override
  public synchronized Plan planned(Scope scope, Plan plan) {
    Seen look = seen.get(scope.toString());
    if (look == null) {
      return plan;
    }
    IndexKey key = IndexKey.of(scope.target());
    boolean downs = plan.actions().stream().anyMatch(a -> a instanceof ScaleDown);
    boolean waits = plan.actions().stream().anyMatch(a -> a instanceof AwaitIndex);
    boolean kept = look.staysScheduled() && index.current().contains(key, scope.cluster());
    boolean needed = look.records() || downs || waits || kept;
    boolean whole =
        !(scope.selection() instanceof Selection.One)
            && !(scope.selection() instanceof Selection.Wake w && !w.nodegroups().isEmpty());
    if (needed || whole) {
      index.note(key, scope.target().roleArn(), scope.cluster(), needed);
    }
    if (waits) {
      held.put(scope.toString(), scope);
    }
    return secondRound.containsKey(scope.toString()) ? onlyScaleDowns(plan) : plan;
  }

  private static Plan onlyScaleDowns(Plan plan) {
    List<Action> downs =
        plan.actions().stream()
            .filter(a -> a instanceof ScaleDown || a instanceof PauseAutoscaler)
            .toList();
    Map<String, Double> metrics = new HashMap<>();
    if (plan.metrics().containsKey("ScaledDown")) {
      metrics.put("ScaledDown", plan.metrics().get("ScaledDown"));
    }
    return new Plan(downs, List.of(), metrics, null);
  }

  /** What the index must now hold, written once per (account, region) that changed. */
  @Override
  public synchronized List<Action> closing() {
    return List.copyOf(index.writes());
  }

  /**
   * Once the index holds them, the clusters whose scale-downs waited run again; if a write failed
   * they wait for the next tick.
   */
  @Override
  public synchronized List<Scope> again(List<Outcome> closed) {
    boolean written =
        closed.stream()
            .allMatch(
                o -> o.status() == Outcome.Status.APPLIED || o.status() == Outcome.Status.NOOP);
    if (dryRun || !written || held.isEmpty()) {
      return List.of();
    }
    index.written();
    List<Scope> again = new ArrayList<>(held.values());
    again.forEach(s -> secondRound.put(s.toString(), s));
    held.clear();
    return again;
  }
}
