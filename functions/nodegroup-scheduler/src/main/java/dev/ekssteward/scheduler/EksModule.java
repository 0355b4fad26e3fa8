package dev.ekssteward.scheduler;

import dagger.Module;
import dagger.Provides;
import dev.ekssteward.scheduler.eks.EksNodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.shared.aws.AwsClients;

/** Production binding of the EKS port: each target's SDK client. */
@Module
public abstract class EksModule {
  @Provides
  static NodegroupApis nodegroupApis(AwsClients clients) {
    return target -> new EksNodegroupApi(clients.eks(target));
  }
}
