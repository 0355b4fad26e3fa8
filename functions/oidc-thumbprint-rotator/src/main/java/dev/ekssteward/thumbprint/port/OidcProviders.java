package dev.ekssteward.thumbprint.port;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.thumbprint.model.OidcProvider;
import java.util.List;
import java.util.Map;

/**
 * The IAM calls the rotator makes: the OIDC providers of one account. IAM is global, so a target's
 * region only picks the client. Reads answer our own records; writes answer a {@link Result} and
 * throw only what is worth retrying.
 */
public interface OidcProviders {
  /** Why creating a provider changed nothing: one for the URL exists already. */
  String CREATED_MEANWHILE = "a provider for this issuer was created meanwhile";

  /** Warms up the client's first-call work without calling AWS (SnapStart priming). */
  default void prime() {}

  /** Every provider's ARN (IAM does not page this list). */
  List<String> arns(Target account);

  /** The provider, or null when it does not exist (any more). */
  OidcProvider get(Target account, String arn);

  /**
   * Replaces the provider's whole thumbprint list: Done; NotFound when the provider is gone;
   * Refused when IAM rejects the list.
   */
  Result updateThumbprints(Target account, String arn, List<String> thumbprints);

  /**
   * Creates a provider for {@code url} with these tags: Done with its ARN as the value; Unchanged
   * ({@link #CREATED_MEANWHILE}) when a provider for the URL exists already; Refused when IAM
   * rejects the request.
   */
  Result create(
      Target account,
      String url,
      List<String> clientIds,
      List<String> thumbprints,
      Map<String, String> tags);
}
