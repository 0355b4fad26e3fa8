package dev.ekssteward.shared.testing;

import com.networknt.schema.Schema;
import dev.ekssteward.shared.testing.AuditTrail.Delivered;
import java.util.List;
import java.util.Set;

/**
 * Every audit event a product function publishes in a test matches its detail-type's schema ({@code
 * docs/schema/audit/}): {@link AuditTap} and {@link AuditTrail} check what they hand out, so each
 * IT checks the documented shape for free. A detail-type without a schema fails: adding the schema
 * file is the one step a new detail-type needs. Events of the pipeline's own test controllers (a
 * {@code function} that is none of the four, with made-up detail-types) are left alone.
 */
public final class AuditSchemas {
  static final Set<String> FUNCTIONS =
      Set.of(
          "nodegroup-scheduler",
          "oidc-thumbprint-rotator",
          "fargate-profile-reconciler",
          "tag-enforcer");

  private AuditSchemas() {}

  /** Throws an {@link AssertionError} naming the event and every problem, if it has any. */
  public static void check(Delivered event) {
    if (!FUNCTIONS.contains(String.valueOf(event.detail().get("function")))) {
      return;
    }
    Schema schema = Schemas.audit(event.detailType());
    if (schema == null) {
      throw new AssertionError(
          "audit event '"
              + event.detailType()
              + "' has no schema: add docs/schema/"
              + Schemas.auditFile(event.detailType())
              + " (see docs/audit-events.md, Schemas)");
    }
    List<String> problems = Schemas.problems(schema, event.detail());
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "audit event '"
              + event.detailType()
              + "' does not match docs/schema/"
              + Schemas.auditFile(event.detailType())
              + ": "
              + problems
              + "\n  detail: "
              + event.detail());
    }
  }

  static List<Delivered> checked(List<Delivered> events) {
    events.forEach(AuditSchemas::check);
    return events;
  }
}
