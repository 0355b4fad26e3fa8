package dev.ekssteward.shared.apply;

import dev.ekssteward.shared.pipeline.Action;
import java.util.List;

/**
 * An executor that works through the function's port: what it carries out and the IAM grants it
 * needs are given once, to the constructor.
 *
 * @param <P> the port (the function's AWS calls in its own records)
 * @param <A> the action type it carries out
 */
public abstract class PortExecutor<P, A extends Action> implements Executor<A> {
  protected final P port;
  private final Class<A> type;
  private final List<Permission> permissions;

  protected PortExecutor(Class<A> type, P port, Permission... permissions) {
    this.type = type;
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
}
