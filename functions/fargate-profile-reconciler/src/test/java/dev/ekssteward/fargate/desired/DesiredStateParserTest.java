package dev.ekssteward.fargate.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.ConfigError;
import dev.ekssteward.shared.config.FargateConfig;
import dev.ekssteward.shared.config.StewardConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DesiredStateParserTest {
  static final FargateConfig QUOTAS = StewardConfig.defaults().fargate();
  static final String ROLE = "arn:aws:iam::111122223333:role/fargate-pods";

  static String profile(String name, String selectors) {
    return profile(name, ROLE, "[\"subnet-0abc1234\"]", selectors, "{}");
  }

  static String profile(String name, String role, String subnets, String selectors, String tags) {
    return "{\"name\":\""
        + name
        + "\",\"podExecutionRoleArn\":\""
        + role
        + "\",\"subnets\":"
        + subnets
        + ",\"selectors\":"
        + selectors
        + ",\"tags\":"
        + tags
        + "}";
  }

  static String doc(String... profiles) {
    return "{\"prune\":false,\"profiles\":[" + String.join(",", profiles) + "]}";
  }

  static List<String> errors(String text) {
    return DesiredStateParser.parse(text, QUOTAS).errors().stream()
        .map(ConfigError::toString)
        .toList();
  }

  @Test
  void readsAValidDocument() {
    DesiredStateParser.Parsed parsed =
        DesiredStateParser.parse(
            "{\"prune\":true,\"profiles\":["
                + profile(
                    "team-a",
                    ROLE,
                    "[\"subnet-0def5678\",\"subnet-0abc1234\"]",
                    "[{\"namespace\":\"team-*\",\"labels\":{\"lifecycle\":\"far?ate\"}}]",
                    "{\"team\":\"payments\"}")
                + "]}",
            QUOTAS);

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.state().prune()).isTrue();
    DesiredProfile p = parsed.state().profiles().get(0);
    assertThat(p.name()).isEqualTo("team-a");
    assertThat(p.spec().subnets()).containsExactly("subnet-0abc1234", "subnet-0def5678");
    assertThat(p.spec().selectors())
        .containsExactly(new Selector("team-*", Map.of("lifecycle", "far?ate")));
    assertThat(p.expectedTags()).isEqualTo(Map.of("team", "payments"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "eks- prefix is reserved | eks-team | $.profiles[0].name: must not start with 'eks-' (reserved by EKS)",
        "bad first character | _team | $.profiles[0].name: must start with a letter or digit and use only letters, digits, '-' and '_'",
        "dots are not allowed | team.a | $.profiles[0].name: must start with a letter or digit and use only letters, digits, '-' and '_'",
      })
  void rejectsBadNames(String why, String name, String error) {
    assertThat(errors(doc(profile(name, "[{\"namespace\":\"a\"}]")))).containsExactly(error);
  }

  @Test
  void namesLeaveRoomForTheReplacementSuffix() {
    String longest = "a".repeat(91);
    assertThat(errors(doc(profile(longest, "[{\"namespace\":\"a\"}]")))).isEmpty();
    assertThat(errors(doc(profile(longest + "b", "[{\"namespace\":\"a\"}]"))))
        .containsExactly("$.profiles[0].name: must be 1 to 91 characters (replacements append 9)");
  }

  @Test
  void checksRoleArnAndSubnetFormats() {
    assertThat(
            errors(
                doc(
                    profile(
                        "a",
                        "arn:aws:iam::1234:user/bob",
                        "[\"subnet-0abc\",\"subnet-0abc1234\",\"subnet-0abc1234\"]",
                        "[{\"namespace\":\"a\"}]",
                        "{}"))))
        .containsExactly(
            "$.profiles[0].podExecutionRoleArn: is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)",
            "$.profiles[0].subnets[0]: is not a subnet id (subnet- and 8 to 17 hex digits)",
            "$.profiles[0].subnets[2]: is listed twice");
  }

  @Test
  void wildcardsOnlyInNamespacesAndLabelValues() {
    assertThat(
            errors(
                doc(
                    profile(
                        "a",
                        "[{\"namespace\":\"team-[ab]\"},"
                            + "{\"namespace\":\"ok-*\",\"labels\":{\"app*\":\"x\",\"tier\":\"web+api\"}}]"))))
        .containsExactly(
            "$.profiles[0].selectors[0].namespace: is not a namespace name (lower-case letters, digits, '-', wildcards * and ?)",
            "$.profiles[0].selectors[1].labels.app*: is not a Kubernetes label key (no wildcards in keys)",
            "$.profiles[0].selectors[1].labels.tier: is not a label value (letters, digits, '-', '_', '.', * and ?)");
  }

  @Test
  void enforcesTheQuotas() {
    String six =
        IntStream.range(0, 6)
            .mapToObj(i -> "{\"namespace\":\"ns" + i + "\"}")
            .collect(Collectors.joining(",", "[", "]"));
    String sixLabels =
        IntStream.range(0, 6)
            .mapToObj(i -> "\"k" + i + "\":\"v\"")
            .collect(Collectors.joining(",", "{", "}"));
    String eleven =
        IntStream.range(0, 11)
            .mapToObj(i -> profile("p" + i, "[{\"namespace\":\"n" + i + "\"}]"))
            .collect(Collectors.joining(","));

    assertThat(errors(doc(profile("a", six))))
        .containsExactly("$.profiles[0].selectors: has 6 selectors; the quota is 5");
    assertThat(errors(doc(profile("a", "[{\"namespace\":\"a\",\"labels\":" + sixLabels + "}]"))))
        .containsExactly("$.profiles[0].selectors[0].labels: has 6 labels; the quota is 5");
    assertThat(errors(doc(eleven)))
        .containsExactly("$.profiles: has 11 profiles; the quota is 10 per cluster");
  }

  @Test
  void quotasComeFromConfig() {
    FargateConfig raised =
        StewardConfig.parse("{\"fargate\":{\"quotas\":{\"selectorsPerProfile\":6}}}", "test")
            .fargate();
    String six =
        IntStream.range(0, 6)
            .mapToObj(i -> "{\"namespace\":\"ns" + i + "\"}")
            .collect(Collectors.joining(",", "[", "]"));

    assertThat(DesiredStateParser.parse(doc(profile("a", six)), raised).errors()).isEmpty();
  }

  @Test
  void rejectsTwoProfilesWithTheSameSelectorsInAnyOrder() {
    assertThat(
            errors(
                doc(
                    profile(
                        "a",
                        "[{\"namespace\":\"x\"},{\"namespace\":\"y\",\"labels\":{\"k\":\"v\"}}]"),
                    profile(
                        "b",
                        "[{\"namespace\":\"y\",\"labels\":{\"k\":\"v\"}},{\"namespace\":\"x\"}]"))))
        .containsExactly("$.profiles[1].selectors: are the same selectors as $.profiles[0]");
  }

  @Test
  void rejectsDuplicateNamesAndNamesThatLookLikeReplacements() {
    assertThat(
            errors(
                doc(
                    profile("a", "[{\"namespace\":\"x\"}]"),
                    profile("a", "[{\"namespace\":\"y\"}]"),
                    profile("a-0123abcd", "[{\"namespace\":\"z\"}]"))))
        .containsExactly(
            "$.profiles[1].name: 'a' is already used by $.profiles[0]",
            "$.profiles[2].name: looks like a replacement name of 'a'; choose another name");
  }

  @Test
  void checksTagsAndReservesTheStewardsOwnKeys() {
    assertThat(
            errors(
                doc(
                    profile(
                        "a",
                        ROLE,
                        "[]",
                        "[{\"namespace\":\"x\"}]",
                        "{\"aws:x\":\"1\",\"eks-steward/managed\":\"true\",\"cost\":\"a,b\","
                            + "\"eks-steward/keep-up-until\":\"x\"}"))))
        .containsExactly(
            "$.profiles[0].tags.aws:x: the aws: prefix is reserved",
            "$.profiles[0].tags.eks-steward/managed: keys under eks-steward/ are reserved for eks-steward's own tags",
            "$.profiles[0].tags.cost: tag values allow letters, digits, spaces and + - = . _ : / @ only",
            "$.profiles[0].tags.eks-steward/keep-up-until: keys under eks-steward/ are reserved for"
                + " eks-steward's own tags");
  }

  @Test
  void rejectsUnknownFieldsAndBadJson() {
    assertThat(errors("{\"profiles\":[],\"prun\":true}")).containsExactly("$.prun: unknown field");
    assertThat(errors("{\"prune\":true}"))
        .containsExactly("$.profiles: is required (an empty list is allowed)");
    assertThat(errors("[1]")).containsExactly("$: must be an object");
    assertThat(errors("{")).hasSize(1).first().asString().startsWith("$: not valid JSON");
    assertThat(errors(doc(profile("a", "[]"))))
        .containsExactly("$.profiles[0].selectors: needs at least one selector");
  }

  @Test
  void emptySubnetsAcceptWhateverEksChose() {
    ProfileSpec desired = new ProfileSpec(ROLE, Set.of(), Set.of(new Selector("a", Map.of())));
    ProfileSpec actual =
        new ProfileSpec(ROLE, Set.of("subnet-0abc1234"), Set.of(new Selector("a", Map.of())));

    assertThat(desired.satisfiedBy(actual)).isTrue();
    assertThat(actual.satisfiedBy(desired)).isFalse();
  }

  @Test
  void derivedNamesAreStableAndOrderFree() {
    ProfileSpec one =
        new ProfileSpec(
            ROLE,
            new java.util.LinkedHashSet<>(List.of("subnet-0abc1234", "subnet-0def5678")),
            Set.of(new Selector("a", Map.of("x", "1", "y", "2")), new Selector("b", Map.of())));
    ProfileSpec two =
        new ProfileSpec(
            ROLE,
            new java.util.LinkedHashSet<>(List.of("subnet-0def5678", "subnet-0abc1234")),
            Set.of(new Selector("b", Map.of()), new Selector("a", Map.of("y", "2", "x", "1"))));
    DesiredProfile p = new DesiredProfile("team-a", one, Map.of());

    assertThat(one.hash()).isEqualTo(two.hash()).matches("[0-9a-f]{8}");
    assertThat(p.namedLike("team-a")).isTrue();
    assertThat(p.namedLike(p.derivedName())).isTrue();
    assertThat(p.namedLike("team-a-b")).isFalse();
    assertThat(p.namedLike("team-ab1234567")).isFalse();
    assertThat(p.owns(p.derivedName(), two)).isTrue();
    assertThat(p.owns("team-a", two)).isTrue();
    assertThat(p.owns("team-a-20240611", two)).as("8 hex digits the hash does not give").isFalse();
  }
}
