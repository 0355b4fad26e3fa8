package dev.ekssteward.shared.testing.seed;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * SDK clients pointed at a local AWS, for seeding and checking state: its endpoint, any region, and
 * the fake credentials moto accepts (or another moto account's, reached by assuming a role). {@link
 * LocalAws} builds its clients here, and so does the seeder outside a test (local/demo).
 *
 * @param endpoint the local AWS, e.g. http://127.0.0.1:5000
 * @param credentials whose account the calls act in (moto scopes state by credentials)
 */
public record MotoClients(URI endpoint, AwsCredentialsProvider credentials) {
  /** moto's default account. */
  public static final String ACCOUNT = "123456789012";

  /** The region the tests and the demo fleet use. */
  public static final String REGION = "eu-west-1";

  /** Clients in moto's default account. */
  public static MotoClients at(URI endpoint) {
    return new MotoClients(
        endpoint,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
  }

  /** The builder's client in {@code region}, pointed at the local AWS. */
  public <B extends AwsClientBuilder<B, C>, C> C client(B builder, String region) {
    return builder
        .region(Region.of(region))
        .endpointOverride(endpoint)
        .credentialsProvider(credentials)
        .build();
  }

  /**
   * Clients acting inside another moto account, reached the way the functions reach one: by
   * assuming {@code roleArn}.
   */
  public MotoClients assuming(String roleArn) {
    Credentials c =
        client(StsClient.builder().httpClient(UrlConnectionHttpClient.create()), REGION)
            .assumeRole(r -> r.roleArn(roleArn).roleSessionName("seed"))
            .credentials();
    return new MotoClients(
        endpoint,
        StaticCredentialsProvider.create(
            AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())));
  }
}
