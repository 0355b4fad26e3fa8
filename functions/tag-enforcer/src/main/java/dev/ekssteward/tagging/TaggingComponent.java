package dev.ekssteward.tagging;

import dagger.BindsInstance;
import dagger.Component;
import dev.ekssteward.shared.pipeline.ActionExecutors;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.FunctionName;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.SharedModule;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.tagging.plan.ClusterTags;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The object graph of tag-enforcer. Tests build it with their own clock, waits and interceptors.
 */
@Singleton
@Component(modules = {SharedModule.class, TaggingModule.class, TaggingApiModule.class})
public interface TaggingComponent {
  Pipeline<ClusterTags> pipeline();

  /** The executors by action, each with the IAM grants it needs (checked against the template). */
  ActionExecutors executors();

  @Component.Factory
  interface Factory {
    TaggingComponent create(
        @BindsInstance @FunctionName String function,
        @BindsInstance Settings settings,
        @BindsInstance Clock clock,
        @BindsInstance Waits waits,
        @BindsInstance List<ExecutionInterceptor> interceptors);
  }
}
