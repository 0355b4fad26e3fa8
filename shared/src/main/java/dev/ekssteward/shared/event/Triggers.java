package dev.ekssteward.shared.event;

import dev.ekssteward.shared.config.StewardConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What one function reacts to, declared: ticks, CloudTrail calls (and where their events name the
 * resource), Parameter Store changes under a prefix, wake requests. {@link Routing} applies the
 * rules every function shares; a function only writes this declaration.
 */
public final class Triggers {
  private final boolean ticks;
  private final boolean wakeRequests;
  private final boolean releaseRequests;
  private final String parameterSegment;
  private final boolean perAccount;
  private final List<CallRule> calls;
  private final String kindsField;
  private final Function<StewardConfig, Set<String>> kinds;

  private Triggers(
      boolean ticks,
      boolean wakeRequests,
      boolean releaseRequests,
      String parameterSegment,
      boolean perAccount,
      List<CallRule> calls,
      String kindsField,
      Function<StewardConfig, Set<String>> kinds) {
    this.ticks = ticks;
    this.wakeRequests = wakeRequests;
    this.releaseRequests = releaseRequests;
    this.parameterSegment = parameterSegment;
    this.perAccount = perAccount;
    this.calls = List.copyOf(calls);
    this.kindsField = kindsField;
    this.kinds = kinds;
  }

  /** Reacts to nothing yet. */
  public static Triggers none() {
    return new Triggers(false, false, false, null, false, List.of(), null, null);
  }

  /** Schedule ticks (and their fan-out messages): everything in scope. */
  public Triggers ticks() {
    return new Triggers(
        true,
        wakeRequests,
        releaseRequests,
        parameterSegment,
        perAccount,
        calls,
        kindsField,
        kinds);
  }

  /** Wake requests ({@code eks-steward.requests} / {@code Wake Request}). */
  public Triggers wakeRequests() {
    return new Triggers(
        ticks, true, releaseRequests, parameterSegment, perAccount, calls, kindsField, kinds);
  }

  /**
   * Release requests ({@code eks-steward.requests} / {@code Release Request}): every configured
   * target, the whole fleet or one cluster.
   */
  public Triggers releaseRequests() {
    return new Triggers(
        ticks, wakeRequests, true, parameterSegment, perAccount, calls, kindsField, kinds);
  }

  /**
   * Changes of parameters {@code <CONFIG_PREFIX><segment><cluster>}: that cluster of the function's
   * own account and region.
   */
  public Triggers parameters(String segment) {
    return new Triggers(
        ticks, wakeRequests, releaseRequests, segment, perAccount, calls, kindsField, kinds);
  }

  public Triggers on(CallRule... rules) {
    List<CallRule> more = new ArrayList<>(calls);
    more.addAll(List.of(rules));
    return new Triggers(
        ticks,
        wakeRequests,
        releaseRequests,
        parameterSegment,
        perAccount,
        more,
        kindsField,
        kinds);
  }

  /** A sweep's scope is a whole account (IAM is global), not one cluster. */
  public Triggers perAccount() {
    return new Triggers(
        ticks, wakeRequests, releaseRequests, parameterSegment, true, calls, kindsField, kinds);
  }

  /** Only resources of these kinds, as the config field {@code field} lists them. */
  public Triggers kinds(String field, Function<StewardConfig, Set<String>> inScope) {
    return new Triggers(
        ticks, wakeRequests, releaseRequests, parameterSegment, perAccount, calls, field, inScope);
  }

  public boolean takesTicks() {
    return ticks;
  }

  public boolean takesWakeRequests() {
    return wakeRequests;
  }

  public boolean takesReleaseRequests() {
    return releaseRequests;
  }

  /** The parameter segment, or null when parameter changes are not for this function. */
  public String parameterSegment() {
    return parameterSegment;
  }

  public boolean isPerAccount() {
    return perAccount;
  }

  public List<CallRule> calls() {
    return calls;
  }

  /** Why a resource kind is out of scope, or null when it is in. */
  String outOfScope(String kind, StewardConfig config) {
    return kinds == null || kinds.apply(config).contains(kind)
        ? null
        : kind + " is not in " + kindsField;
  }
}
