package dev.ekssteward.thumbprint.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.StewardConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostAllowListTest {
  @Test
  void defaultAllowsEksIssuersOfAnyRegionOnly() {
    HostAllowList allowed = HostAllowList.of(StewardConfig.defaults().thumbprints());

    assertThat(allowed.allows("oidc.eks.eu-west-1.amazonaws.com")).isTrue();
    assertThat(allowed.allows("OIDC.EKS.us-east-1.amazonaws.com")).isTrue();
    assertThat(allowed.allows("oidc.eks.evil.example.amazonaws.com")).isFalse();
    assertThat(allowed.allows("oidc.eks..amazonaws.com")).isFalse();
    assertThat(allowed.allows("169.254.169.254")).isFalse();
    assertThat(allowed.allows("localhost")).isFalse();
  }

  @Test
  void extraIssuerHostsAreAllowed() {
    HostAllowList allowed =
        HostAllowList.of(
            StewardConfig.parse(
                    "{\"thumbprints\":{\"extraIssuers\":[\"https://token.actions.githubusercontent.com\"]}}",
                    "test")
                .thumbprints());

    assertThat(allowed.allows("token.actions.githubusercontent.com")).isTrue();
    assertThat(allowed.allows("oidc.eks.eu-west-1.amazonaws.com")).isTrue();
    assertThat(allowed.allows("actions.githubusercontent.com")).isFalse();
  }

  @Test
  void aStarStaysWithinOneLabel() {
    HostAllowList allowed = new HostAllowList(List.of("*.example.com"));

    assertThat(allowed.allows("a.example.com")).isTrue();
    assertThat(allowed.allows("a.b.example.com")).isFalse();
    assertThat(allowed.allows("example.com")).isFalse();
  }
}
