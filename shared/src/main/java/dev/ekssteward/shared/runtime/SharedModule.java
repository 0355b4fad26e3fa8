package dev.ekssteward.shared.runtime;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.audit.AuditPublisher;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Fleet;
import dev.ekssteward.shared.config.ConfigCheck;
import dev.ekssteward.shared.config.ConfigLoader;
import dev.ekssteward.shared.request.CallerCheck;
import dev.ekssteward.shared.request.StsCallerCheck;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * What every function's component shares. The component's factory binds the function's name ({@link
 * FunctionName}), {@link Settings}, the clock, {@link Waits} and the SDK interceptors (tests record
 * calls with them); the function's module binds its controller and its executors (one per action
 * type, into the set).
 */
@Module
public abstract class SharedModule {
  /** PutEvents batches in flight at once (EventBridge allows thousands of entries a second). */
  static final int AUDIT_PARALLELISM = 4;

  @Multibinds
  abstract Set<ConfigCheck> configChecks();

  @Multibinds
  abstract Set<Executor<?>> executors();

  @Provides
  @Singleton
  static AwsClients clients(
      Settings settings,
      @FunctionName String function,
      List<ExecutionInterceptor> interceptors,
      Waits waits) {
    return new AwsClients(settings, function, interceptors, waits.backoff());
  }

  @Provides
  @Singleton
  static Log log(@FunctionName String function) {
    return new Log(function);
  }

  @Provides
  @Singleton
  static ConfigLoader configLoader(AwsClients clients, Set<ConfigCheck> checks, Clock clock) {
    return new ConfigLoader(clients, checks, clock);
  }

  @Provides
  @Singleton
  static AuditPublisher audit(AwsClients clients, Settings settings, Log log) {
    return new AuditPublisher(
        () -> clients.eventBridge(clients.home()), settings.auditBus(), log, AUDIT_PARALLELISM);
  }

  @Provides
  @Singleton
  static Fleet fleet(AwsClients clients) {
    return new Fleet(clients);
  }

  /** Proves the callers of Wake and Release requests with their STS proof (no IAM right used). */
  @Provides
  @Singleton
  static CallerCheck callers(Settings settings, Clock clock) {
    return new StsCallerCheck(settings.endpoint(), settings.region(), clock);
  }
}
