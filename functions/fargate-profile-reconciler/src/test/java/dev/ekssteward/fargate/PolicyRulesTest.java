package dev.ekssteward.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.config.TaggingConfig;
import org.junit.jupiter.api.Test;

/** Which of the tag policy's rules the reconciler writes values by, per cluster. */
class PolicyRulesTest {
  static TaggingConfig policy(String types) {
    return StewardConfig.parse(
            """
            {"tagging": {"resourceTypes": %s, "exemptClusters": ["sandbox-*"], "required": [
              {"key": "env", "allowed": ["dev", "prod"], "normalize": "lower"},
              {"key": "team"}]}}
            """
                .formatted(types),
            "test")
        .tagging();
  }

  @Test
  void onlyNormalisingRulesOnProfilesOfAClusterThePolicyCovers() {
    TaggingConfig all = policy("[\"cluster\", \"fargateprofile\"]");

    assertThat(FargateProfileReconciler.normalizedKeys(all, "dev-1")).containsOnlyKeys("env");
    assertThat(FargateProfileReconciler.normalizedKeys(all, "sandbox-1")).isEmpty();
    assertThat(FargateProfileReconciler.normalizedKeys(policy("[\"cluster\"]"), "dev-1")).isEmpty();
  }
}
