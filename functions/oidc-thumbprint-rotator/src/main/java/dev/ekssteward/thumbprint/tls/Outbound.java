package dev.ekssteward.thumbprint.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Where the rotator may connect: public addresses only. An allowed host name can still resolve to
 * the instance metadata service or a private service (DNS is the issuer owner's), so the address is
 * checked on the socket itself, at connect time: the connection goes to the very address that was
 * checked, and a second lookup (DNS rebinding) has nothing to redirect.
 *
 * @param loopback whether 127.0.0.1 and ::1 are allowed: only where a bound {@link IssuerRoute}
 *     sends issuers to local test servers, never in production
 */
record Outbound(boolean loopback) {
  static final Outbound PUBLIC = new Outbound(false);
  static final Outbound LOCAL_SERVERS = new Outbound(true);

  /** Why this function must not connect to the address, or null when it may. */
  String refusal(InetAddress a) {
    byte[] b = a.getAddress();
    String kind = null;
    if (a.isLoopbackAddress()) {
      kind = loopback ? null : "loopback";
    } else if (a.isLinkLocalAddress()) {
      kind = "link-local (the instance metadata service lives there)";
    } else if (a.isSiteLocalAddress() || uniqueLocal(b) || sharedSpace(b)) {
      kind = "private";
    } else if (a.isAnyLocalAddress() || a.isMulticastAddress() || (b.length == 4 && b[0] == 0)) {
      kind = "not a host address";
    }
    return kind == null
        ? null
        : "address "
            + a.getHostAddress()
            + " is "
            + kind
            + "; the rotator connects only to"
            + " public addresses";
  }

  /** fc00::/7, where EC2's IPv6 metadata address (fd00:ec2::254) lives. */
  private static boolean uniqueLocal(byte[] b) {
    return b.length == 16 && (b[0] & 0xfe) == 0xfc;
  }

  /** 100.64.0.0/10, carrier-grade NAT space that VPCs use as private. */
  private static boolean sharedSpace(byte[] b) {
    return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
  }

  /** A plain socket that checks the resolved address before it connects. */
  Socket socket() {
    return new Socket(Proxy.NO_PROXY) {
      @Override
      public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (!(endpoint instanceof InetSocketAddress at) || at.isUnresolved()) {
          throw new UnknownHostException(String.valueOf(endpoint));
        }
        String refusal = refusal(at.getAddress());
        if (refusal != null) {
          throw new AddressRefused(at.getHostString() + ": " + refusal);
        }
        super.connect(endpoint, timeout);
      }
    };
  }

  /**
   * TLS over {@link #socket()}: HttpsURLConnection asks a factory for an unconnected socket,
   * connects it, and layers TLS over it when it is a plain one.
   */
  SSLSocketFactory over(SSLSocketFactory tls) {
    return new SSLSocketFactory() {
      @Override
      public Socket createSocket() {
        return socket();
      }

      @Override
      public Socket createSocket(Socket s, String host, int port, boolean autoClose)
          throws IOException {
        return tls.createSocket(s, host, port, autoClose);
      }

      @Override
      public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
      }

      @Override
      public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
      }

      // Checked like the rest: connected through socket(), TLS layered over it.
      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket plain = socket();
        plain.connect(new InetSocketAddress(host, port));
        return tls.createSocket(plain, host.getHostName(), port, true);
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        return createSocket(InetAddress.getByName(host), port);
      }

      // A chosen local address is not needed here: those two are the ones above.
      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort)
          throws IOException {
        return createSocket(host, port);
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int lp)
          throws IOException {
        return createSocket(host, port);
      }
    };
  }

  /** The connection was refused by us, before any packet left. */
  public static final class AddressRefused extends SocketException {
    public AddressRefused(String message) {
      super(message);
    }
  }
}
