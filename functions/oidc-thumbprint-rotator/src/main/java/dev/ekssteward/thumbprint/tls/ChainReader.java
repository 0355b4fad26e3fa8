package dev.ekssteward.thumbprint.tls;

import dev.ekssteward.shared.config.ThumbprintConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens a TLS connection to an endpoint only to see the chain it presents (validated, host name
 * checked), then closes it without sending a request.
 */
final class ChainReader {
  private ChainReader() {}

  static List<Certificate> presented(
      Endpoint endpoint, SSLContext tls, Outbound outbound, ThumbprintConfig config)
      throws ProbeFailure {
    try (Socket plain = outbound.socket()) {
      plain.connect(
          new InetSocketAddress(endpoint.socketHost(), endpoint.port()),
          config.connectTimeoutMillis());
      plain.setSoTimeout(config.readTimeoutMillis());
      try (SSLSocket socket =
          (SSLSocket)
              tls.getSocketFactory()
                  .createSocket(plain, endpoint.socketHost(), endpoint.port(), true)) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return List.of(socket.getSession().getPeerCertificates());
      }
    } catch (Outbound.AddressRefused e) {
      throw ProbeFailure.refused("jwks_uri " + e.getMessage());
    } catch (SocketTimeoutException e) {
      throw new ProbeFailure("timed out connecting to " + endpoint);
    } catch (SSLException e) {
      throw new ProbeFailure("TLS with " + endpoint + " failed: " + e.getMessage());
    } catch (IOException e) {
      throw new ProbeFailure("cannot connect to " + endpoint + ": " + e.getClass().getSimpleName());
    }
  }
}
