package dev.ekssteward.shared.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every client is given instead of the SDK's defaults: the target's region, our credential
 * chain and one shared URL-connection HTTP client. Each default would be looked up or loaded at a
 * cold start (docs/performance.md). The bench's "naive" variant compiles its own copy of this class
 * (bench/naive/), which leaves all three to the SDK.
 */
final class ClientDefaults {
  private ClientDefaults() {}

  static <B extends AwsClientBuilder<B, C>, C> void apply(
      B builder,
      Target target,
      String homeRegion,
      Supplier<AwsCredentialsProvider> credentials,
      Supplier<SdkHttpClient> http) {
    builder.region(Region.of(target.region())).credentialsProvider(credentials.get());
    if (builder instanceof SdkSyncClientBuilder<?, ?> s) {
      s.httpClient(http.get());
    }
  }
}
