package dev.ekssteward.thumbprint.aws;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Answers;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.thumbprint.model.OidcProvider;
import dev.ekssteward.thumbprint.port.OidcProviders;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.Tag;

/** {@link OidcProviders} on the SDK's IAM client; the SDK retries what is worth retrying. */
public final class IamOidcProviders implements OidcProviders {
  private final AwsClients clients;

  @Inject
  public IamOidcProviders(AwsClients clients) {
    this.clients = clients;
  }

  /** Runs IAM's first-call work on an in-memory answer (see {@link AwsClients#warmUp}). */
  boolean warmUp() {
    return clients.warmUp(
        IamClient::builder,
        "<ListOpenIDConnectProvidersResponse><ListOpenIDConnectProvidersResult>"
            + "<OpenIDConnectProviderList/></ListOpenIDConnectProvidersResult>"
            + "</ListOpenIDConnectProvidersResponse>",
        IamClient::listOpenIDConnectProviders);
  }

  @Override
  public void prime() {
    warmUp();
  }

  private IamClient iam(Target target) {
    return clients.service("iam", target, IamClient::builder);
  }

  @Override
  public List<String> arns(Target account) {
    return iam(account).listOpenIDConnectProviders().openIDConnectProviderList().stream()
        .map(OpenIDConnectProviderListEntry::arn)
        .toList();
  }

  @Override
  public OidcProvider get(Target account, String arn) {
    try {
      GetOpenIdConnectProviderResponse r =
          iam(account).getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn));
      return new OidcProvider(arn, r.url(), r.thumbprintList(), r.clientIDList());
    } catch (NoSuchEntityException e) {
      return null;
    }
  }

  @Override
  public Result updateThumbprints(Target account, String arn, List<String> thumbprints) {
    return Answers.of(
        () ->
            iam(account)
                .updateOpenIDConnectProviderThumbprint(
                    b -> b.openIDConnectProviderArn(arn).thumbprintList(thumbprints)));
  }

  @Override
  public Result create(
      Target account,
      String url,
      List<String> clientIds,
      List<String> thumbprints,
      Map<String, String> tags) {
    List<Tag> iamTags =
        tags.entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
            .toList();
    return Answers.create(
        () ->
            iam(account)
                .createOpenIDConnectProvider(
                    b ->
                        b.url(url)
                            .clientIDList(clientIds)
                            .thumbprintList(thumbprints)
                            .tags(iamTags))
                .openIDConnectProviderArn(),
        EntityAlreadyExistsException.class,
        CREATED_MEANWHILE,
        () -> asAsked(account, url, clientIds, thumbprints, iamTags));
  }

  /**
   * The ARN of the provider for {@code url} when it is exactly what a create asked for (IAM has no
   * request tokens: this is how a retry knows its first attempt made it), else null.
   */
  private String asAsked(
      Target account,
      String url,
      List<String> clientIds,
      List<String> thumbprints,
      List<Tag> tags) {
    String suffix = ":oidc-provider/" + url.replaceFirst("^https://", "");
    for (String arn : arns(account)) {
      if (!arn.endsWith(suffix)) {
        continue;
      }
      try {
        GetOpenIdConnectProviderResponse r =
            iam(account).getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn));
        boolean same =
            Set.copyOf(r.clientIDList()).equals(Set.copyOf(clientIds))
                && r.thumbprintList().equals(thumbprints)
                && Set.copyOf(r.tags()).equals(Set.copyOf(tags));
        return same ? arn : null;
      } catch (NoSuchEntityException e) {
        return null;
      }
    }
    return null;
  }
}
