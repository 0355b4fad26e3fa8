package dev.ekssteward.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.asg.AutoscalerTags;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.pipeline.Action;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report and the audit trail show an action's details in this order: users read it. */
class ActionDetailsTest {
  private static final String ARN = "arn:aws:eks:eu-west-1:111122223333:nodegroup/c1/web/x";
  private static final OriginalScaling RECORD =
      OriginalScaling.of(new Sizes(2, 3, 5), Instant.parse("2026-12-01T19:00:00Z"), 1);

  private static List<String> keys(Action action) {
    return List.copyOf(action.details().keySet());
  }

  @Test
  void everySchedulerChangeStartsWithItsClusterAndGroupInTheSameOrderEveryTime() {
    assertThat(keys(new ScaleDown(ARN, "c1", "web", RECORD, "t")))
        .containsExactly("cluster", "nodegroup", "before", "after", "originalScaling");
    assertThat(
            keys(new Restore(ARN, "c1", "web", new Sizes(0, 0, 1), RECORD, "day", 4.0, "t", false)))
        .containsExactly(
            "cluster", "nodegroup", "before", "after", "reason", "downSince", "nodeHoursAvoided");
    assertThat(keys(new PauseAutoscaler(ARN, "c1", "web", List.of("asg-1"), RECORD)))
        .containsExactly("cluster", "nodegroup", "autoScalingGroups", "tags", "originalScaling");
    assertThat(keys(new ResumeAutoscaler(ARN, "c1", "web", List.of("asg-1"), AutoscalerTags.NONE)))
        .containsExactly("cluster", "nodegroup", "autoScalingGroups", "tags");
    assertThat(keys(new ResignRecord(ARN, "c1", "web", RECORD, "unsigned")))
        .containsExactly("cluster", "nodegroup", "originalScaling", "reason");
    assertThat(keys(new KeepUp(ARN, "c1", "web", Instant.parse("2026-12-02T19:00:00Z"))))
        .containsExactly("cluster", "nodegroup", "until");
    assertThat(keys(new DropRecord(ARN, "c1", "web", "restored")))
        .containsExactly("cluster", "nodegroup", "reason");
    assertThat(keys(new AwaitIndex(ARN, "c1", "web")))
        .containsExactly("cluster", "nodegroup", "reason");
  }
}
