package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.seed.LocalOptions;
import dev.ekssteward.shared.testing.seed.MotoClients;
import dev.ekssteward.shared.testing.seed.MotoSeeder;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * JUnit 5 extension: starts the local AWS ({@code local/moto-server}, the same one the demo uses)
 * once per test JVM on a free port, stops it when the JVM's tests are done, and resets it before
 * every test so each test starts from an empty account.
 *
 * <p>EKS lifecycle states are on by default: whatever a test (or the function under test) creates,
 * updates or deletes stays {@code CREATING} / {@code UPDATING} / {@code DELETING} for {@link
 * #TRANSITION_SECONDS}, with EKS's 409 for an update meanwhile, as on a real account. The fleet
 * seeder seeds settled ({@code ACTIVE} at once, as if created long ago). {@link #plainMoto()} is
 * for the few tests of moto's own answers.
 *
 * <pre>{@code @RegisterExtension static final LocalAws aws = new LocalAws();}</pre>
 */
public final class LocalAws implements BeforeAllCallback, BeforeEachCallback {
  /** moto's default account. */
  public static final String ACCOUNT = MotoClients.ACCOUNT;

  public static final String REGION = MotoClients.REGION;

  /**
   * How long a transition lasts in tests: real EKS takes minutes; a second keeps the states
   * observable (a tick right after a change sees them) and the suite fast.
   */
  public static final double TRANSITION_SECONDS = 1;

  private static Server server;

  static {
    EmittedMetrics.install();
  }

  /** The options every test of this extension starts from (after moto's reset). */
  private final Map<String, Object> defaults;

  /** The local AWS with EKS lifecycle states on ({@link #TRANSITION_SECONDS}). */
  public LocalAws() {
    this(Map.of("transitionSeconds", TRANSITION_SECONDS));
  }

  private LocalAws(Map<String, Object> defaults) {
    this.defaults = defaults;
  }

  /** Plain moto answers: every resource {@code ACTIVE} at once (the server's start-up values). */
  public static LocalAws plainMoto() {
    return new LocalAws(Map.of());
  }

  /**
   * Lifecycle states of this length: shorter for tests that run a scenario hundreds of times (the
   * crash matrices), longer for tests that must see a state while a whole invocation runs.
   */
  public static LocalAws withTransitionSeconds(double seconds) {
    return new LocalAws(Map.of("transitionSeconds", seconds));
  }

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

  /**
   * Empties every service's state and puts the opt-in options back to this extension's defaults
   * (lifecycle states on, unless {@link #plainMoto()}).
   */
  public void reset() throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.getOutputStream().close();
    if (c.getResponseCode() != 200) {
      throw new IOException("moto reset failed: HTTP " + c.getResponseCode());
    }
    if (!defaults.isEmpty()) {
      options(defaults);
    }
  }

  /**
   * Ends every EKS transition under way, as if the minutes between two ticks on AWS had passed: a
   * test calls it between two ticks, or to say "EKS has finished" after it saw a resource in a long
   * transition. No real time passes, so what the next tick sees does not depend on the machine's
   * speed.
   */
  public void settle() {
    new LocalOptions(endpoint()).endTransitions();
  }

  /**
   * Sets a node group of the default account and region {@code DEGRADED}, as EKS does after a
   * failed scale-out, or {@code ACTIVE} again (local/moto/README.md).
   */
  public Map<String, Object> nodegroupStatus(String cluster, String nodegroup, String status) {
    return new LocalOptions(endpoint())
        .nodegroupStatus(ACCOUNT, REGION, cluster, nodegroup, status);
  }

  private long settleMillis() {
    double pending = new LocalOptions(endpoint()).pendingTransitionSeconds();
    return pending <= 0 ? 0 : (long) (pending * 1000) + 50;
  }

  /**
   * How a function under test waits against this local AWS: a pass that waits for a transition (the
   * Fargate reconciler's 5-30 s) sleeps only until the local transitions under way are over, so the
   * next pass sees them done, as it would on AWS; the SDK retries at once.
   */
  public Waits waits() {
    return new Waits(
        d -> Thread.sleep(Math.min(d.toMillis(), settleMillis())), Waits.none().backoff());
  }

  /**
   * Switches opt-in realism of the local AWS until the next {@link #reset()} (before every test),
   * e.g. {@code aws.options(Map.of("transitionSeconds", 0))}; the names are in
   * local/moto/README.md. A null value restores one option's start-up value (off).
   *
   * @return every option's current value
   * @throws IllegalArgumentException for an unknown option or a value it does not take
   */
  public Map<String, Object> options(Map<String, ?> changes) {
    return new LocalOptions(endpoint()).change(changes);
  }

  /** Every option's current value. */
  public Map<String, Object> options() {
    return new LocalOptions(endpoint()).current().orElseThrow();
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
    env.put("RECORD_KEY_ID", RecordKeys.ALIAS); // RecordKeys.ensure creates it where a test signs
    return env;
  }

  public Settings settings(boolean dryRun) {
    return Settings.from(environment(dryRun));
  }

  /** Clients for seeding and checking state, pointed at moto. */
  public MotoClients clients() {
    return MotoClients.at(endpoint());
  }

  /** Puts fleet descriptions into this moto, in its default account. */
  public MotoSeeder seeder() {
    return new MotoSeeder(clients(), 1);
  }

  /** A client for seeding and checking state, pointed at moto. */
  public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    return clients().client(builder, REGION);
  }

  public <B extends AwsClientBuilder<B, C>, C> C client(B builder, String region) {
    return clients().client(builder, region);
  }

  /**
   * A client acting inside another moto account, reached the way the functions reach one: by
   * assuming {@code roleArn} (moto scopes state by the caller's credentials).
   */
  public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C member(
      String roleArn, B builder) {
    return clients()
        .assuming(roleArn)
        .client(builder.httpClient(UrlConnectionHttpClient.create()), REGION);
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
