package dev.ekssteward.scheduler;

import dagger.Module;
import dagger.Provides;
import dev.ekssteward.scheduler.asg.AutoScalingApis;
import dev.ekssteward.scheduler.aws.SdkAutoScalingApi;
import dev.ekssteward.scheduler.aws.SsmSchedulerStore;
import dev.ekssteward.scheduler.eks.EksNodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.ledger.SchedulerStore;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.trust.KmsRecordSigner;
import dev.ekssteward.shared.trust.RecordSigner;
import javax.inject.Singleton;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

/**
 * Production bindings of the ports: each target's EKS and Auto Scaling clients (the latter built
 * only when first used), the scheduler's parameters in the own account's Parameter Store, and the
 * record key (KMS, in the stack's own account, built at its first use).
 */
@Module
public abstract class EksModule {
  @Provides
  static NodegroupApis nodegroupApis(AwsClients clients) {
    return target -> new EksNodegroupApi(clients.eks(target));
  }

  @Provides
  static AutoScalingApis autoScalingApis(AwsClients clients) {
    return target ->
        new SdkAutoScalingApi(clients.service("autoscaling", target, AutoScalingClient::builder));
  }

  @Provides
  static SchedulerStore schedulerStore(AwsClients clients, Settings settings) {
    return new SsmSchedulerStore(clients, settings.configPrefix());
  }

  @Provides
  @Singleton
  static RecordSigner recordSigner(AwsClients clients) {
    return new KmsRecordSigner(clients);
  }
}
