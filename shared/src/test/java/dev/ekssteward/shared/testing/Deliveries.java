package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.testing.AuditTrail.Delivered;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * At-least-once and out-of-order delivery: runs a list of events once in order (the reference),
 * then each event twice in a row, then in reverse order, each from the same seeded fleet, and
 * compares the end state and the change audit events with the reference. An invocation may throw (a
 * stale event for a deleted resource); what counts is what is left in AWS and in the audit trail.
 */
public final class Deliveries {
  /** A function's fleet against moto. */
  public interface Fleet<S> {
    void seed() throws Exception;

    /** Delivers one event to a fresh handler built with these interceptors (the audit tap). */
    Map<String, Object> deliver(
        Map<String, Object> event,
        List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors);

    S state() throws Exception;

    /**
     * What follows the events before the end state is read (default: nothing). With lifecycle
     * states on, an order may leave a resource in a transition that the next sweep finishes: the
     * sweep, once the transitions are over, goes here.
     */
    default void afterwards(
        List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors)
        throws Exception {}

    /** Which audit events record changes (default: all but the run's findings). */
    default boolean isChange(Delivered event, Set<String> findingTypes) {
      return !findingTypes.contains(event.detailType())
          && !event.detailType().equals("Config Invalid");
    }

    default Object changeKey(Delivered event) {
      return ChangeKeys.key(event);
    }
  }

  /**
   * One delivery order's outcome: end state, changes audited (by key), changes audited twice with
   * identical detail (the same side effect applied again), and what the invocations threw.
   */
  public record Run<S>(
      String order,
      S state,
      Map<Object, Integer> changes,
      List<Object> repeated,
      List<String> errors) {}

  private final LocalAws aws;

  public Deliveries(LocalAws aws) {
    this.aws = aws;
  }

  /** Runs the three orders; returns the reference first. */
  public <S> List<Run<S>> compare(Fleet<S> fleet, List<Map<String, Object>> events)
      throws Exception {
    List<Map<String, Object>> twice = new ArrayList<>();
    for (Map<String, Object> e : events) {
      twice.add(e);
      twice.add(e);
    }
    List<Map<String, Object>> reversed = new ArrayList<>(events);
    Collections.reverse(reversed);
    return List.of(
        run("once in order", fleet, events),
        run("each twice", fleet, twice),
        run("reverse order", fleet, reversed));
  }

  /**
   * Throws AssertionError naming the order whose end state differs, that repeated a side effect
   * (the same change with the same detail audited twice), or, for the duplicated delivery, whose
   * changes differ from the single ordered delivery's. Reversed order may split one change into two
   * different ones (an untag fixed before the create adds the creator) and still be right.
   */
  public <S> void assertSameOutcome(Fleet<S> fleet, List<Map<String, Object>> events)
      throws Exception {
    List<Run<S>> runs = compare(fleet, events);
    Run<S> reference = runs.get(0);
    List<String> problems = new ArrayList<>();
    for (Run<S> r : runs.subList(1, runs.size())) {
      if (!Objects.equals(r.state(), reference.state())) {
        problems.add(
            r.order() + ": end state " + r.state() + "\n    expected " + reference.state());
      }
      if (!r.repeated().isEmpty()) {
        problems.add(r.order() + ": the same change applied again: " + r.repeated());
      }
      if (r.order().equals("each twice") && !r.changes().equals(reference.changes())) {
        problems.add(
            r.order()
                + ": changes audited "
                + r.changes()
                + "\n    expected "
                + reference.changes());
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join("\n  ", problems));
    }
  }

  public <S> Run<S> run(String order, Fleet<S> fleet, List<Map<String, Object>> events)
      throws Exception {
    aws.reset();
    fleet.seed();
    AuditTap.createBus(aws);
    AuditTap trail = new AuditTap();
    List<String> errors = new ArrayList<>();
    Set<String> findingTypes = new HashSet<>();
    for (Map<String, Object> e : events) {
      try {
        findingTypes.addAll(ChangeKeys.findingTypes(List.of(fleet.deliver(e, List.of(trail)))));
      } catch (RuntimeException ex) {
        errors.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
      }
    }
    fleet.afterwards(List.of(trail));
    Map<Object, Integer> changes = new HashMap<>();
    Set<Object> seen = new HashSet<>();
    List<Object> repeated = new ArrayList<>();
    for (Delivered d : trail.drain()) {
      if (fleet.isChange(d, findingTypes)) {
        changes.merge(fleet.changeKey(d), 1, Integer::sum);
        Object exact = List.of(fleet.changeKey(d), d.detail().toString());
        if (!seen.add(exact)) {
          repeated.add(exact);
        }
      }
    }
    return new Run<>(order, fleet.state(), changes, repeated, errors);
  }
}
