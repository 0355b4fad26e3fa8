package dev.ekssteward.shared.aws;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.runtime.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * SDK clients per {@link Target}, built once and cached. Explicit region, explicit credential
 * chain, the URL-connection HTTP client, the endpoint override from settings, and a user agent that
 * marks our own calls in CloudTrail.
 */
public final class AwsClients {
  /** Appears in CloudTrail's userAgent of every call we make. */
  public static final String USER_AGENT = Contract.USER_AGENT;

  private final Settings settings;
  private final String functionName;
  private final List<ExecutionInterceptor> interceptors;
  private final BackoffStrategy backoff;
  private final ClientWarmUp warmUp;
  private volatile SdkHttpClient http;
  private final Map<Object, Object> cache = new ConcurrentHashMap<>();

  /** {@code backoff}: the SDK's delay between attempts of a call (none in tests). */
  public AwsClients(
      Settings settings,
      String functionName,
      List<ExecutionInterceptor> interceptors,
      BackoffStrategy backoff) {
    this.settings = settings;
    this.functionName = functionName;
    this.interceptors = List.copyOf(interceptors);
    this.backoff = backoff;
    this.warmUp = new ClientWarmUp(settings, USER_AGENT + "/" + functionName);
  }

  public Settings settings() {
    return settings;
  }

  public Target home() {
    return Target.home(settings.region());
  }

  /**
   * Builds the home clients every function uses and warms up their services (see {@link #warmUp});
   * no request leaves the process (SnapStart priming). Returns whether every warm-up call went
   * through.
   */
  public boolean prime() {
    ssm(home());
    boolean warm = warmUp(SsmClient::builder, "{}", c -> c.getParameter(r -> r.name("/warm-up")));
    eks(home());
    warm &=
        warmUp(
            EksClient::builder,
            "{}",
            c -> {
              c.listClusters(r -> r.maxResults(1));
              c.describeCluster(r -> r.name("warm-up"));
            });
    eventBridge(home());
    warm &=
        warmUp(
            EventBridgeClient::builder,
            "{}",
            c -> c.putEvents(r -> r.entries(e -> e.detail("{}"))));
    return warm;
  }

  /**
   * Sends {@code call} through a throw-away client of the service whose HTTP client answers {@code
   * cannedBody} from memory (see {@link ClientWarmUp}): the SDK's first-call work for that service
   * is then done before the first real call. No request leaves the process, no real credentials are
   * resolved, no interceptor (no CallRecorder) sees it. Returns whether the call went through.
   */
  public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkAutoCloseable>
      boolean warmUp(Supplier<B> builder, String cannedBody, Consumer<C> call) {
    return warmUp.send(builder, cannedBody, call);
  }

  /** The services whose clients were built so far, as {@code service@target} (laziness tests). */
  public Set<String> built() {
    Set<String> built = new TreeSet<>();
    for (Object key : cache.keySet()) {
      if (key instanceof List<?> k && k.size() == 2 && k.get(1) instanceof Target t) {
        built.add(k.get(0) + "@" + t);
      }
    }
    return built;
  }

  public EksClient eks(Target target) {
    return client("eks", target, () -> configure(EksClient.builder(), target).build());
  }

  public SsmClient ssm(Target target) {
    return client("ssm", target, () -> configure(SsmClient.builder(), target).build());
  }

  public EventBridgeClient eventBridge(Target target) {
    return client("events", target, () -> configure(EventBridgeClient.builder(), target).build());
  }

  /**
   * Builds (once) and returns a client of any other service, for modules that add one (iam,
   * autoscaling). {@code service} is the cache key.
   */
  public <B extends AwsClientBuilder<B, C>, C> C service(
      String service, Target target, Supplier<B> builder) {
    return client(service, target, () -> configure(builder.get(), target).build());
  }

  /**
   * A home target (own credentials) is one client per service and region, whether or not the target
   * names the own account: priming builds {@code home()}, runs name the account.
   */
  @SuppressWarnings("unchecked")
  private <C> C client(String service, Target target, Supplier<C> factory) {
    Target key = target.isHome() ? Target.home(target.region()) : target;
    return (C) cached(List.of(service, key), factory);
  }

  /**
   * Built once per key. Not computeIfAbsent: building a client caches its credentials (and for a
   * member account the STS client) in this same map, and a ConcurrentHashMap must not be updated
   * from inside its own computeIfAbsent ("Recursive update", depending on the keys' hash bins). Two
   * threads may both build on a race; one result wins and the other is closed (the shared HTTP
   * client is not the SDK client's to close, so it stays open).
   */
  private Object cached(Object key, Supplier<?> factory) {
    Object value = cache.get(key);
    if (value != null) {
      return value;
    }
    Object built = factory.get();
    Object raced = cache.putIfAbsent(key, built);
    if (raced == null) {
      return built;
    }
    if (built instanceof AutoCloseable loser) {
      try {
        loser.close();
      } catch (Exception e) {
        // nothing was sent with it; a failed close loses nothing
      }
    }
    return raced;
  }

  /**
   * Applies region, credentials, HTTP client ({@link ClientDefaults}), the retry strategy, the
   * endpoint and the user agent to any builder.
   */
  public <B extends AwsClientBuilder<B, C>, C> B configure(B builder, Target target) {
    ClientOverrideConfiguration.Builder override =
        ClientOverrideConfiguration.builder()
            .retryStrategy(Retry.strategy(backoff))
            .putAdvancedOption(
                SdkAdvancedClientOption.USER_AGENT_SUFFIX, USER_AGENT + "/" + functionName);
    interceptors.forEach(override::addExecutionInterceptor);
    builder.overrideConfiguration(override.build());
    ClientDefaults.apply(builder, target, settings.region(), () -> credentials(target), this::http);
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder;
  }

  /** One URL-connection client shared by every SDK client (built on first use). */
  private SdkHttpClient http() {
    if (http == null) {
      synchronized (this) {
        if (http == null) {
          http =
              UrlConnectionHttpClient.builder()
                  .connectionTimeout(Duration.ofSeconds(5))
                  .socketTimeout(Duration.ofSeconds(30))
                  .build();
        }
      }
    }
    return http;
  }

  private AwsCredentialsProvider credentials(Target target) {
    if (target.isHome()) {
      return (AwsCredentialsProvider) cached("home-credentials", AwsClients::ownCredentials);
    }
    return (AwsCredentialsProvider)
        cached(
            List.of("credentials", target.roleArn(), target.region()),
            () ->
                StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts(Target.home(target.region())))
                    .refreshRequest(
                        r ->
                            r.roleArn(target.roleArn())
                                .roleSessionName(Contract.sessionName(functionName))
                                .durationSeconds(900))
                    .build());
  }

  private StsClient sts(Target home) {
    return client("sts", home, () -> configure(StsClient.builder(), home).build());
  }

  /** Lambda's environment first (cheap), then container (SnapStart), then a local profile. */
  private static AwsCredentialsProvider ownCredentials() {
    return AwsCredentialsProviderChain.builder()
        .reuseLastProviderEnabled(true)
        .credentialsProviders(
            EnvironmentVariableCredentialsProvider.create(),
            SystemPropertyCredentialsProvider.create(),
            ContainerCredentialsProvider.builder().build(),
            ProfileCredentialsProvider.create())
        .build();
  }
}
