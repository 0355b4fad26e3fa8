package dev.ekssteward.thumbprint.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An independent second opinion: what {@code openssl} says a server presents and hashes to. */
public final class Openssl {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", Pattern.DOTALL);

  private Openssl() {}

  /** {@code openssl s_client -showcerts}: the PEM blocks the server presented, in order. */
  public static List<String> presented(int port) throws Exception {
    String out =
        run(
            "openssl",
            "s_client",
            "-connect",
            "127.0.0.1:" + port,
            "-servername",
            "localhost",
            "-showcerts");
    List<String> pems = new ArrayList<>();
    Matcher m = PEM.matcher(out);
    while (m.find()) {
      pems.add(m.group() + "\n");
    }
    return pems;
  }

  /** {@code openssl x509 -fingerprint -sha1}, as lower-case hex without colons. */
  public static String sha1Fingerprint(String pem, Path dir) throws Exception {
    Path file = Files.writeString(Files.createTempFile(dir, "cert", ".pem"), pem);
    String out = run("openssl", "x509", "-in", file.toString(), "-noout", "-fingerprint", "-sha1");
    // "SHA1 Fingerprint=AB:CD:..." (the label's case differs between OpenSSL versions)
    String hex = out.substring(out.indexOf('=') + 1).trim();
    return hex.replace(":", "").toLowerCase(Locale.ROOT);
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("openssl did not finish: " + String.join(" ", command));
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
