package dev.ekssteward.scheduler;

import dagger.Module;
import dagger.Provides;
import dev.ekssteward.scheduler.eks.EksNodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.trust.KmsRecordSigner;
import dev.ekssteward.shared.trust.RecordSigner;
import javax.inject.Singleton;

/**
 * Production binding of the EKS port (each target's SDK client) and of the record key (KMS, in the
 * stack's own account, built at its first use).
 */
@Module
public abstract class EksModule {
  @Provides
  static NodegroupApis nodegroupApis(AwsClients clients) {
    return target -> new EksNodegroupApi(clients.eks(target));
  }

  @Provides
  @Singleton
  static RecordSigner recordSigner(AwsClients clients) {
    return new KmsRecordSigner(clients);
  }
}
