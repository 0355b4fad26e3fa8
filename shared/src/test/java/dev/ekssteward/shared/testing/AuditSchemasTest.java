package dev.ekssteward.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.AuditTrail.Delivered;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The audit schemas: one per documented detail-type, and what {@link AuditSchemas} enforces. */
class AuditSchemasTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|");

  @Test
  void everyDocumentedDetailTypeHasASchemaAndEverySchemaIsDocumented() throws IOException {
    Set<String> documented = new TreeSet<>();
    boolean inTable = false;
    for (String line : Files.readAllLines(Schemas.dir().resolve("../audit-events.md"))) {
      if (line.startsWith("## ")) {
        inTable = line.equals("## Detail types");
      }
      Matcher m = ROW.matcher(line);
      if (inTable && m.find()) {
        documented.add(m.group(1));
      }
    }
    Set<String> schemas = new TreeSet<>();
    try (Stream<Path> files = Files.list(Schemas.dir().resolve("audit"))) {
      for (Path f : files.filter(p -> !p.endsWith("common.schema.json")).toList()) {
        String title = (String) Json.parseObject(Files.readString(f)).get("title");
        assertThat(Schemas.auditFile(title)).isEqualTo("audit/" + f.getFileName());
        assertThat(Schemas.audit(title)).as("%s compiles", f).isNotNull();
        schemas.add(title);
      }
    }

    assertThat(documented).hasSizeGreaterThan(30);
    assertThat(schemas).isEqualTo(documented);
  }

  @Test
  void aDetailTypeBecomesItsFileName() {
    assertThat(Schemas.auditFile("Tags Propagated To ASG"))
        .isEqualTo("audit/tags-propagated-to-asg.schema.json");
    assertThat(Schemas.auditFile("Scale-Downs Paused"))
        .isEqualTo("audit/scale-downs-paused.schema.json");
  }

  @Test
  void aDocumentedEventPasses() {
    AuditSchemas.check(event("Nodegroup Kept Up", detail()));
  }

  @Test
  void anEventWithoutItsIdsFails() {
    Map<String, Object> d = detail();
    d.remove("changeId");

    assertThatThrownBy(() -> AuditSchemas.check(event("Nodegroup Kept Up", d)))
        .hasMessageContaining("docs/schema/audit/nodegroup-kept-up.schema.json")
        .hasMessageContaining("changeId");
  }

  @Test
  void aFieldTheSchemaDoesNotDescribeFails() {
    Map<String, Object> d = detail();
    d.put("keptBy", "someone");

    assertThatThrownBy(() -> AuditSchemas.check(event("Nodegroup Kept Up", d)))
        .hasMessageContaining("keptBy");
  }

  @Test
  void anotherFunctionsEventOfTheTypeFails() {
    Map<String, Object> d = detail();
    d.put("function", "tag-enforcer");

    assertThatThrownBy(() -> AuditSchemas.check(event("Nodegroup Kept Up", d)))
        .hasMessageContaining("function");
  }

  @Test
  void aDetailTypeWithoutASchemaFails() {
    assertThatThrownBy(() -> AuditSchemas.check(event("Nodegroup Polished", detail())))
        .hasMessageContaining(
            "has no schema: add docs/schema/audit/nodegroup-polished.schema.json");
  }

  @Test
  void theTestControllersOfThePipelineAreLeftAlone() {
    Map<String, Object> d = detail();
    d.put("function", "keeper");

    AuditSchemas.check(event("Thing Found", d));
  }

  @Test
  void aSizeOutsideItsShapeFails() {
    Map<String, Object> d = detail();
    d.remove("until");
    d.put("before", Map.of("minSize", 1, "desiredSize", 1, "maxSize", 1));
    d.put("after", Map.of("minSize", 0, "desiredSize", 0));
    d.put("originalScaling", "1-1-1@2026-11-25T18:05Z max=1");

    assertThatThrownBy(() -> AuditSchemas.check(event("Nodegroup Scaled Down", d)))
        .hasMessageContaining("maxSize");
  }

  @Test
  void everySdkClientInATestChecksTheAuditEventsItPublishes() {
    try (EventBridgeClient events =
        EventBridgeClient.builder()
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      Map<String, Object> d = detail();
      d.remove("runId");

      // No interceptor added here: the SDK's global interceptor file registers the check.
      assertThatThrownBy(
              () ->
                  events.putEvents(
                      r ->
                          r.entries(
                              e ->
                                  e.source("eks-steward")
                                      .detailType("Nodegroup Kept Up")
                                      .detail(Json.write(d)))))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("runId");
    }
  }

  private static Delivered event(String type, Map<String, Object> detail) {
    return new Delivered(type, List.of(), detail);
  }

  private static Map<String, Object> detail() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("function", "nodegroup-scheduler");
    d.put("dryRun", false);
    d.put("account", "123456789012");
    d.put("region", "eu-west-1");
    d.put("cluster", "dev-1");
    d.put("nodegroup", "web");
    d.put("until", "2026-11-26T21:30:00Z");
    d.put("runId", "req-1");
    d.put("changeId", "req-1/1796634300000/1");
    return d;
  }
}
