package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Scope;

/** What one scope asks the rotator to look at, as routing selected it. */
sealed interface Lookup {
  /** A schedule tick: every cluster of the account in every region, and the extra issuers. */
  record Everything() implements Lookup {}

  /** A cluster just created: its issuer only (it may still be creating). */
  record OneCluster(String region, String name) implements Lookup {}

  /** A provider just created or changed by someone: verify it at once. */
  record OneProvider(String arn) implements Lookup {}

  static Lookup of(Scope scope) {
    if (scope.cluster() != null) {
      return new OneCluster(scope.target().region(), scope.cluster());
    }
    if (scope.selection() instanceof Selection.One one
        && ThumbprintRotator.PROVIDER.equals(one.kind())
        && one.arn() != null) {
      return new OneProvider(one.arn());
    }
    return new Everything();
  }
}
