package dev.ekssteward.fargate;

import dagger.Binds;
import dagger.Module;
import dev.ekssteward.fargate.aws.EksFargateApi;
import dev.ekssteward.fargate.aws.FargateApi;

/** Production binding of the EKS port; tests bind an in-memory EKS instead. */
@Module
public abstract class EksApiModule {
  @Binds
  abstract FargateApi api(EksFargateApi api);
}
