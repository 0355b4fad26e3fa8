package dev.ekssteward.shared.event;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.aws.EksArn;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.event.Trigger.ParameterChange;
import dev.ekssteward.shared.event.Trigger.Recheck;
import dev.ekssteward.shared.event.Trigger.ReleaseRequest;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import dev.ekssteward.shared.event.Trigger.Unrecognized;
import dev.ekssteward.shared.event.Trigger.WakeRequest;
import dev.ekssteward.shared.pipeline.Targets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rules every function shares, applied to its {@link Triggers}: which triggers it takes, that
 * failed calls and its own calls are ignored, which (account, region) targets and which cluster an
 * event concerns, and that both are in the config's scope. The result is where to work and on what
 * ({@link Selection}), or why not.
 */
public final class Routing {
  /** EKS cluster names: letters, digits, '-' and '_', starting with a letter or digit. */
  private static final Pattern CLUSTER = Pattern.compile("^[0-9A-Za-z][A-Za-z0-9\\-_]{0,99}$");

  /** Where a trigger leads. */
  public sealed interface Route {}

  /** Not for this function; {@code reason} says why. */
  public record Ignore(String reason) implements Route {}

  /**
   * Work on {@code targets}: on {@code cluster} only, or (null) on every cluster the sweep lists,
   * or on the whole account when the function works per account.
   */
  public record Go(List<Target> targets, String cluster, Selection selection) implements Route {}

  private final String function;
  private final Triggers triggers;
  private final String configPrefix;
  private final String selfRoleArn;
  private final String sessionName;

  public Routing(String function, Triggers triggers, String configPrefix, String selfRoleArn) {
    this.function = function;
    this.triggers = triggers;
    this.configPrefix = configPrefix;
    this.selfRoleArn = selfRoleArn;
    this.sessionName = Contract.sessionName(function);
  }

  public Route route(Trigger trigger, StewardConfig config, Targets targets) {
    if (trigger instanceof Unrecognized u) {
      return new Ignore(u.reason());
    }
    if (trigger instanceof ScheduleTick) {
      return triggers.takesTicks()
          ? new Go(sweepTargets(targets.all(config)), null, Selection.ALL)
          : new Ignore(function + " does not act on schedule ticks");
    }
    if (trigger instanceof CloudTrailCall c) {
      return call(c, config, targets);
    }
    if (trigger instanceof Recheck r) {
      return recheck(r, config, targets);
    }
    if (trigger instanceof ParameterChange p) {
      return parameter(p, config, targets);
    }
    if (trigger instanceof WakeRequest w) {
      if (!triggers.takesWakeRequests()) {
        return new Ignore(function + " does not act on wake requests");
      }
      return inScope(
          targets.matching(config, w.account(), w.region()),
          w.account(),
          w.region(),
          w.cluster(),
          new Selection.Wake(w.nodegroups(), w.minutes(), w.time()),
          config);
    }
    if (trigger instanceof ReleaseRequest r) {
      return release(r, config, targets);
    }
    return new Ignore(function + " does not act on " + trigger.kind());
  }

  /**
   * A release covers every configured target, wherever it was sent from: it is the first step of an
   * uninstall, which must reach the whole fleet (or one cluster of it in every target).
   */
  private Route release(ReleaseRequest r, StewardConfig config, Targets targets) {
    if (!triggers.takesReleaseRequests()) {
      return new Ignore(function + " does not act on release requests");
    }
    return inScope(
        targets.all(config),
        r.account(),
        r.region(),
        r.cluster(),
        new Selection.Release(r.until(), r.hours()),
        config);
  }

  private Route call(CloudTrailCall c, StewardConfig config, Targets targets) {
    CallRule rule = triggers.calls().stream().filter(r -> r.matches(c)).findFirst().orElse(null);
    if (rule == null) {
      return new Ignore(
          "not a call " + function + " acts on: " + c.eventSource() + " " + c.eventName());
    }
    if (c.failed()) {
      return new Ignore("the call failed (" + c.errorCode() + "); nothing changed");
    }
    if (selfCaused(c, config, targets)) {
      return new Ignore("the call was made by " + function + " itself");
    }
    String arn = decoded(first(c, rule.arnPaths()));
    String kind = rule.kind();
    String cluster = first(c, rule.clusterPaths());
    String name = rule.namePaths().isEmpty() ? cluster : first(c, rule.namePaths());
    if (rule.fromArn()) {
      EksArn parsed = EksArn.parse(arn);
      if (parsed == null) {
        return new Ignore("the call names no cluster, node group or Fargate profile");
      }
      kind = parsed.kind();
      cluster = parsed.cluster();
      name = parsed.name();
    }
    boolean aboutCluster = rule.fromArn() || !rule.clusterPaths().isEmpty();
    if (aboutCluster && cluster == null) {
      return new Ignore("the event names no cluster");
    }
    if (name == null && !rule.namePaths().isEmpty()) {
      return new Ignore("the event names no " + kind);
    }
    if (!aboutCluster && arn == null) {
      return new Ignore("the event names no " + kind + " ARN");
    }
    String outOfScope = triggers.outOfScope(kind, config);
    if (outOfScope != null) {
      return new Ignore(outOfScope);
    }
    Selection one =
        new Selection.One(
            c.eventName(),
            kind,
            name,
            arn,
            rule.creating(),
            c.caller(),
            keys(c, rule.keysPath()),
            0);
    if (rule.global()) {
      List<Target> accounts = perAccount(targets.matching(config, c.account(), null));
      return accounts.isEmpty()
          ? new Ignore("account " + c.account() + " is not among the configured targets")
          : new Go(accounts, null, one);
    }
    return inScope(
        targets.matching(config, c.account(), c.region()),
        c.account(),
        c.region(),
        cluster,
        one,
        config);
  }

