package dev.ekssteward.cli;

import dev.ekssteward.fargate.ClusterObservation;
import dev.ekssteward.fargate.FargateProfileReconciler;
import dev.ekssteward.fargate.aws.DesiredStateStore;
import dev.ekssteward.fargate.aws.EksFargateApi;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.shared.trust.RecordSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Fargate profile reconciler's view of the clusters {@code status} scans: its own observe and
 * plan (as a tick in dry-run), summed up as clusters without a desired state, in sync, drifted (the
 * plan would change profiles, or reports a finding), with an invalid desired state, or excluded;
 * and, per cluster with a desired state, what would change. Nothing is applied.
 */
final class FargateDrift {
  private final FargateProfileReconciler reconciler;
  private final StewardConfig config;
  private final Instant now;
  private final Map<String, Integer> counts = new TreeMap<>();
  private final List<Map<String, Object>> clusters = new ArrayList<>();

  FargateDrift(AwsClients clients, RecordSigner signer, StewardConfig config, Instant now) {
    this.reconciler =
        new FargateProfileReconciler(
            new EksFargateApi(clients), new DesiredStateStore(clients), signer);
    this.config = config;
    this.now = now;
    for (String state : List.of("no desired state", "in sync", "drifted", "invalid", "excluded")) {
      counts.put(state, 0);
    }
  }

  void scan(Target target, String cluster) {
    Scope scope = new Scope(target, cluster, Selection.ALL);
    ClusterObservation seen = reconciler.observe(scope, config);
    Plan plan = reconciler.plan(scope, seen, config, now, List.of());
    String state = state(seen, plan);
    counts.merge(state, 1, Integer::sum);
    if (seen.document() == null) {
      return;
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("target", target.toString());
    c.put("cluster", cluster);
    c.put("state", state);
    c.put("profiles", seen.profiles() == null ? 0 : seen.profiles().size());
    c.put(
        "wouldChange",
        plan.actions().stream()
            .filter(Action::mutates)
            .map(a -> a.type() + " " + a.target())
            .toList());
    c.put("findings", plan.findings().stream().map(f -> f.detailType()).toList());
    clusters.add(c);
  }

  private static String state(ClusterObservation seen, Plan plan) {
    if (seen.document() == null || seen.profiles() == null) {
      return "no desired state";
    }
    if (seen.excluded()) {
      return "excluded";
    }
    boolean invalid =
        plan.actions().stream()
            .anyMatch(
                a -> a instanceof Action.Skip s && s.reason().startsWith("desired state invalid"));
    if (invalid) {
      return "invalid";
    }
    boolean changes = plan.actions().stream().anyMatch(Action::mutates);
    return changes || !plan.findings().isEmpty() ? "drifted" : "in sync";
  }

  Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clusters", new LinkedHashMap<>(counts));
    m.put("withDesiredState", clusters);
    return m;
  }
}
