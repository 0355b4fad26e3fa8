package dev.ekssteward.shared.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * BENCHMARK ONLY: the "naive" variant's ClientDefaults (bench/run builds it with -Pnaive, which
 * compiles this file instead of shared's). Home clients leave the HTTP client, the credentials and
 * the region to the SDK's default providers, as a straightforward function would; a member account
 * or another region still needs its own region and assumed-role credentials.
 */
final class ClientDefaults {
  private ClientDefaults() {}

  static <B extends AwsClientBuilder<B, C>, C> void apply(
      B builder,
      Target target,
      String homeRegion,
      Supplier<AwsCredentialsProvider> credentials,
      Supplier<SdkHttpClient> http) {
    if (!target.isHome()) {
      builder.region(Region.of(target.region())).credentialsProvider(credentials.get());
    } else if (!target.region().equals(homeRegion)) {
      builder.region(Region.of(target.region()));
    }
  }
}