  /**
   * A deferred look goes where the call that named the resource went, if the config still selects
   * it: the function must still take the call, the kind be in scope, and the target and cluster be
   * configured ones. The target is matched exactly (an account the message does not name is the
   * function's own).
   */
  private Route recheck(Recheck r, StewardConfig config, Targets targets) {
    Selection.One what = r.what();
    CallRule rule =
        triggers.calls().stream()
            .filter(c -> c.names().contains(what.call()))
            .findFirst()
            .orElse(null);
    if (rule == null) {
      return new Ignore(function + " does not look again at what " + what.call() + " names");
    }
    String outOfScope = triggers.outOfScope(what.kind(), config);
    if (outOfScope != null) {
      return new Ignore(outOfScope);
    }
    List<Target> matching =
        targets.all(config).stream()
            .filter(t -> t.region().equals(r.region()))
            .filter(t -> Objects.equals(t.accountId(), r.account()))
            .toList();
    if (rule.global()) {
      return matching.isEmpty()
          ? new Ignore("account " + r.account() + " is not among the configured targets")
          : new Go(matching, null, what);
    }
    if (r.cluster() == null) {
      return new Ignore("the message names no cluster");
    }
    return inScope(matching, r.account(), r.region(), r.cluster(), what, config);
  }

  private Route parameter(ParameterChange p, StewardConfig config, Targets targets) {
    String segment = triggers.parameterSegment();
    if (segment == null) {
      return new Ignore(function + " does not act on parameter changes");
    }
    String prefix = configPrefix + segment;
    if (!p.name().startsWith(prefix)) {
      return new Ignore("parameter " + p.name() + " is not under " + prefix);
    }
    // Desired state lives in our own account and region; it may describe any target region.
    return inScope(
        List.of(targets.home()),
        null,
        null,
        p.name().substring(prefix.length()),
        Selection.ALL,
        config);
  }

  /** One cluster in the given targets, if the config selects both. */
  private Route inScope(
      List<Target> matching,
      String account,
      String region,
      String cluster,
      Selection selection,
      StewardConfig config) {
    if (cluster != null && !CLUSTER.matcher(cluster).matches()) {
      return new Ignore("'" + TriggerParser.clip(cluster) + "' is not a valid cluster name");
    }
    if (cluster != null && !config.targets().clusters().matches(cluster)) {
      return new Ignore("cluster " + cluster + " is not selected by targets.clusters");
    }
    if (matching.isEmpty()) {
      return new Ignore(
          "account "
              + (account == null ? "(own)" : account)
              + " in "
              + region
              + " is not among the configured targets");
    }
    return new Go(matching, cluster, selection);
  }

  private List<Target> sweepTargets(List<Target> all) {
    return triggers.isPerAccount() ? perAccount(all) : all;
  }

  /** One target per account (the first region's): for functions whose scope is an account. */
  private static List<Target> perAccount(List<Target> targets) {
    Map<String, Target> first = new LinkedHashMap<>();
    for (Target t : targets) {
      first.putIfAbsent(t.roleArn() == null ? "" : t.accountId(), t);
    }
    return List.copyOf(first.values());
  }

  /**
   * Our own calls, recognised by who made them, never by the user agent (anyone can send one): in
   * this account the session's issuer is the function's own role (STEWARD_ROLE_ARN); in a member
   * account it is the role config names for that account, in the session this function names when
   * it assumes it. Only principals that role trusts can open such a session, and they hold the
   * role's rights already, so nothing is borrowed by looking like us.
   */
  private boolean selfCaused(CloudTrailCall c, StewardConfig config, Targets targets) {
    CallerIdentity who = c.caller();
    if (who == null || who.sessionIssuerArn() == null) {
      return false;
    }
    if (who.sessionIssuerArn().equals(selfRoleArn)) {
      return true;
    }
    if (!sessionName.equals(who.sessionName()) || c.account() == null) {
      return false;
    }
    return targets.matching(config, c.account(), null).stream()
        .anyMatch(t -> who.sessionIssuerArn().equals(t.roleArn()));
  }

  /** The first path that holds a non-blank string. */
  private static String first(CloudTrailCall c, List<String> paths) {
    for (String path : paths) {
      if (value(c, path) instanceof String s && !s.isBlank()) {
        return s;
      }
    }
    return null;
  }

  private static Object value(CloudTrailCall c, String path) {
    String[] parts = path.split("\\.");
    Object at =
        switch (parts[0]) {
          case "requestParameters" -> c.requestParameters();
          case "responseElements" -> c.responseElements();
          default -> null;
        };
    for (int i = 1; i < parts.length && at != null; i++) {
      at = at instanceof Map<?, ?> m ? m.get(parts[i]) : null;
    }
    return at;
  }

  /** CloudTrail records a query list as an array, or as one string when it has one item. */
  private static List<String> keys(CloudTrailCall c, String path) {
    Object v = path == null ? null : value(c, path);
    if (v instanceof String s) {
      return List.of(s);
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(out::add);
    }
    return out;
  }

  /** Path parameters such as {@code resourceArn} may arrive URL-encoded. */
  private static String decoded(String arn) {
    return arn != null && arn.contains("%") ? URLDecoder.decode(arn, StandardCharsets.UTF_8) : arn;
  }
}
