package dev.ekssteward.fargate;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.ekssteward.fargate.aws.EksFargateApi;
import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.trust.KmsRecordSigner;
import dev.ekssteward.shared.trust.RecordSigner;
import javax.inject.Singleton;

/**
 * Production binding of the EKS port and of the record key (KMS in the stack's own account, built
 * at its first use); tests bind an in-memory EKS and record key instead.
 */
@Module
public abstract class EksApiModule {
  @Binds
  abstract FargateApi api(EksFargateApi api);

  @Provides
  @Singleton
  static RecordSigner recordSigner(AwsClients clients) {
    return new KmsRecordSigner(clients);
  }
}
