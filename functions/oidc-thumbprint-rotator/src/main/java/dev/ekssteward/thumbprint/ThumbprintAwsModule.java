package dev.ekssteward.thumbprint;

import dagger.Binds;
import dagger.Module;
import dev.ekssteward.thumbprint.aws.EksClusterIssuers;
import dev.ekssteward.thumbprint.aws.IamOidcProviders;
import dev.ekssteward.thumbprint.port.ClusterIssuers;
import dev.ekssteward.thumbprint.port.OidcProviders;
import javax.inject.Singleton;

/** The ports on the AWS SDK: what production binds and the tests' twin replaces with fakes. */
@Module
public abstract class ThumbprintAwsModule {
  @Binds
  @Singleton
  abstract OidcProviders providers(IamOidcProviders providers);

  @Binds
  @Singleton
  abstract ClusterIssuers clusters(EksClusterIssuers clusters);
}
