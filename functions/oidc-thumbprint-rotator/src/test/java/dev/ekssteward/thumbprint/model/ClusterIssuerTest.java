package dev.ekssteward.thumbprint.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterIssuerTest {
  static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF";

  /** A cluster that serves its issuer is checked; one being created or deleted waits. */
  @ParameterizedTest
  @CsvSource({
    "ACTIVE, true, true",
    "UPDATING, true, true",
    "CREATING, true, false",
    "DELETING, true, false",
    "FAILED, true, false",
    "PENDING, true, false",
    "ACTIVE, false, false",
    "UPDATING, false, false"
  })
  void readyWhenItServesAnIssuer(String status, boolean hasIssuer, boolean ready) {
    ClusterIssuer cluster =
        new ClusterIssuer(
            "eu-west-1",
            "dev-1",
            "arn:aws:eks:eu-west-1:123456789012:cluster/dev-1",
            status,
            hasIssuer ? ISSUER : null,
            Instant.parse("2026-01-01T00:00:00Z"),
            false);

    assertThat(cluster.ready()).isEqualTo(ready);
  }
}
