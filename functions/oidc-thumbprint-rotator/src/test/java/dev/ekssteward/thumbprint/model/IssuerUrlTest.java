package dev.ekssteward.thumbprint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IssuerUrlTest {
  @Test
  void keepsPortAndPathAndDropsTrailingSlash() {
    IssuerUrl url = IssuerUrl.parse("https://Issuer.Example.com:8443/tenant/a/");

    assertThat(url.providerUrl()).isEqualTo("issuer.example.com:8443/tenant/a");
    assertThat(url.discoveryDocument().toString())
        .isEqualTo("https://issuer.example.com:8443/tenant/a/.well-known/openid-configuration");
    assertThat(url.effectivePort()).isEqualTo(8443);
  }

  @Test
  void readsIamsSchemelessForm() {
    IssuerUrl url = IssuerUrl.fromProviderUrl("oidc.eks.eu-west-1.amazonaws.com/id/ABC");

    assertThat(url.toString()).isEqualTo("https://oidc.eks.eu-west-1.amazonaws.com/id/ABC");
    assertThat(url.effectivePort()).isEqualTo(443);
  }

  @Test
  void rejectsUserInfoQueriesAndRelativeUrls() {
    assertThatThrownBy(() -> IssuerUrl.parse("https://user@host/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IssuerUrl.parse("https://host/x?a=b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IssuerUrl.parse("/id/x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalWhenNormalisedTheSameAndEveryComponentCounts() {
    IssuerUrl url = IssuerUrl.parse("https://Issuer.Example.com:8443/tenant/a/");

    assertThat(url)
        .isEqualTo(IssuerUrl.parse("https://issuer.example.com:8443/tenant/a"))
        .hasSameHashCodeAs(IssuerUrl.parse("https://issuer.example.com:8443/tenant/a"));
    assertThat(url)
        .isNotEqualTo(IssuerUrl.parse("http://issuer.example.com:8443/tenant/a"))
        .isNotEqualTo(IssuerUrl.parse("https://other.example.com:8443/tenant/a"))
        .isNotEqualTo(IssuerUrl.parse("https://issuer.example.com:9443/tenant/a"))
        .isNotEqualTo(IssuerUrl.parse("https://issuer.example.com:8443/tenant/b"))
        .isNotEqualTo(null);
  }
}
