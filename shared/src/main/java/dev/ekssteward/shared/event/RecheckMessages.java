package dev.ekssteward.shared.event;

import dev.ekssteward.shared.event.Trigger.Recheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of one recheck message, both ways: {@code {"recheck": {"account", "region", "cluster",
 * "call", "kind", "name", "arn", "created", "look", "caller": {...}, "keys": [...]}}} — the
 * selection of the call that named the resource, at its next look. Absent fields are null.
 */
public final class RecheckMessages {
  /** A body of ours, at most this many looks on (the planners bound theirs far lower). */
  static final int MAX_LOOK = 1000;

  private RecheckMessages() {}

  public static Map<String, Object> body(Recheck recheck) {
    Selection.One what = recheck.what();
    Map<String, Object> r = new LinkedHashMap<>();
    put(r, "account", recheck.account());
    r.put("region", recheck.region());
    put(r, "cluster", recheck.cluster());
    r.put("call", what.call());
    r.put("kind", what.kind());
    put(r, "name", what.name());
    put(r, "arn", what.arn());
    r.put("created", what.created());
    r.put("look", what.look());
    CallerIdentity c = what.caller();
    if (c != null) {
      Map<String, Object> caller = new LinkedHashMap<>();
      put(caller, "type", c.type());
      put(caller, "arn", c.arn());
      put(caller, "userName", c.userName());
      put(caller, "sessionIssuerArn", c.sessionIssuerArn());
      put(caller, "invokedBy", c.invokedBy());
      r.put("caller", caller);
    }
    r.put("keys", what.keys());
    return Map.of("recheck", r);
  }

  /** The recheck a body's {@code recheck} object describes; throws naming the field. */
  static Recheck parse(Map<?, ?> r) {
    Object look = r.get("look");
    if (!(look instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.intValue() < 1
        || n.intValue() > MAX_LOOK) {
      throw new IllegalArgumentException("body.recheck.look: must be a whole number from 1");
    }
    String account = string(r, "account");
    if (account != null && !account.matches("\\d{12}")) {
      throw new IllegalArgumentException("body.recheck.account: not an account id");
    }
    Object rawCaller = r.get("caller");
    if (rawCaller != null && !(rawCaller instanceof Map)) {
      throw new IllegalArgumentException("body.recheck.caller: must be an object");
    }
    Map<?, ?> c = rawCaller == null ? Map.of() : (Map<?, ?>) rawCaller;
    CallerIdentity caller =
        c.isEmpty()
            ? null
            : new CallerIdentity(
                string(c, "type"),
                string(c, "arn"),
                string(c, "userName"),
                string(c, "sessionIssuerArn"),
                string(c, "invokedBy"));
    Selection.One what =
        new Selection.One(
            required(r, "call"),
            required(r, "kind"),
            string(r, "name"),
            string(r, "arn"),
            Boolean.TRUE.equals(r.get("created")),
            caller,
            strings(r.get("keys")),
            n.intValue());
    return new Recheck(account, required(r, "region"), string(r, "cluster"), what);
  }

  private static void put(Map<String, Object> out, String key, Object value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  private static String string(Map<?, ?> m, String field) {
    Object v = m.get(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new IllegalArgumentException("body.recheck." + field + ": must be a string");
  }

  private static String required(Map<?, ?> m, String field) {
    String v = string(m, field);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("body.recheck." + field + ": is required");
    }
    return v;
  }

  private static List<String> strings(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw new IllegalArgumentException("body.recheck.keys: must be an array of strings");
        }
        out.add(s);
      }
    } else if (v != null) {
      throw new IllegalArgumentException("body.recheck.keys: must be an array of strings");
    }
    return out;
  }
}
