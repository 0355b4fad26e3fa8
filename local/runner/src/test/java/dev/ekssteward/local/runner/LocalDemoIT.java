package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.EventFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * local/demo end to end, with EKS lifecycle states on: the story of runs.json in under 3 minutes,
 * every step's report and audit events read back from local/.run/story.json (what the demo printed
 * them from), and its moto stopped at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalDemoIT {
  private static final Path ROOT = EventFiles.directory().getParent();

  private String text;
  private List<Map<String, Object>> steps;

  @BeforeAll
  @SuppressWarnings("unchecked")
  void runTheDemo() throws Exception {
    Path out = Files.createTempFile("local-demo", ".out");
    Path story = ROOT.resolve("local/.run/story.json");
    Files.deleteIfExists(story);
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("local/demo").toString())
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("AWS_")
                    || k.startsWith("STEWARD_MOTO_")
                    || k.equals("EKS_STEWARD_CLOCK"));
    builder.environment().put("EKS_STEWARD_DEMO_SKIP_BUILD", "1");
    Process demo = builder.start();

    assertThat(demo.waitFor(3, TimeUnit.MINUTES)).as("demo finished in 3 minutes").isTrue();
    text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(demo.exitValue()).as(text).isZero();
    steps = (List<Map<String, Object>>) Json.parse(Files.readString(story));
  }

  @Test
  void everyStepRepliedWithoutErrors() {
    assertThat(steps).as(text).hasSize(9).allSatisfy(s -> assertThat(s).doesNotContainKey("error"));
    assertThat(steps)
        .allSatisfy(s -> assertThat(report(s).get("errors")).as(text).isEqualTo(List.of()));
    assertThat(text)
        .contains("EKS lifecycle states: transitions take 2.0 s") // the demo's default
        .contains("── What each function did")
        .doesNotContain("FAILED")
        .doesNotContain("error:");
  }

  @Test
  void theEveningScalesDownAndTheMorningRestoresTheExactSizes() {
    assertThat(applied(steps.get(0), "ScaleDown")).hasSize(3);
    assertThat(applied(steps.get(1), "ScaleDown")).as("the night changes nothing").isEmpty();
    assertThat(applied(steps.get(1), "Restore")).isEmpty();
    assertThat(applied(steps.get(2), "Restore")).hasSize(3);
    Map<Object, Object> before = new java.util.HashMap<>();
    events(steps.get(0), "Nodegroup Scaled Down")
        .forEach(d -> before.put(d.get("cluster") + "/" + d.get("nodegroup"), d.get("before")));
    List<Map<String, Object>> restored = events(steps.get(2), "Nodegroup Scaled Up");
    assertThat(restored).hasSize(3);
    for (Map<String, Object> d : restored) {
      assertThat(d.get("after"))
          .as("restored to the recorded sizes")
          .isEqualTo(before.get(d.get("cluster") + "/" + d.get("nodegroup")));
      assertThat(((Number) d.get("nodeHoursAvoided")).doubleValue()).isPositive();
    }
    assertThat(text).contains("node-hours avoided overnight").contains("the demo's estimate");
  }

  @Test
  void theIssuersNewCaIsRotatedInWithOverlap() {
    assertThat(applied(steps.get(3), "UpdateThumbprints")).as("current at first").isEmpty();
    assertThat(events(steps.get(3), "Thumbprint Use Assessed"))
        .singleElement()
        .satisfies(d -> assertThat(d.get("thumbprintUse")).isEqualTo("load-bearing"));
    assertThat(applied(steps.get(4), "UpdateThumbprints")).hasSize(1);
    Map<String, Object> rotated = events(steps.get(4), "Thumbprint Rotated").get(0);
    assertThat(strings(rotated.get("thumbprints")))
        .as("the new CA's thumbprint added, the old one kept")
        .hasSize(2)
        .containsAll(strings(rotated.get("previous")));
    assertThat(strings(rotated.get("removed"))).isEmpty();
  }

  @Test
  void aSelectorChangeIsReplacedMakeBeforeBreak() {
    Map<String, Object> step = steps.get(6);
    assertThat(applied(step, "CreateProfile")).hasSize(1);
    assertThat(applied(step, "DeleteProfile")).hasSize(1);
    assertThat(events(step, "Fargate Profile Replaced"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.get("profile")).isEqualTo("jobs");
              assertThat((String) d.get("replacedBy")).matches("jobs-[0-9a-f]{8}");
            });
  }

  @Test
  void aNewNodegroupGetsItsCreatorAndItsAsgTheTags() {
    assertThat(events(steps.get(7), "Tags Applied"))
        .anySatisfy(
            d ->
                assertThat(((Map<?, ?>) d.get("tags")).get("created-by"))
                    .isEqualTo("jane.doe@example.com"));
    assertThat(applied(steps.get(7), "PropagateToAsg")).hasSize(1);
    assertThat(applied(steps.get(8), "PropagateToAsg")).isNotEmpty();
  }

  @Test
  void theDemoStopsItsLocalAws() {
    Matcher endpoint = Pattern.compile("local AWS \\(moto\\) on (http://\\S+)").matcher(text);
    assertThat(endpoint.find()).isTrue();
    URI moto = URI.create(endpoint.group(1) + "/moto-api/");
    assertThatThrownBy(() -> moto.toURL().openConnection().getInputStream().close())
        .as("the demo's moto is stopped")
        .isInstanceOf(IOException.class);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object list) {
    return (List<String>) list;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> report(Map<String, Object> step) {
    return (Map<String, Object>) step.get("report");
  }

  /** The outcomes of a step's report of this action type that were applied. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> applied(Map<String, Object> step, String type) {
    return ((List<Map<String, Object>>) report(step).get("applied"))
        .stream()
            .filter(o -> type.equals(o.get("type")) && "applied".equals(o.get("result")))
            .toList();
  }

  /** The details of a step's audit events of this detail-type. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> events(Map<String, Object> step, String detailType) {
    return ((List<Map<String, Object>>) step.get("auditEvents"))
        .stream()
            .filter(e -> detailType.equals(e.get("detail-type")))
            .map(e -> (Map<String, Object>) e.get("detail"))
            .toList();
  }
}
