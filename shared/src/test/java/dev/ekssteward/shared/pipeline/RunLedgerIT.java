package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Routing;
import dev.ekssteward.shared.event.Triggers;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.AuditTrail;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A controller's run ledger, as the pipeline drives it: its opening change before any scope, its
 * extra scopes, what it sees of each observation and plan, its closing change after every scope,
 * and the scopes it holds back until the closing change was made.
 */
class RunLedgerIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final Map<String, Object> TICK =
      Map.of("detail-type", "Scheduled Event", "source", "aws.events", "detail", Map.of());

  private final List<String> applied = new CopyOnWriteArrayList<>();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private RuntimeException openFails;

  record Bump(String target) implements Action {}

  /** One Bump per scope of clusters a and b; its ledger holds a back until the closing Bump. */
  final class Scripted implements Controller<String> {
    public Declaration declaration() {
      return new Declaration("ledgered", Triggers.none().ticks(), c -> 4);
    }

    public List<String> clusters(Target target) {
      return List.of("a", "b");
    }

    public String observe(Scope scope, StewardConfig config) {
      return scope.cluster();
    }

    public Plan plan(
        Scope scope, String observed, StewardConfig config, Instant now, List<Outcome> earlier) {
      return Plan.of(List.of(new Bump(observed)), List.of());
    }

    @Override
    public RunLedger<String> ledger(
        StewardConfig config, Routing.Go go, List<Target> configured, boolean wholeRun) {
      if (openFails != null) {
        throw openFails;
      }
      return new RunLedger<>() {
        boolean closed;

        public List<Action> opening() {
          return List.of(new Bump("opening"));
        }

        public List<Scope> moreScopes(List<Scope> routed) {
          return List.of(new Scope(routed.get(0).target(), "extra", go.selection()));
        }

        public String observed(Scope scope, String state) {
          seen.add(state);
          return state;
        }

        public Plan planned(Scope scope, Plan plan) {
          boolean hold = scope.cluster().equals("a") && !closed;
          return hold ? Plan.of(List.of(new Action.Skip("a", "held")), List.of()) : plan;
        }

        public List<Action> closing() {
          return closed ? List.of() : List.of(new Bump("closing"));
        }

        public List<Scope> again(List<Outcome> outcomes) {
          if (closed || outcomes.isEmpty()) {
            return List.of();
          }
          closed = true;
          return List.of(new Scope(configured.get(0), "a", go.selection()));
        }
      };
    }
  }

  private Pipeline<String> pipeline(boolean dryRun) {
    Settings settings = aws.settings(dryRun);
    AwsClients clients = new AwsClients(settings, "ledgered", List.of(), Waits.none().backoff());
    PortExecutor<List<String>, Bump> bumper =
        new PortExecutor<>(Bump.class, applied) {
          public Result execute(Target target, Bump bump) {
            applied.add(bump.target());
            return Result.done(new AuditEvent("Bumped", List.of(), Map.of("what", bump.target())));
          }
        };
    return PipelineTestSupport.wire(
        new Scripted(),
        Set.of(bumper),
        clients,
        Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void theLedgerOpensSeesEveryScopeClosesAndRunsWhatItHeldAfterItsClosingChange() {
    AuditTrail trail = AuditTrail.create(aws);

    Map<String, Object> report = pipeline(false).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(report).containsEntry("status", "ok");
    assertThat(applied.get(0)).isEqualTo("opening");
    assertThat(applied).containsExactlyInAnyOrder("opening", "b", "extra", "closing", "a");
    assertThat(applied.indexOf("a")).isGreaterThan(applied.indexOf("closing"));
    assertThat(seen).containsExactlyInAnyOrder("a", "b", "extra", "a");
    assertThat(trail.drainTypes()).hasSize(5).containsOnly("Bumped");
  }

  @Test
  void inDryRunTheLedgersChangesArePlannedOnlyAndNothingIsHeldForASecondRound() {
    Map<String, Object> report = pipeline(true).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(applied).isEmpty();
    assertThat(report.get("planned").toString())
        .contains("target=opening")
        .contains("target=closing")
        .contains("reason=held");
    assertThat(seen).containsExactlyInAnyOrder("a", "b", "extra");
  }

  @Test
  void aLedgerThatCannotBeReadStopsTheRunBeforeAnyChange() {
    openFails = new IllegalStateException("cannot read");

    Map<String, Object> report = pipeline(false).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(report).containsEntry("status", "partial");
    assertThat(report.get("errors").toString()).contains("cannot read").contains("scope=run");
    assertThat(applied).isEmpty();
    assertThat(seen).isEmpty();
  }
}
