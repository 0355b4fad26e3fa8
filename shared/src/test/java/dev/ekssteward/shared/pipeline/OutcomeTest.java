package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics an outcome counts in: the pipeline's, then those the action names for itself. */
class OutcomeTest {
  /** Counts in {@code Fixed} only when it was applied. */
  record Fix(String target) implements Action {
    @Override
    public List<String> outcomeMetrics(Outcome.Status status) {
      return status == Outcome.Status.APPLIED ? List.of("Fixed") : List.of();
    }
  }

  @Test
  void anActionsOwnMetricCountsOnlyForTheOutcomeItNames() {
    Fix fix = new Fix("arn:aws:eks:eu-west-1:1:cluster/dev-1");

    assertThat(Outcome.applied(fix).metricNames())
        .containsExactly("AppliedFix", "ChangesApplied", "Fixed");
    assertThat(Outcome.failed(fix, "refused").metricNames())
        .containsExactly("FailedFix", "ChangesFailed");
    assertThat(Outcome.noop(fix, "gone").metricNames()).containsExactly("Noop");
  }
}
