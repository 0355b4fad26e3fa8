package dev.ekssteward.shared.aws;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StartupMarks;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A service's first request, answered in memory. The first call of each SDK service costs 50-300 ms
 * of class loading and initialisation (endpoint rules, marshallers, signing, unmarshalling);
 * sending one request through a throw-away client whose HTTP client is {@link CannedHttp} does that
 * work early: before SnapStart's snapshot.
 */
final class ClientWarmUp {
  /** Constant, not a secret: only ever signs requests that the canned HTTP client answers. */
  private static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("warm-up", "warm-up"));

  private final Settings settings;
  private final String userAgent;

  ClientWarmUp(Settings settings, String userAgent) {
    this.settings = settings;
    this.userAgent = userAgent;
  }

  /**
   * Sends {@code call} through a client of the same service, region and endpoint as the real ones,
   * with fixed dummy credentials and no interceptors, answered with {@code cannedBody}; closes it.
   * Returns whether the call went through.
   */
  <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkAutoCloseable>
      boolean send(Supplier<B> builder, String cannedBody, Consumer<C> call) {
    try {
      B b =
          builder
              .get()
              .region(Region.of(settings.region()))
              .credentialsProvider(CREDENTIALS)
              .httpClient(new CannedHttp(cannedBody))
              .overrideConfiguration(
                  o -> o.putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, userAgent));
      if (settings.endpoint() != null) {
        b.endpointOverride(settings.endpoint());
      }
      try (C client = b.build()) {
        call.accept(client);
      }
      StartupMarks.mark("warm-up: " + b.getClass().getSimpleName() + " answered");
      return true;
    } catch (RuntimeException | LinkageError e) {
      return false; // only a warm-up: the real call meets (and reports) whatever went wrong here
    }
  }
}
