package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.runtime.Settings;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * JUnit 5 extension: starts the local AWS ({@code local/moto-server}, the same one the demo uses)
 * once per test JVM on a free port, stops it when the JVM's tests are done, and resets it before
 * every test so each test starts from an empty account.
 *
 * <pre>{@code @RegisterExtension static final LocalAws aws = new LocalAws();}</pre>
 */
public final class LocalAws implements BeforeAllCallback, BeforeEachCallback {
  /** moto's default account. */
  public static final String ACCOUNT = "123456789012";

  public static final String REGION = "eu-west-1";

  private static Server server;

  @Override
  public void beforeAll(ExtensionContext context) {
    ensureStarted(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    ensureStarted(context);
    reset();
  }

  private static synchronized void ensureStarted(ExtensionContext context) {
    if (server == null) {
      server = Server.start();
      context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("eks-steward-moto", server);
    }
  }

  /** Empties every service's state and puts the opt-in options back to their defaults. */
  public void reset() throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.getOutputStream().close();
    if (c.getResponseCode() != 200) {
      throw new IOException("moto reset failed: HTTP " + c.getResponseCode());
    }
  }

  /**
   * Switches opt-in realism of the local AWS until the next {@link #reset()} (before every test),
   * e.g. {@code aws.options(Map.of("transitionSeconds", 1))}; the names are in
   * local/moto/README.md. A null value restores one option's default.
   *
   * @return every option's current value
   * @throws IllegalArgumentException for an unknown option or a value it does not take
   */
  public Map<String, Object> options(Map<String, ?> changes) {
    return exchange("POST", Json.write(changes));
  }

  /** Every option's current value. */
  public Map<String, Object> options() {
    return exchange("GET", null);
  }

  private Map<String, Object> exchange(String method, String body) {
    try {
      HttpURLConnection c =
          (HttpURLConnection) endpoint().resolve("/eks-steward/options").toURL().openConnection();
      c.setRequestMethod(method);
      if (body != null) {
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = c.getResponseCode();
      InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
      Map<String, Object> answer =
          Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (status == 400) {
        throw new IllegalArgumentException(String.valueOf(answer.get("message")));
      }
      if (status != 200) {
        throw new IOException("moto options: HTTP " + status + " " + answer);
      }
      return answer;
    } catch (IOException e) {
      // Unchecked, so tests can switch options inside lambdas and static helpers.
      throw new UncheckedIOException(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port);
  }

  /** The environment a function sees in tests: region, endpoint and fake credentials. */
  public Map<String, String> environment(boolean dryRun) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", REGION);
    env.put("AWS_ENDPOINT_URL", endpoint().toString());
    env.put("DRY_RUN", Boolean.toString(dryRun));
    env.put("CONFIG_PREFIX", Settings.DEFAULT_PREFIX);
    env.put("AUDIT_BUS", "eks-steward-audit");
    return env;
  }

  public Settings settings(boolean dryRun) {
    return Settings.from(environment(dryRun));
  }

  /** A client for seeding and checking state, pointed at moto. */
  public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    return builder
        .region(Region.of(REGION))
        .endpointOverride(endpoint())
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .build();
  }

  public <B extends AwsClientBuilder<B, C>, C> C client(B builder, String region) {
    return builder
        .region(Region.of(region))
        .endpointOverride(endpoint())
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .build();
  }

  /**
   * A client acting inside another moto account, reached the way the functions reach one: by
   * assuming {@code roleArn} (moto scopes state by the caller's credentials).
   */
  public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C member(
      String roleArn, B builder) {
    Credentials c =
        client(StsClient.builder().httpClient(UrlConnectionHttpClient.create()))
            .assumeRole(r -> r.roleArn(roleArn).roleSessionName("seed"))
            .credentials();
    return builder
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(REGION))
        .endpointOverride(endpoint())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsSessionCredentials.create(
                    c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
        .build();
  }

  public EksClient eks() {
    return client(EksClient.builder().httpClient(UrlConnectionHttpClient.create()));
  }

  public SsmClient ssm() {
    return client(SsmClient.builder().httpClient(UrlConnectionHttpClient.create()));
  }

  public EventBridgeClient events() {
    return client(EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create()));
  }

  /** The running moto process; JUnit closes it when the root context ends. */
  static final class Server implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final Process process;
    final int port;

    private Server(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Server start() {
      // Function code under test reads these through the SDK's system-property provider.
      System.setProperty("aws.accessKeyId", "testing");
      System.setProperty("aws.secretAccessKey", "testing");
      Path script = findScript();
      int port = freePort();
      try {
        File log = Files.createTempFile("moto-", ".log").toFile();
        ProcessBuilder builder =
            new ProcessBuilder(script.toString(), Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log);
        // Options come from the tests, not from the shell that runs them: every test JVM starts
        // the server with the defaults, which reset() restores.
        builder.environment().keySet().removeIf(name -> name.startsWith("STEWARD_MOTO_"));
        Process p = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
          if (!p.isAlive()) {
            String out = Files.readString(log.toPath());
            if (p.exitValue() == 3) {
              throw new IllegalStateException(
                  "moto is missing. Install it with: pip install 'moto[server]>=5.2'\n" + out);
            }
            throw new IllegalStateException("local/moto-server exited early:\n" + out);
          }
          if (answers(port)) {
            Server server = new Server(p, port);
            java.lang.Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            return server;
          }
          Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException(
            "local/moto-server did not answer within 60 s; log: " + log);
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot start local/moto-server (is python3 with moto installed?)", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static boolean answers(int port) {
      try {
        HttpURLConnection c =
            (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + "/moto-api/").toURL().openConnection();
        c.setConnectTimeout(200);
        c.setReadTimeout(2000);
        return c.getResponseCode() > 0;
      } catch (IOException e) {
        return false;
      }
    }

    private static Path findScript() {
      Path dir = Path.of("").toAbsolutePath();
      while (dir != null) {
        Path candidate = dir.resolve("local/moto-server");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
        dir = dir.getParent();
      }
      throw new IllegalStateException(
          "local/moto-server not found above " + Path.of("").toAbsolutePath());
    }

    private static int freePort() {
      try (ServerSocket s = new ServerSocket(0)) {
        return s.getLocalPort();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      process.destroy();
      synchronized (LocalAws.class) {
        server = null;
      }
    }
  }
}
