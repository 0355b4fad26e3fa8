package dev.ekssteward.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.metrics.MetricsNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every metric the dashboard names is one the functions emit, with those dimensions, as the whole
 * suite's integration tests saw them (EmittedMetrics writes each EMF metric it sees to
 * functions/*&#47;target/emitted-metrics), or an AWS metric of a resource of the stack.
 */
class DashboardIT {
  /** What the functions are called in their metrics' Function dimension, by module. */
  static final Map<String, String> FUNCTIONS =
      Map.of(
          "nodegroup-scheduler", "nodegroup-scheduler",
          "oidc-thumbprint-rotator", "oidc-thumbprint-rotator",
          "fargate-profile-reconciler", "fargate-profile-reconciler",
          "tag-enforcer", "tag-enforcer");

  static final Map<String, Set<String>> AWS_METRICS =
      Map.of(
          "AWS/SQS", Set.of("ApproximateNumberOfMessagesVisible"),
          "AWS/Lambda", Set.of("Errors", "Throttles", "Invocations", "Duration"));

  @Test
  void everyMetricTheDashboardNamesIsEmittedByAFunctionOrIsAnAwsMetricOfTheStack()
      throws Exception {
    SamTemplate t = SamTemplate.load();
    DashboardBody body = DashboardTest.body(t);
    Set<String> emitted = emitted();
    Set<String> missing = new TreeSet<>();

    for (DashboardBody.Named m : body.metrics()) {
      if (AWS_METRICS.containsKey(m.namespace())) {
        assertThat(AWS_METRICS.get(m.namespace())).as(m.toString()).contains(m.name());
        assertThat(m.values()).as(m.toString()).hasSize(1);
        m.values()
            .forEach(
                (dimension, resource) -> {
                  String type = String.valueOf(t.map(t.resources().get(resource)).get("Type"));
                  assertThat(type)
                      .as(m + ": a resource of the stack")
                      .isEqualTo(
                          dimension.equals("QueueName")
                              ? "AWS::SQS::Queue"
                              : "AWS::Serverless::Function");
                });
        continue;
      }
      assertThat(FUNCTIONS).as(m + ": names a function").containsValue(m.function());
      String row = row(MetricsNamespace.DEFAULT, m.dimensions(), m.function(), m.name());
      if (!emitted.contains(row)) {
        missing.add(row);
      }
    }
    assertThat(missing).as("named by the dashboard, never emitted in a test").isEmpty();
  }

  static String row(String namespace, Set<String> dimensions, String function, String name) {
    return namespace + " " + new TreeSet<>(dimensions) + " " + function + " " + name;
  }

  /** Every (namespace, dimensions, function, metric) the functions' tests saw emitted. */
  static Set<String> emitted() throws IOException {
    Set<String> out = new TreeSet<>();
    for (String module : FUNCTIONS.keySet()) {
      Path file =
          SamTemplate.repo()
              .resolve("functions")
              .resolve(module)
              .resolve("target/emitted-metrics/metrics.txt");
      assertThat(file).as("run the whole suite first (mvn -B verify): " + file).isRegularFile();
      for (String line : Files.readAllLines(file)) {
        String[] f = line.split("\t");
        if (f.length == 4) {
          out.add(row(f[0], Set.of(f[1].split(",")), f[2], f[3]));
        }
      }
    }
    return out;
  }

  @Test
  void theRowsOfTheFileAreReadAsTheDashboardsAre() {
    assertThat(row("N", Set.of("Function", "Cluster"), "f", "m"))
        .isEqualTo(
            row("N", new java.util.LinkedHashSet<>(List.of("Cluster", "Function")), "f", "m"));
  }
}
