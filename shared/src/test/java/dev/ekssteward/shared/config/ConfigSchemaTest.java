package dev.ekssteward.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.Schemas;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/schema/config.schema.json and {@link StewardConfig#parse} give the same verdict on the same
 * documents (the inputs of StewardConfigTest and HostileConfigTest, and the edges of each rule).
 * What only the parser can judge is listed in {@link #parserOnly}: the schema accepts those, the
 * parser refuses them, and the schema's description says so.
 */
class ConfigSchemaTest {
  static List<String> valid() {
    return List.of(
        StewardConfigTest.FULL,
        "{}",
        "{\"targets\": null, \"scheduler\": {\"defaultSchedule\": null}}",
        "{\"scheduler\": {\"maxConcurrency\": 5.0, \"clusterAutoscaler\": \"pause\"}}",
        "{\"scheduler\": {\"gracePeriodMinutes\": 0, \"nightMaxSize\": 1000,"
            + " \"maxRestoreNodes\": 100000, \"wakeDurationMinutes\": 10080}}",
        "{\"scheduler\": {\"schedules\": {\"a.b_c-1\": {\"timezone\": \"UTC\","
            + " \"uptime\": [\"Mon-Fri 07:00-19:00\"], \"holidays\": [null, \"2026-01-01\"]}}}}",
        "{\"targets\": {\"regions\": [\"us-gov-west-1\", \"cn-north-1\"],"
            + " \"accounts\": [{\"accountId\": \"111122223333\", \"roleName\": \"r\","
            + " \"roleArn\": null}], \"clusters\": {\"include\": [\"dev-*\"]}}}",
        "{\"thumbprints\": {\"connectTimeoutMillis\": 100, \"readTimeoutMillis\": 60000,"
            + " \"maxDocumentBytes\": 1024, \"maxConcurrency\": 64, \"allowedHosts\": []}}",
        "{\"fargate\": {\"quotas\": {\"profilesPerCluster\": 100}, \"maxConcurrency\": 1}}",
        "{\"tagging\": {\"creatorTagKey\": \"created-by\", \"propagateToInstances\": true,"
            + " \"required\": [{\"key\": \"env\", \"allowed\": [\"dev\"], \"normalize\": \"lower\","
            + " \"default\": \"DEV\", \"propagateToAsg\": true}, {\"key\": \"cc\","
            + " \"pattern\": \"^[0-9]{4}$\", \"allowed\": []}]}}",
        "{\"tagging\": {\"required\": [" + rules(50) + "]}}",
        "{\"limits\": {\"maxChangesPerRun\": 0, \"maxChangesPercent\": 100}}",
        "{\"limits\": null}",
        "{\"scheduler\": {\"prices\": {\"m5.large\": 0.096, \"default\": 0, \"t3.micro\": 10000}}}",
        "{\"scheduler\": {\"acceptUnsignedRecordsUntil\": \"2027-01-31T00:00:00Z\"}}",
        "{\"scheduler\": {\"acceptUnsignedRecordsUntil\": \"2027-01-31T00:00:00.5Z\"}}",
        "{\"scheduler\": {\"acceptUnsignedRecordsUntil\": null}}");
  }

  static List<String> invalid() {
    return List.of(
        // StewardConfigTest.namesThePathAndTheReason, where a schema can judge it
        "{\"schedular\":{}}",
        "[]",
        "null",
        "{",
        "{\"scheduler\":{\"gracePeriodMinutes\":-1}}",
        "{\"scheduler\":{\"maxConcurrency\":2.5}}",
        "{\"targets\":{\"regions\":[\"mars-1\"]}}",
        "{\"targets\":{\"accounts\":[{\"accountId\":\"12\",\"roleName\":\"r\"}]}}",
        "{\"targets\":{\"accounts\":[{\"accountId\":\"111122223333\"}]}}",
        "{\"thumbprints\":{\"extraIssuers\":[\"http://x\"]}}",
        "{\"thumbprints\":{\"createMissingProviders\":\"yes\"}}",
        "{\"fargate\":{\"quotas\":{\"selectorsPerProfile\":0}}}",
        "{\"tagging\":{\"required\":[{\"key\":\"aws:team\"}]}}",
        "{\"tagging\":{\"required\":[{\"key\":\"AWS:team\"}]}}",
        "{\"tagging\":{\"required\":[{\"key\":\"eks-steward/original-scaling\",\"default\":\"9-9-9\"}]}}",
        "{\"tagging\":{\"creatorTagKey\":\"eks-steward/managed\"}}",
        "{\"tagging\":{\"creatorTagKey\":\"\"}}",
        "{\"tagging\":{\"required\":[{\"key\":\"a,b\"}]}}",
        "{\"tagging\":{\"resourceTypes\":[\"addon\"]}}",
        // HostileConfigTest
        "{\"scheduler\": {\"gracePeriodMinutes\": 1e999999999}}",
        "{\"targets\":" + "[".repeat(100) + "]".repeat(100) + "}",
        // the edges of each rule
        "{\"scheduler\":{\"x\":1}}",
        "{\"limits\":{\"maxChangesPercent\":101}}",
        "{\"limits\":{\"maxChangesPerRun\":-1}}",
        "{\"limits\":{\"maxChanges\":1}}",
        "{\"scheduler\":{\"prices\":{\"m5.large\":-1}}}",
        "{\"scheduler\":{\"prices\":{\"m5.large\":\"free\"}}}",
        "{\"scheduler\":{\"prices\":{\"cheap\":1}}}",
        "{\"scheduler\":{\"prices\":{\"m5.large\":10001}}}",
        "{\"targets\":{\"accounts\":[{\"accountId\":\"111122223333\",\"roleName\":\""
            + "r".repeat(38)
            + "\"}]}}",
        "{\"scheduler\":{\"maxConcurrency\":65}}",
        "{\"scheduler\":{\"nightMaxSize\":0}}",
        "{\"scheduler\":{\"maxRestoreNodes\":100001}}",
        "{\"scheduler\":{\"clusterAutoscaler\":\"on\"}}",
        "{\"scheduler\":{\"acceptUnsignedRecordsUntil\":\"soon\"}}",
        "{\"scheduler\":{\"acceptUnsignedRecordsUntil\":\"2027-01-31T00:00Z\"}}",
        "{\"scheduler\":{\"acceptUnsignedRecordsUntil\":\"2027-01-31T00:00:00+01:00\"}}",
        "{\"scheduler\":{\"acceptUnsignedRecordsUntil\":true}}",
        "{\"scheduler\":{\"defaultSchedule\":7}}",
        "{\"scheduler\":{\"schedules\":{\"-bad\":{\"timezone\":\"UTC\",\"uptime\":[\"Mon 1\"]}}}}",
        "{\"scheduler\":{\"schedules\":{\"x\":{\"timezone\":\"UTC\"}}}}",
        "{\"scheduler\":{\"schedules\":{\"x\":{\"timezone\":\"UTC\",\"uptime\":[]}}}}",
        "{\"scheduler\":{\"schedules\":{\"x\":{\"uptime\":[\"Mon-Fri 07:00-19:00\"]}}}}",
        "{\"scheduler\":{\"schedules\":{\"x\":null}}}",
        "{\"scheduler\":{\"schedules\":{\"x\":{\"timezone\":\"UTC\",\"uptime\":[\"a\"],\"y\":1}}}}",
        "{\"scheduler\":{\"schedules\":{\"x\":{\"timezone\":\"UTC\",\"uptime\":[\"a\"],"
            + "\"holidays\":[\"25.12.\"]}}}}",
        "{\"targets\":{\"regions\":[null]}}",
        "{\"targets\":{\"regions\":\"eu-west-1\"}}",
        "{\"targets\":{\"accounts\":[null]}}",
        "{\"targets\":{\"accounts\":[{\"accountId\":\"111122223333\",\"roleName\":\"r\","
            + "\"roleArn\":\"arn:aws:iam::111122223333:role/r\"}]}}",
        "{\"targets\":{\"accounts\":[{\"accountId\":\"111122223333\",\"roleArn\":\"r\"}]}}",
        "{\"targets\":{\"accounts\":[{\"accountId\":\"111122223333\",\"roleName\":\"a b\"}]}}",
        "{\"targets\":{\"clusters\":{\"include\":[\"a\"],\"only\":[]}}}",
        "{\"thumbprints\":{\"connectTimeoutMillis\":99}}",
        "{\"thumbprints\":{\"maxDocumentBytes\":1048577}}",
        "{\"fargate\":{\"quotas\":{\"profilesPerCluster\":101}}}",
        "{\"fargate\":{\"quotas\":{\"x\":1}}}",
        "{\"fargate\":{\"maxConcurrency\":0}}",
        "{\"tagging\":{\"required\":[{\"allowed\":[\"a\"]}]}}",
        "{\"tagging\":{\"required\":[null]}}",
        "{\"tagging\":{\"required\":[{\"key\":\"k\",\"allowed\":[\"a\"],\"pattern\":\"a\"}]}}",
        "{\"tagging\":{\"required\":[{\"key\":\"k\",\"normalize\":\"title\"}]}}",
        "{\"tagging\":{\"required\":[{\"key\":\"k\",\"allowed\":[\"a!\"]}]}}",
        "{\"tagging\":{\"required\":[{\"key\":\"k\",\"default\":\"" + "v".repeat(257) + "\"}]}}",
        "{\"tagging\":{\"required\":[{\"key\":\"" + "k".repeat(129) + "\"}]}}",
        "{\"tagging\":{\"required\":[" + rules(51) + "]}}",
        "{\"tagging\":{\"creatorTagKey\":\"c\",\"required\":[" + rules(50) + "]}}",
        "{\"tagging\":{\"propagateToInstances\":\"yes\"}}");
  }

  /** Refused by the parser only: no JSON Schema keyword can say these (see its description). */
  static List<String> parserOnly() {
    return List.of(
        "{\"scheduler\":{\"schedules\":{\"x\":{\"timezone\":\"Mars/Olympus\",\"uptime\":[\"a\"]}}}}",
        "{\"scheduler\":{\"schedules\":{\"x\":{\"timezone\":\"UTC\",\"uptime\":[\"a\"],"
            + "\"holidays\":[\"2026-02-30\"]}}}}",
        "{\"targets\":{\"accounts\":[{\"accountId\":\"111122223333\","
            + "\"roleArn\":\"arn:aws:iam::444455556666:role/r\"}]}}",
        "{\"scheduler\":{\"acceptUnsignedRecordsUntil\":\"2027-02-30T00:00:00Z\"}}",
        "{\"tagging\":{\"required\":[{\"key\":\"team\",\"default\":\"ops\",\"allowed\":[\"dev\"]}]}}",
        "{\"tagging\":{\"required\":[{\"key\":\"k\",\"pattern\":\"([\"}]}}",
        "{\"tagging\":{\"required\":[{\"key\":\"k\",\"normalize\":\"lower\",\"allowed\":[\"A\"]}]}}",
        "{\"tagging\":{\"required\":[{\"key\":\"t\"},{\"key\":\"t\"}]}}",
        "{\"tagging\":{\"creatorTagKey\":\"t\",\"required\":[{\"key\":\"t\"}]}}",
        "{\"tagging\":{\"exemptClusters\":[\"" + "x".repeat(70_000) + "\"]}}");
  }

  @ParameterizedTest
  @MethodSource("valid")
  void bothAccept(String json) {
    assertThat(parserAccepts(json)).as("parser").isTrue();
    assertThat(schemaProblems(json)).as("schema").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void bothRefuse(String json) {
    assertThat(parserAccepts(json)).as("parser").isFalse();
    assertThat(schemaProblems(json)).as("schema").isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("parserOnly")
  void onlyTheParserRefuses(String json) {
    assertThat(parserAccepts(json)).as("parser").isFalse();
    assertThat(schemaProblems(json)).as("schema: move this case to invalid()").isEmpty();
  }

  private static boolean parserAccepts(String json) {
    try {
      StewardConfig.parse(json, "t");
      return true;
    } catch (ConfigException e) {
      return false;
    }
  }

  private static List<String> schemaProblems(String json) {
    try {
      return Schemas.problemsOfText(Schemas.config(), json);
    } catch (RuntimeException e) {
      return List.of("not JSON: " + e.getMessage()); // "{" is no document for either
    }
  }

  private static String rules(int n) {
    StringBuilder rules = new StringBuilder();
    for (int i = 0; i < n; i++) {
      rules.append(i == 0 ? "" : ",").append("{\"key\":\"k").append(i).append("\"}");
    }
    return rules.toString();
  }
}
