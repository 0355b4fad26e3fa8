package dev.ekssteward.thumbprint;

import static dev.ekssteward.thumbprint.Rig.OLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.SeededCluster;
import dev.ekssteward.thumbprint.tls.LocalIssuer;
import dev.ekssteward.thumbprint.tls.TestPki;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every provider's report says whether IAM relies on its thumbprints, against moto with a local
 * issuer: behind the tests' private CA (judged by the JDK's roots) it is load-bearing; with that CA
 * standing in for a public root it is not consulted. Both are rotated as before.
 */
class ThumbprintUseIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private Rig rig;
  private SeededCluster cluster;
  private String arn;

  @BeforeEach
  void start() throws Exception {
    rig = new Rig(aws);
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
    return (List<Map<String, Object>>) report.get(key);
  }

  /** A cluster whose issuer (served locally) has a provider on an outdated thumbprint. */
  private Map<String, Object> tickOverAClusterBehind(TestPki.Chain chain) throws Exception {
    LocalIssuer server = rig.serveTrusted(chain);
    cluster = rig.createCluster("dev-1");
    arn = rig.createProvider(cluster, OLD);
    rig.config(Rig.allowingLocalhost());
    return Rig.run(rig.routedTo(server, false), Rig.tick());
  }

  @Test
  void aPrivateCaMakesTheThumbprintLoadBearingAndItIsRotated() throws Exception {
    TestPki.Chain chain = TestPki.chain("private-ca");

    Map<String, Object> report = tickOverAClusterBehind(chain);

    assertThat(rig.provider(arn).thumbprintList()).containsExactly(chain.thumbprint(), OLD);
    assertThat(list(report, "findings"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f)
                    .containsEntry("detailType", "Thumbprint Use Assessed")
                    .containsEntry("target", arn)
                    .containsEntry("provider", arn)
                    .containsEntry("cluster", "dev-1")
                    .containsEntry("thumbprintUse", "load-bearing")
                    .containsEntry(
                        "chainEnd", chain.intermediate().getSubjectX500Principal().getName())
                    .containsKey("judgedBy"));
    assertThat(metrics(report))
        .containsEntry("ThumbprintLoadBearing", 1.0)
        .containsEntry("ThumbprintNotConsulted", 0.0);
    assertThat(rig.audit.ofType("Thumbprint Use Assessed"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.resources()).containsExactly(arn);
              assertThat(e.detail()).containsEntry("thumbprintUse", "load-bearing");
            });
    assertThat(rig.audit.ofType("Thumbprint Rotated").get(0).detail())
        .containsEntry("thumbprintUse", "load-bearing");
  }

  @Test
  void aPublicRootMakesTheThumbprintNotConsultedAndItIsStillRotated() throws Exception {
    TestPki.Chain chain = TestPki.chain("public-ca");
    rig.treatAsPublic(chain);

    Map<String, Object> report = tickOverAClusterBehind(chain);

    assertThat(rig.provider(arn).thumbprintList()).containsExactly(chain.thumbprint(), OLD);
    assertThat(list(report, "findings"))
        .singleElement()
        .satisfies(f -> assertThat(f).containsEntry("thumbprintUse", "not-consulted"));
    assertThat(metrics(report))
        .containsEntry("ThumbprintLoadBearing", 0.0)
        .containsEntry("ThumbprintNotConsulted", 1.0);
    assertThat(list(report, "planned"))
        .singleElement()
        .satisfies(p -> assertThat(p).containsEntry("thumbprintUse", "not-consulted"));
  }

  @Test
  void anUnchangedProviderIsAssessedTooAndInDryRun() throws Exception {
    TestPki.Chain chain = TestPki.chain("unchanged");
    LocalIssuer server = rig.serveTrusted(chain);
    SeededCluster c = rig.createCluster("dev-1");
    String current = rig.createProvider(c, chain.thumbprint());
    rig.config(Rig.allowingLocalhost());

    Map<String, Object> report = Rig.run(rig.routedTo(server, true), Rig.tick());

    assertThat(list(report, "planned")).isEmpty();
    assertThat(list(report, "findings"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f)
                    .containsEntry("target", current)
                    .containsEntry("thumbprintUse", "load-bearing"));
    assertThat(rig.audit.ofType("Thumbprint Use Assessed")).hasSize(1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metrics(Map<String, Object> report) {
    return (Map<String, Object>) report.get("metrics");
  }
}
