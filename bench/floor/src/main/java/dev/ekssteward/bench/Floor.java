package dev.ekssteward.bench;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * The cold-start floor: what any Java Lambda that talks to EKS pays at least. One client built the
 * optimized way (URL-connection HTTP client, explicit region, static credentials from the
 * environment), one ListClusters call, the reply on stdout.
 */
public final class Floor {
  private Floor() {}

  public static void main(String[] args) {
    System.out.println("{\"clusters\":" + listClusters() + "}");
  }

  /** Builds the client and makes the call; returns the number of clusters. */
  static int listClusters() {
    String endpoint = System.getenv("AWS_ENDPOINT_URL");
    var builder =
        EksClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(System.getenv("AWS_REGION")))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        System.getenv("AWS_ACCESS_KEY_ID"),
                        System.getenv("AWS_SECRET_ACCESS_KEY"))));
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
    }
    try (EksClient eks = builder.build()) {
      return eks.listClusters(r -> r.maxResults(100)).clusters().size();
    }
  }
}
