package dev.ekssteward.thumbprint.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerTrustTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    System.clearProperty(IssuerTrust.STORE_PROPERTY);
    System.clearProperty(IssuerTrust.PASSWORD_PROPERTY);
  }

  @Test
  void anUnreadableExtraStoreFailsEveryCheckLoudly() {
    String missing = dir.resolve("missing.p12").toString();

    assertThatThrownBy(() -> IssuerTrust.load(Map.of(IssuerTrust.STORE_ENV, missing)))
        .isInstanceOf(ProbeFailure.class)
        .hasMessageStartingWith("extra trust store " + missing + " is unreadable: ");
  }

  @Test
  void aWrongPasswordIsUnreadableToo() throws Exception {
    Path store = TestPki.chain("pw").trustStore(dir.resolve("t.p12"));

    assertThatThrownBy(
            () ->
                IssuerTrust.load(
                    Map.of(
                        IssuerTrust.STORE_ENV,
                        store.toString(),
                        IssuerTrust.PASSWORD_ENV,
                        "wrong")))
        .isInstanceOf(ProbeFailure.class);
  }

  @Test
  void theSystemPropertyWinsOverTheEnvironment() throws Exception {
    Path store = TestPki.chain("prop").trustStore(dir.resolve("p.p12"));
    System.setProperty(IssuerTrust.STORE_PROPERTY, store.toString());
    System.setProperty(IssuerTrust.PASSWORD_PROPERTY, new String(TestPki.PASSWORD));

    // Reading the environment's store would throw: it does not exist.
    SSLContext context =
        IssuerTrust.load(Map.of(IssuerTrust.STORE_ENV, dir.resolve("absent.p12").toString()))
            .newContext();

    assertThat(context.getProtocol()).isEqualTo("TLS");
  }
}
