package dev.ekssteward.thumbprint.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A local OIDC issuer over TLS on 127.0.0.1. Every path ending in {@code
 * /.well-known/openid-configuration} answers a discovery document naming {@link #jwksUri}. It
 * counts every TCP connection it accepts, so tests can prove that nothing connected. The chain can
 * be swapped (a CA rotation) without changing the port.
 */
public final class LocalIssuer implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile SSLContext tls;
  private volatile String jwksUri;
  private volatile String redirectTo;
  private volatile String body;
  private volatile boolean hang;
  private volatile boolean omitLength;

  private LocalIssuer(TestPki.Chain chain) throws Exception {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.tls = chain.serverContext();
    this.jwksUri = origin() + "/keys";
    Thread acceptor = new Thread(this::acceptLoop, "local-issuer-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static LocalIssuer start(TestPki.Chain chain) throws Exception {
    return new LocalIssuer(chain);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code https://localhost:<port>} */
  public String origin() {
    return "https://localhost:" + port();
  }

  public int connections() {
    return connections.get();
  }

  /** Presents another chain from now on (same port: the issuer URL does not change). */
  public LocalIssuer use(TestPki.Chain chain) throws Exception {
    this.tls = chain.serverContext();
    return this;
  }

  public LocalIssuer jwksUri(String uri) {
    this.jwksUri = uri;
    return this;
  }

  /** Answers discovery with 302 to {@code location}. */
  public LocalIssuer redirectTo(String location) {
    this.redirectTo = location;
    return this;
  }

  /** Answers discovery with this body instead of the document. */
  public LocalIssuer body(String body, boolean omitLength) {
    this.body = body;
    this.omitLength = omitLength;
    return this;
  }

  /** Completes TLS but never answers. */
  public LocalIssuer hang() {
    this.hang = true;
    return this;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket plain = server.accept();
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(plain));
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket plain) {
    try (SSLSocket s =
        (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), true)) {
      s.setUseClientMode(false);
      s.setSoTimeout(10_000);
      String path = requestPath(s.getInputStream());
      if (path == null) {
        return;
      }
      if (hang) {
        Thread.sleep(10_000);
        return;
      }
      respond(s.getOutputStream(), path);
    } catch (Exception e) {
      // A client that only looked at the chain, or gave up: nothing to answer.
    }
  }

  private void respond(OutputStream out, String path) throws IOException {
    String status = "200 OK";
    String extra = "";
    String text;
    if (!path.endsWith("/.well-known/openid-configuration")) {
      status = "404 Not Found";
      text = "{}";
    } else if (redirectTo != null) {
      status = "302 Found";
      extra = "Location: " + redirectTo + "\r\n";
      text = "";
    } else if (body != null) {
      text = body;
    } else {
      String issuer =
          origin()
              + path.substring(0, path.length() - "/.well-known/openid-configuration".length());
      text =
          "{\"issuer\":\""
              + issuer
              + "\",\"jwks_uri\":\""
              + jwksUri
              + "\",\"response_types_supported\":[\"id_token\"]}";
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String length = omitLength ? "" : "Content-Length: " + bytes.length + "\r\n";
    out.write(
        ("HTTP/1.1 "
                + status
                + "\r\nContent-Type: application/json\r\n"
                + length
                + extra
                + "Connection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }

  /** Reads the request head; returns the path, or null when the client sent nothing. */
  private static String requestPath(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int c;
    while (matched < 4 && (c = in.read()) >= 0) {
      head.write(c);
      matched = (c == '\r' || c == '\n') ? matched + 1 : 0;
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    String[] parts = text.split(" ", 3);
    return parts.length < 2 ? null : parts[1];
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
