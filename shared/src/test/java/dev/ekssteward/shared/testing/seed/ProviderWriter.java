package dev.ekssteward.shared.testing.seed;

/** Creates IAM OIDC providers. */
final class ProviderWriter {
  private final SeedingClients clients;

  ProviderWriter(SeedingClients clients) {
    this.clients = clients;
  }

  /** Creates the provider of {@code url} (the seed's own URL wins) and returns its ARN. */
  String write(ProviderSeed provider, String url) {
    String issuer = provider.url() == null ? url : provider.url();
    return clients
        .iam()
        .createOpenIDConnectProvider(
            r ->
                r.url(issuer)
                    .clientIDList(provider.clientIds())
                    .thumbprintList(provider.thumbprints()))
        .openIDConnectProviderArn();
  }
}
