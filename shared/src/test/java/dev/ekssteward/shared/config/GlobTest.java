package dev.ekssteward.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest
  @CsvSource({
    "*,anything,true",
    "prod-*,prod-eu,true",
    "prod-*,dev-prod,false",
    "dev-?,dev-1,true",
    "dev-?,dev-10,false",
    "oidc.eks.*.amazonaws.com,oidc.eks.eu-west-1.amazonaws.com,true",
    "oidc.eks.*.amazonaws.com,oidc.eks.eu-west-1.amazonaws.com.evil.io,false",
    "a*b*c,aXXbYYc,true",
    "a*b*c,aXXbYY,false",
    "'',x,false",
  })
  void matchesLikeAShell(String pattern, String text, boolean expected) {
    assertThat(Glob.matches(pattern, text)).isEqualTo(expected);
  }
}
