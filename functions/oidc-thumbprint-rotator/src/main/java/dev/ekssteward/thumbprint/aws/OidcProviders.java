package dev.ekssteward.thumbprint.aws;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.thumbprint.model.OidcProvider;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The IAM OIDC providers of one account. IAM is global: the target's region only picks a client.
 */
public final class OidcProviders {
  private static final String ARN_MARKER = ":oidc-provider/";

  private final AwsClients clients;
  private final Retry retry;

  @Inject
  public OidcProviders(AwsClients clients, Retry retry) {
    this.clients = clients;
    this.retry = retry;
  }

  /** Runs IAM's first-call work on an in-memory answer (see {@link AwsClients#warmUp}). */
  public boolean prime() {
    return clients.warmUp(
        IamClient::builder,
        "<ListOpenIDConnectProvidersResponse><ListOpenIDConnectProvidersResult>"
            + "<OpenIDConnectProviderList/></ListOpenIDConnectProvidersResult>"
            + "</ListOpenIDConnectProvidersResponse>",
        IamClient::listOpenIDConnectProviders);
  }

  private IamClient iam(Target target) {
    return clients.service("iam", target, IamClient::builder);
  }

  /** Every provider's ARN (one call; IAM does not page this list). */
  public List<String> arns(Target target) {
    return retry
        .call(() -> iam(target).listOpenIDConnectProviders().openIDConnectProviderList())
        .stream()
        .map(OpenIDConnectProviderListEntry::arn)
        .toList();
  }

  /** The provider URL an ARN names ({@code host[:port]/path}), or null for another kind of ARN. */
  public static String urlOf(String arn) {
    int at = arn == null ? -1 : arn.indexOf(ARN_MARKER);
    return at < 0 ? null : arn.substring(at + ARN_MARKER.length());
  }

  /** The provider, or null when it does not exist (any more). */
  public OidcProvider get(Target target, String arn) {
    try {
      GetOpenIdConnectProviderResponse r =
          retry.call(
              () -> iam(target).getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn)));
      return new OidcProvider(arn, r.url(), r.thumbprintList(), r.clientIDList());
    } catch (NoSuchEntityException e) {
      return null;
    }
  }

  /** Replaces the whole list; false when the provider is gone. */
  public boolean updateThumbprints(Target target, String arn, List<String> thumbprints) {
    try {
      retry.run(
          () ->
              iam(target)
                  .updateOpenIDConnectProviderThumbprint(
                      b -> b.openIDConnectProviderArn(arn).thumbprintList(thumbprints)));
      return true;
    } catch (NoSuchEntityException e) {
      return false;
    }
  }

  /** Creates a provider with tags; null when one already exists for the URL. */
  public String create(
      Target target,
      String url,
      List<String> clientIds,
      List<String> thumbprints,
      Map<String, String> tags) {
    List<Tag> iamTags =
        tags.entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
            .toList();
    try {
      return retry.call(
          () ->
              iam(target)
                  .createOpenIDConnectProvider(
                      b ->
                          b.url(url)
                              .clientIDList(clientIds)
                              .thumbprintList(thumbprints)
                              .tags(iamTags))
                  .openIDConnectProviderArn());
    } catch (EntityAlreadyExistsException e) {
      return null;
    }
  }
}
