package dev.ekssteward.thumbprint.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses the rotator connects to: literal addresses, so no DNS is involved. */
class OutboundTest {
  @ParameterizedTest
  @CsvSource({
    "169.254.169.254, link-local (the instance metadata service lives there)",
    "169.254.170.2, link-local (the instance metadata service lives there)",
    "fe80::1, link-local (the instance metadata service lives there)",
    "fd00:ec2::254, private",
    "10.0.0.1, private",
    "172.16.5.4, private",
    "192.168.1.1, private",
    "100.64.0.1, private",
    "0.0.0.0, not a host address",
    "0.1.2.3, not a host address",
    "::, not a host address",
    "224.0.0.1, not a host address",
    "127.0.0.1, loopback",
    "::1, loopback",
    "::ffff:127.0.0.1, loopback",
    "::ffff:169.254.169.254, link-local (the instance metadata service lives there)",
  })
  void refused(String address, String kind) throws Exception {
    InetAddress a = InetAddress.getByName(address);

    assertThat(Outbound.PUBLIC.refusal(a))
        .isEqualTo(
            "address "
                + a.getHostAddress()
                + " is "
                + kind
                + "; the rotator connects only to public addresses");
  }

  @ParameterizedTest
  @CsvSource({"8.8.8.8", "52.94.1.1", "2600:1f18::1", "100.128.0.1", "172.32.0.1", "11.0.0.1"})
  void publicAddressesAreAllowed(String address) throws Exception {
    assertThat(Outbound.PUBLIC.refusal(InetAddress.getByName(address))).isNull();
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1", "::1"})
  void loopbackOnlyWhereARouteSendsIssuersToLocalServers(String address) throws Exception {
    assertThat(Outbound.LOCAL_SERVERS.refusal(InetAddress.getByName(address))).isNull();
    assertThat(Outbound.LOCAL_SERVERS.refusal(InetAddress.getByName("169.254.169.254")))
        .isNotNull();
  }
}
