package dev.ekssteward.thumbprint.port;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.thumbprint.model.OidcProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * IAM's OIDC providers of one account, in memory, with IAM's rules as local/moto enforces them
 * (OidcProvidersAgreeWithMotoIT holds the two together): thumbprints of exactly 40 hex characters,
 * at most five, at least one on update; an unknown ARN is reported before bad input; a second
 * provider for the same URL is refused. Refusals carry IAM's error code first, as the SDK adapter
 * writes them. Tests can change the state just before the next write (someone else's change
 * meanwhile), script a write's answer, and make a call throw (a failure the SDK gave up retrying).
 */
public final class FakeOidcProviders implements OidcProviders {
  private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]{40}$");

  /** One stored provider. */
  public record Stored(
      String url, List<String> thumbprints, List<String> clientIds, Map<String, String> tags) {}

  private final String account;
  private final Map<String, Stored> providers = new LinkedHashMap<>();
  private final Map<String, RuntimeException> failures = new LinkedHashMap<>();
  private final Map<String, Result> answers = new LinkedHashMap<>();
  private final List<String> calls = new ArrayList<>();
  private Consumer<FakeOidcProviders> beforeNextWrite;

  public FakeOidcProviders(String account) {
    this.account = account;
  }

  // --- the port ---------------------------------------------------------------------------

  @Override
  public synchronized List<String> arns(Target target) {
    called("iam:ListOpenIDConnectProviders");
    return List.copyOf(providers.keySet());
  }

  @Override
  public synchronized OidcProvider get(Target target, String arn) {
    called("iam:GetOpenIDConnectProvider");
    Stored p = providers.get(arn);
    return p == null ? null : new OidcProvider(arn, p.url(), p.thumbprints(), p.clientIds());
  }

  @Override
  public synchronized Result updateThumbprints(Target target, String arn, List<String> list) {
    called("iam:UpdateOpenIDConnectProviderThumbprint");
    meanwhile();
    Result scripted = answers.remove("iam:UpdateOpenIDConnectProviderThumbprint");
    if (scripted != null) {
      return scripted;
    }
    Stored p = providers.get(arn);
    if (p == null) {
      return new Result.NotFound("OpenIDConnect Provider not found for arn " + arn);
    }
    String invalid = invalid(list);
    if (invalid == null && list.isEmpty()) {
      invalid = "InvalidInput: Thumbprint list must contain at least one entry.";
    }
    if (invalid != null) {
      return new Result.Refused(invalid);
    }
    providers.put(arn, new Stored(p.url(), List.copyOf(list), p.clientIds(), p.tags()));
    return Result.done();
  }

  @Override
  public synchronized Result create(
      Target target,
      String url,
      List<String> clientIds,
      List<String> thumbprints,
      Map<String, String> tags) {
    called("iam:CreateOpenIDConnectProvider");
    meanwhile();
    Result scripted = answers.remove("iam:CreateOpenIDConnectProvider");
    if (scripted != null) {
      return scripted;
    }
    String invalid = invalid(thumbprints);
    int scheme = url.indexOf("://");
    if (invalid == null && (scheme < 1 || scheme + 3 >= url.length())) {
      invalid = "ValidationError: Invalid Open ID Connect Provider URL";
    }
    if (invalid != null) {
      return new Result.Refused(invalid);
    }
    String arn = arn(url);
    if (providers.containsKey(arn)) {
      return new Result.Unchanged(CREATED_MEANWHILE);
    }
    providers.put(
        arn,
        new Stored(
            url.substring(scheme + 3),
            List.copyOf(thumbprints),
            List.copyOf(clientIds),
            Map.copyOf(tags)));
    return Result.done(arn);
  }

  /** IAM's thumbprint checks, in the order local/moto/patches.py makes them; null when valid. */
  private static String invalid(List<String> list) {
    if (list.stream().anyMatch(t -> t.length() != 40)) {
      return "ValidationError: thumbprintList must have length 40";
    }
    if (list.size() > 5) {
      return "InvalidInput: Thumbprint list must contain fewer than 5 entries.";
    }
    if (list.stream().anyMatch(t -> !HEX.matcher(t).matches())) {
      return "InvalidInput: Thumbprint must be the hex-encoded SHA-1 hash of a certificate.";
    }
    return null;
  }

  private void called(String call) {
    calls.add(call);
    RuntimeException failure = failures.remove(call);
    if (failure != null) {
      throw failure;
    }
  }

  private void meanwhile() {
    Consumer<FakeOidcProviders> change = beforeNextWrite;
    beforeNextWrite = null;
    if (change != null) {
      change.accept(this);
    }
  }

  // --- for tests ----------------------------------------------------------------------------

  /** The ARN IAM gives a provider of this issuer URL ({@code https://host/path}). */
  public String arn(String url) {
    int scheme = url.indexOf("://");
    return "arn:aws:iam::" + account + ":oidc-provider/" + url.substring(scheme + 3);
  }

  /** Adds a provider directly (not a call), as someone else would have created it. */
  public synchronized String seed(String url, String... thumbprints) {
    String arn = arn(url);
    providers.put(
        arn,
        new Stored(
            url.substring(url.indexOf("://") + 3),
            List.of(thumbprints),
            List.of("sts.amazonaws.com"),
            Map.of()));
    return arn;
  }

  public synchronized void delete(String arn) {
    providers.remove(arn);
  }

  public synchronized Stored stored(String arn) {
    return providers.get(arn);
  }

  /** Runs {@code change} right before the next update or create: someone else's change. */
  public synchronized void beforeNextWrite(Consumer<FakeOidcProviders> change) {
    beforeNextWrite = change;
  }

  /** The next call of {@code call} ({@code iam:UpdateOpenIDConnectProviderThumbprint}) throws. */
  public synchronized void failNext(String call, RuntimeException failure) {
    failures.put(call, failure);
  }

  /** The next write {@code call} changes nothing and answers {@code result} (IAM refusing). */
  public synchronized void answerNext(String call, Result result) {
    answers.put(call, result);
  }

  /** Every call made through the port, as IAM actions, in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }
}
