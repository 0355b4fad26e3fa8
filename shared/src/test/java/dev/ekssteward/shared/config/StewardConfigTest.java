package dev.ekssteward.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StewardConfigTest {

  static final String FULL =
      """
      {
        "targets": {
          "regions": ["eu-west-1", "us-east-2"],
          "accounts": [{"accountId": "111122223333",
                        "roleArn": "arn:aws:iam::111122223333:role/eks-steward-member"},
                       {"accountId": "444455556666", "roleName": "eks-steward-member"}],
          "clusters": {"include": ["*"], "exclude": ["prod-*"]}
        },
        "scheduler": {
          "gracePeriodMinutes": 30, "maxConcurrency": 8, "wakeDurationMinutes": 120,
          "defaultSchedule": "office-hours",
          "schedules": {
            "office-hours": {"timezone": "Europe/Berlin",
                             "uptime": ["Mon-Fri 07:00-19:00"], "holidays": ["2026-12-25"]}
          }
        },
        "thumbprints": {
          "extraIssuers": ["https://token.actions.githubusercontent.com"],
          "allowedHosts": ["oidc.eks.*.amazonaws.com"],
          "createMissingProviders": false
        },
        "fargate": {"quotas": {"profilesPerCluster": 10, "selectorsPerProfile": 5,
                               "labelsPerSelector": 5}},
        "tagging": {
          "resourceTypes": ["cluster", "nodegroup", "fargateprofile"],
          "creatorTagKey": "created-by",
          "required": [
            {"key": "team", "allowed": ["payments", "search"]},
            {"key": "cost-center", "pattern": "^[0-9]{4}$", "default": "0000",
             "propagateToAsg": true},
            {"key": "env", "allowed": ["dev", "staging", "prod"], "normalize": "lower"}
          ],
          "exemptClusters": ["sandbox-*"]
        }
      }
      """;

  @Test
  void parsesTheDocumentedExample() {
    StewardConfig c = StewardConfig.parse(FULL, "test");

    assertThat(c.targets().regions()).containsExactly("eu-west-1", "us-east-2");
    assertThat(c.targets().accounts())
        .containsExactly(
            new TargetsConfig.Account(
                "111122223333", "arn:aws:iam::111122223333:role/eks-steward-member", null),
            new TargetsConfig.Account("444455556666", null, "eks-steward-member"));
    assertThat(c.targets().clusters().matches("dev-1")).isTrue();
    assertThat(c.targets().clusters().matches("prod-eu")).isFalse();
    var office = c.scheduler().schedules().get("office-hours");
    assertThat(office.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(office.holidays()).containsExactly(LocalDate.of(2026, 12, 25));
    assertThat(c.scheduler().defaultSchedule()).isEqualTo("office-hours");
    assertThat(c.thumbprints().extraIssuers())
        .containsExactly("https://token.actions.githubusercontent.com");
    assertThat(c.fargate().selectorsPerProfile()).isEqualTo(5);
    assertThat(c.tagging().required())
        .extracting(TaggingConfig.TagRule::key)
        .containsExactly("team", "cost-center", "env");
    assertThat(c.tagging().required().get(1).pattern().pattern()).isEqualTo("^[0-9]{4}$");
    assertThat(c.tagging().required().get(1).propagateToAsg()).isTrue();
  }

  @Test
  void everySectionHasDefaults() {
    StewardConfig c = StewardConfig.parse("{}", "test");

    assertThat(c.targets().regions()).isEmpty();
    assertThat(c.targets().clusters().include()).containsExactly("*");
    assertThat(c.scheduler().gracePeriodMinutes()).isEqualTo(30);
    assertThat(c.scheduler().maxConcurrency()).isEqualTo(16);
    assertThat(c.scheduler().wakeDurationMinutes()).isEqualTo(120);
    assertThat(c.scheduler().defaultSchedule()).isNull();
    assertThat(c.thumbprints().allowedHosts()).containsExactly("oidc.eks.*.amazonaws.com");
    assertThat(c.thumbprints().createMissingProviders()).isFalse();
    assertThat(c.fargate().profilesPerCluster()).isEqualTo(10);
    assertThat(c.fargate().labelsPerSelector()).isEqualTo(5);
    assertThat(c.tagging().resourceTypes())
        .containsExactly("cluster", "nodegroup", "fargateprofile");
    assertThat(c.limits().maxChangesPerRun()).isNull();
    assertThat(c.limits().maxChangesPercent()).isEqualTo(50);
  }

  @Test
  void readsTheChangeLimits() {
    StewardConfig c =
        StewardConfig.parse("{\"limits\":{\"maxChangesPerRun\":0,\"maxChangesPercent\":100}}", "t");

    assertThat(c.limits().maxChangesPerRun()).isZero();
    assertThat(c.limits().maxChangesPercent()).isEqualTo(100);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"schedular\":{}}|$.schedular: unknown field",
        "[]|$: must be an object",
        "{\"scheduler\":{\"gracePeriodMinutes\":-1}}"
            + "|$.scheduler.gracePeriodMinutes: must be between 0 and 10080, was -1",
        "{\"scheduler\":{\"maxConcurrency\":2.5}}|$.scheduler.maxConcurrency: must be a whole number",
        "{\"scheduler\":{\"acceptUnsignedRecordsUntil\":\"soon\"}}"
            + "|$.scheduler.acceptUnsignedRecordsUntil: must be a UTC time like 2027-01-31T00:00:00Z",
        "{\"scheduler\":{\"acceptUnsignedRecordsUntil\":\"2027-02-30T00:00:00Z\"}}"
            + "|$.scheduler.acceptUnsignedRecordsUntil: must be a UTC time like 2027-01-31T00:00:00Z",
        "{\"scheduler\":{\"schedules\":{\"x\":{\"timezone\":\"Mars/Olympus\",\"uptime\":[\"Mon 1\"]}}}}"
            + "|$.scheduler.schedules.x.timezone: unknown time zone 'Mars/Olympus'",
        "{\"scheduler\":{\"schedules\":{\"x\":{\"timezone\":\"UTC\",\"uptime\":[\"a\"],"
            + "\"holidays\":[\"25.12.\"]}}}}"
            + "|$.scheduler.schedules.x.holidays[0]: must be a date like 2026-12-25",
        "{\"targets\":{\"regions\":[\"mars-1\"]}}|$.targets.regions[0]: is not an AWS region name",
        "{\"targets\":{\"accounts\":[{\"accountId\":\"12\",\"roleName\":\"r\"}]}}"
            + "|$.targets.accounts[0].accountId: must be 12 digits",
        "{\"targets\":{\"accounts\":[{\"accountId\":\"111122223333\"}]}}"
            + "|$.targets.accounts[0]: needs exactly one of roleArn or roleName",
        "{\"targets\":{\"accounts\":[{\"accountId\":\"111122223333\",\"roleName\":\""
            + "eks-steward-member-with-a-long-suffix1"
            + "\"}]}}|$.targets.accounts[0].roleName: names a role longer than 37 characters:"
            + " each function assumes <role>-<function>, at most 64",
        "{\"thumbprints\":{\"extraIssuers\":[\"http://x\"]}}"
            + "|$.thumbprints.extraIssuers[0]: must be an https:// URL",
        "{\"thumbprints\":{\"createMissingProviders\":\"yes\"}}"
            + "|$.thumbprints.createMissingProviders: must be true or false",
        "{\"fargate\":{\"quotas\":{\"selectorsPerProfile\":0}}}"
            + "|$.fargate.quotas.selectorsPerProfile: must be between 1 and 50, was 0",
        "{\"tagging\":{\"required\":[{\"key\":\"aws:team\"}]}}"
            + "|$.tagging.required[0].key: the aws: prefix is reserved",
        "{\"tagging\":{\"required\":[{\"key\":\"eks-steward/original-scaling\",\"default\":\"9-9-9\"}]}}"
            + "|$.tagging.required[0].key: keys under eks-steward/ are reserved for eks-steward's own tags",
        "{\"tagging\":{\"creatorTagKey\":\"eks-steward/managed\"}}"
            + "|$.tagging.creatorTagKey: keys under eks-steward/ are reserved for eks-steward's own tags",
        "{\"tagging\":{\"required\":[{\"key\":\"a,b\"}]}}"
            + "|$.tagging.required[0].key: tag keys allow letters, digits, spaces and + - = . _ : / @ only",
        "{\"tagging\":{\"required\":[{\"key\":\"team\",\"default\":\"ops\",\"allowed\":[\"dev\"]}]}}"
            + "|$.tagging.required[0].default: is not one of the allowed values",
        "{\"tagging\":{\"required\":[{\"key\":\"k\",\"pattern\":\"([\"}]}}"
            + "|$.tagging.required[0].pattern: not a valid RE2 regular expression: missing closing ]",
        "{\"tagging\":{\"resourceTypes\":[\"addon\"]}}"
            + "|$.tagging.resourceTypes[0]: must be one of cluster, nodegroup, fargateprofile",
        "{\"tagging\":{\"required\":[{\"key\":\"t\"},{\"key\":\"t\"}]}}"
            + "|$.tagging.required[1].key: duplicate required key 't'",
        "{\"limits\":{\"maxChangesPerRun\":-1}}"
            + "|$.limits.maxChangesPerRun: must be between 0 and 1000000, was -1",
        "{\"limits\":{\"maxChangesPerRun\":\"10\"}}"
            + "|$.limits.maxChangesPerRun: must be a whole number",
        "{\"limits\":{\"maxChangesPercent\":101}}"
            + "|$.limits.maxChangesPercent: must be between 0 and 100, was 101",
        "{\"limits\":{\"maxChangesPercent\":12.5}}"
            + "|$.limits.maxChangesPercent: must be a whole number",
        "{\"limits\":{\"maxChanges\":5}}|$.limits.maxChanges: unknown field",
      })
  void namesThePathAndTheReason(String json, String error) {
    assertThatThrownBy(() -> StewardConfig.parse(json, "cfg"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.errors()).extracting(Object::toString).contains(error);
              assertThat(e.getMessage()).startsWith("invalid cfg: ");
            });
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                StewardConfig.parse(
                    "{\"scheduler\":{\"maxConcurrency\":0,\"x\":1},\"tagging\":{\"creatorTagKey\":\"\"}}",
                    "cfg"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .extracting(Object::toString)
                    .containsExactlyInAnyOrder(
                        "$.scheduler.x: unknown field",
                        "$.scheduler.maxConcurrency: must be between 1 and 64, was 0",
                        "$.tagging.creatorTagKey: tag keys are 1 to 128 characters"));
  }

  @Test
  void rejectsAPolicyThatNeedsMoreThanFiftyTags() {
    StringBuilder rules = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      rules.append(i == 0 ? "" : ",").append("{\"key\":\"k").append(i).append("\"}");
    }
    assertThatThrownBy(
            () -> StewardConfig.parse("{\"tagging\":{\"required\":[" + rules + "]}}", "cfg"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .extracting(Object::toString)
                    .containsExactly(
                        "$.tagging.required: the policy sets 51 tag keys (required keys plus"
                            + " creatorTagKey) but a resource holds at most 50 tags"));
  }

  @Test
  void badJsonIsAnErrorAtTheRoot() {
    assertThatThrownBy(() -> StewardConfig.parse("{", "cfg"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        new ConfigError("$", "not valid JSON: expected a field name at offset 1"))
                    .hasSize(1));
  }
}
