package dev.ekssteward.shared.apply;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.pipeline.Action;
import java.util.List;
import java.util.Map;

/**
 * An executor that works through the function's port: what it carries out, the audit event its
 * change is published as and the IAM grants it needs are given once, to the constructor.
 *
 * @param <P> the port (the function's AWS calls in its own records)
 * @param <A> the action type it carries out
 */
public abstract class PortExecutor<P, A extends Action> implements Executor<A> {
  protected final P port;
  private final Class<A> type;
  private final String event;
  private final List<Permission> permissions;

  /** An executor whose changes publish no audit event, or more than one kind. */
  protected PortExecutor(Class<A> type, P port, Permission... permissions) {
    this(type, null, port, permissions);
  }

  /** {@code event}: the audit event's detail-type, what users' EventBridge rules match on. */
  protected PortExecutor(Class<A> type, String event, P port, Permission... permissions) {
    this.type = type;
    this.event = event;
    this.port = port;
    this.permissions = List.of(permissions);
  }

  @Override
  public final Class<A> type() {
    return type;
  }

  @Override
  public final List<Permission> permissions() {
    return permissions;
  }

  /** The detail-type of this executor's audit event, or null. */
  public final String event() {
    return event;
  }

  /** This executor's audit event of one change. */
  protected final AuditEvent audit(List<String> resources, Map<String, Object> detail) {
    return new AuditEvent(event, resources, detail);
  }
}
