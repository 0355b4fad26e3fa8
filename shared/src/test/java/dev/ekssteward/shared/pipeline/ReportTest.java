package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.event.Selection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final Target T = Target.home("eu-west-1");
  private static final Scope A = new Scope(T, "a", Selection.ALL);
  private static final Scope B = new Scope(T, "b", Selection.ALL);

  @Test
  @SuppressWarnings("unchecked")
  void entriesFollowTheScopesOrderWhateverOrderTheScopesFinishedIn() {
    Report report = new Report("fn", false, Map.of("kind", "schedule"));
    report.scopes(List.of(A, B));

    report.planned(B, new Action.Skip("b1", "x"));
    report.finding(null, new Finding("Summary", null, Map.of()));
    report.planned(A, new Action.Skip("a1", "x"));
    report.finding(B, new Finding("Found", "b", Map.of()));
    report.planned(B, new Action.Skip("b2", "x"));
    report.finding(A, new Finding("Found", "a", Map.of()));
    report.planned(A, new Action.Skip("a2", "x"));

    Map<String, Object> out = report.toMap();
    assertThat((List<Map<String, Object>>) out.get("planned"))
        .extracting(m -> m.get("target"))
        .containsExactly("a1", "a2", "b1", "b2");
    assertThat((List<Map<String, Object>>) out.get("findings"))
        .extracting(m -> m.get("target"))
        .containsExactly("a", "b", null);
  }

  @Test
  void aReportTooBigForOneLogEventIsLoggedWithItsListsCounted() {
    Report small = new Report("fn", false, Map.of("kind", "schedule"));
    small.scopes(List.of(A));
    small.planned(A, new Action.Skip("a1", "x"));
    Map<String, Object> smallReply = small.toMap();
    assertThat(Report.forLog(smallReply)).isSameAs(smallReply);

    Report big = new Report("fn", false, Map.of("kind", "schedule"));
    big.scopes(List.of(A));
    for (int i = 0; i < 5_000; i++) {
      big.planned(A, new Action.Skip("dev-1/nodegroup-" + i, "no schedule applies"));
    }
    Map<String, Object> logged = Report.forLog(big.toMap());

    assertThat(logged)
        .containsEntry("planned", 5_000)
        .containsEntry("applied", 0)
        .containsEntry("status", "ok");
    assertThat((String) logged.get("truncated")).contains("over the log event limit");
    assertThat(dev.ekssteward.shared.json.Json.write(logged).length())
        .isLessThan(Report.MAX_LOG_BYTES);
  }
}
