package dev.ekssteward.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.metrics.MetricsNamespace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard as CloudWatch will read it, and the namespace as one stack parameter for the
 * functions, their alarms and the dashboard. That each metric it names is one the functions emit is
 * DashboardIT's to prove (it needs the suite's integration tests to have run).
 */
class DashboardTest {
  static final Set<String> AWS_NAMESPACES = Set.of("AWS/SQS", "AWS/Lambda");

  private SamTemplate t;

  @BeforeEach
  void load() throws Exception {
    t = SamTemplate.load();
  }

  static DashboardBody body(SamTemplate t) {
    Map<String, Object> dashboard = t.map(t.resources().get("StewardDashboard"));
    assertThat(dashboard).containsEntry("Type", "AWS::CloudWatch::Dashboard");
    Object sub = t.map(t.map(dashboard.get("Properties")).get("DashboardBody")).get("Fn::Sub");
    assertThat(sub).as("the body is one !Sub string").isInstanceOf(String.class);
    return new DashboardBody(t, (String) sub);
  }

  @Test
  void theBodyIsJsonAndEveryPlaceholderIsOfTheTemplate() {
    DashboardBody body = body(t);

    assertThat(body.widgets()).hasSizeGreaterThan(5);
    assertThat(body.placeholders).contains("MetricsNamespace", "AWS::Region");
    assertThat(body.metrics())
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(m.namespace())
                    .as(m.name() + ": the stack's namespace parameter or an AWS one")
                    .isIn(new TreeSet<>(Set.of(DashboardBody.NAMESPACE, "AWS/SQS", "AWS/Lambda"))));
    for (Map<String, Object> w : body.widgets()) {
      if ("metric".equals(w.get("type"))) {
        assertThat(body.properties(w)).containsEntry("region", DashboardBody.REGION);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theAlarmWidgetShowsEveryAlarmOfTheStack() {
    Set<String> alarms = new TreeSet<>();
    t.resources()
        .forEach(
            (id, r) -> {
              if ("AWS::CloudWatch::Alarm".equals(t.map(r).get("Type"))) {
                assertThat(t.map(r))
                    .as(id + " exists whenever the dashboard does")
                    .doesNotContainKey("Condition");
                alarms.add(
                    "arn:aws:cloudwatch:"
                        + DashboardBody.REGION
                        + ":"
                        + DashboardBody.ACCOUNT
                        + ":alarm:"
                        + id);
              }
            });
    List<Map<String, Object>> widgets =
        body(t).widgets().stream().filter(w -> "alarm".equals(w.get("type"))).toList();

    assertThat(widgets).hasSize(1);
    assertThat((List<String>) body(t).properties(widgets.get(0)).get("alarms"))
        .as("add a new alarm to the dashboard's alarm widget")
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(alarms)
        // CloudWatch's limit for one alarm widget.
        .hasSizeLessThanOrEqualTo(100);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theNamespaceIsOneParameterForFunctionsAlarmsAndDashboard() {
    Map<String, Object> parameter = t.map(t.map(t.root.get("Parameters")).get("MetricsNamespace"));
    assertThat(parameter).containsEntry("Default", MetricsNamespace.DEFAULT);
    Map<String, Object> env =
        t.map(
            t.map(t.map(t.map(t.root.get("Globals")).get("Function")).get("Environment"))
                .get("Variables"));
    assertThat(env).containsEntry(MetricsNamespace.VARIABLE, Map.of("Ref", "MetricsNamespace"));

    t.resources()
        .forEach(
            (id, r) -> {
              if (!"AWS::CloudWatch::Alarm".equals(t.map(r).get("Type"))) {
                return;
              }
              Object namespace = t.map(t.map(r).get("Properties")).get("Namespace");
              if (!AWS_NAMESPACES.contains(namespace)) {
                assertThat(namespace).as(id).isEqualTo(Map.of("Ref", "MetricsNamespace"));
              }
            });
    assertThat(t.map(t.resources().get("StewardDashboard")))
        .containsEntry("Condition", "HasDashboard");
  }
}
