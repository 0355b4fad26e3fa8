package dev.ekssteward.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StewardHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The template's fan-out queue and member-account role, as one function uses them (each function
 * module extends this, so its calls are recorded under its own name for the least-privilege check):
 * a tick over two accounts fans out, and each message runs its own account, the member one through
 * sts:AssumeRole, without changing anything in an empty fleet.
 */
public abstract class FanOutWiringContract {
  @RegisterExtension protected static final LocalAws aws = new LocalAws();

  private final String function;
  private final List<String> mutations;
  private final List<String> tickReads;

  /** {@code mutations}: the function's mutating calls, none of which an empty fleet needs. */
  protected FanOutWiringContract(String function, List<String> mutations) {
    this(function, mutations, List.of());
  }

  /** {@code tickReads}: what a tick that fans out still reads of the function's own state. */
  protected FanOutWiringContract(String function, List<String> mutations, List<String> tickReads) {
    this.function = function;
    this.mutations = mutations;
    this.tickReads = tickReads;
  }

  protected abstract StewardHandler handler(
      Settings settings, Clock clock, List<ExecutionInterceptor> interceptors);

  @Test
  void aTickOverTwoAccountsFansOutAndEachMessageRunsItsAccount() {
    FanOutDrill drill = FanOutDrill.create(aws);
    drill.config("");
    CallRecorder recorder = new CallRecorder(function);
    StewardHandler handler =
        handler(
            drill.settings(false),
            Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC),
            List.of(recorder));

    List<String> calls =
        drill.tickThenBatch(e -> handler.handle(e, new TestContext(function)), recorder, tickReads);

    assertThat(calls).doesNotContainAnyElementsOf(mutations);
  }
}
