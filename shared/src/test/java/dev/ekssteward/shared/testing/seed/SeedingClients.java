package dev.ekssteward.shared.testing.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The clients one seeding needs, each built on first use (a test that seeds one parameter builds
 * one client) and closed at the end. IAM is global: its client is in us-east-1.
 */
final class SeedingClients implements AutoCloseable {
  private final MotoClients clients;
  private final String region;
  private final List<SdkClient> built = new ArrayList<>();
  private final Supplier<EksClient> eks = once(() -> build(EksClient.builder(), region()));
  private final Supplier<SsmClient> ssm = once(() -> build(SsmClient.builder(), region()));
  private final Supplier<IamClient> iam = once(() -> build(IamClient.builder(), "us-east-1"));
  private final Supplier<EventBridgeClient> events =
      once(() -> build(EventBridgeClient.builder(), region()));
  private final Supplier<SqsClient> sqs = once(() -> build(SqsClient.builder(), region()));
  private final Supplier<AutoScalingClient> autoscaling =
      once(() -> build(AutoScalingClient.builder(), region()));

  SeedingClients(MotoClients clients, String region) {
    this.clients = clients;
    this.region = region;
  }

  String region() {
    return region;
  }

  EksClient eks() {
    return eks.get();
  }

  SsmClient ssm() {
    return ssm.get();
  }

  IamClient iam() {
    return iam.get();
  }

  EventBridgeClient events() {
    return events.get();
  }

  SqsClient sqs() {
    return sqs.get();
  }

  AutoScalingClient autoscaling() {
    return autoscaling.get();
  }

  private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkClient>
      C build(B builder, String in) {
    C client = clients.client(builder.httpClient(UrlConnectionHttpClient.create()), in);
    synchronized (built) {
      built.add(client);
    }
    return client;
  }

  /** Thread-safe: the seeder may write several clusters at once. */
  private static <T> Supplier<T> once(Supplier<T> make) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = make.get();
        }
        return value;
      }
    };
  }

  @Override
  public void close() {
    synchronized (built) {
      built.forEach(SdkClient::close);
    }
  }
}
