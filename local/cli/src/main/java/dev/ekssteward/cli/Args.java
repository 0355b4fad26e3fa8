package dev.ekssteward.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line: the command, its operands, and {@code --name value} / {@code --name=value}
 * options; {@link #FLAGS} take no value. Each command says which options it accepts ({@link
 * #allow}), so a misspelt option is a usage error rather than silently ignored.
 */
final class Args {
  static final Set<String> FLAGS = Set.of("help", "strict", "dry-run");

  /** The options that take a value, of every command: any other is a usage error. */
  static final Set<String> VALUED =
      Set.of(
          "output",
          "region",
          "config",
          "record-key",
          "nodegroups",
          "for",
          "bus",
          "stack",
          "cluster",
          "until",
          "at");

  /** Every command accepts these. */
  static final Set<String> GLOBAL = Set.of("help", "output", "region");

  private static final Pattern DURATION = Pattern.compile("^(?:(\\d{1,5})h)?(?:(\\d{1,6})m)?$");

  private final List<String> positionals;
  private final Map<String, String> options;

  private Args(List<String> positionals, Map<String, String> options) {
    this.positionals = List.copyOf(positionals);
    this.options = Map.copyOf(options);
  }

  static Args parse(String... argv) {
    List<String> positionals = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("-h")) {
        a = "--help";
      }
      if (!a.startsWith("--") || a.equals("--")) {
        positionals.add(a);
        continue;
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!FLAGS.contains(name) && !VALUED.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
      if (FLAGS.contains(name)) {
        if (value != null) {
          throw new UsageException("--" + name + " takes no value");
        }
        value = "true";
      } else if (value == null) {
        if (i + 1 >= argv.length) {
          throw new UsageException("--" + name + " needs a value");
        }
        value = argv[++i];
      }
      if (options.put(name, value) != null) {
        throw new UsageException("--" + name + " is given twice");
      }
    }
    return new Args(positionals, options);
  }

  /** The command (the first operand), or null. */
  String command() {
    return positionals.isEmpty() ? null : positionals.get(0);
  }

  /** The operands after the command. */
  List<String> operands() {
    return positionals.isEmpty() ? List.of() : positionals.subList(1, positionals.size());
  }

  String option(String name) {
    return options.get(name);
  }

  boolean flag(String name) {
    return "true".equals(options.get(name));
  }

  /** Refuses options other than {@link #GLOBAL} and {@code accepted}. */
  Args allow(Set<String> accepted) {
    Set<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(GLOBAL);
    unknown.removeAll(accepted);
    if (!unknown.isEmpty()) {
      throw new UsageException(
          "unknown option --" + unknown.iterator().next() + " for '" + command() + "'");
    }
    return this;
  }

  /** Exactly {@code n} operands after the command, else a usage error naming {@code what}. */
  List<String> operands(int n, String what) {
    if (operands().size() != n) {
      throw new UsageException("'" + command() + "' takes " + what);
    }
    return operands();
  }

  /** {@code 2h}, {@code 90m}, {@code 1h30m}: a positive duration, or null when not given. */
  Duration duration(String name) {
    String v = option(name);
    if (v == null) {
      return null;
    }
    Matcher m = DURATION.matcher(v.trim());
    if (v.isBlank() || !m.matches()) {
      throw new UsageException("--" + name + " must look like 2h, 90m or 1h30m, was '" + v + "'");
    }
    long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    Duration d = Duration.ofHours(hours).plusMinutes(minutes);
    if (d.isZero()) {
      throw new UsageException("--" + name + " must be longer than zero");
    }
    return d;
  }

  /** A comma-separated list, or an empty one when not given. */
  List<String> list(String name) {
    String v = option(name);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : v.split(",", -1)) {
      if (part.isBlank()) {
        throw new UsageException("--" + name + " has an empty name: '" + v + "'");
      }
      out.add(part.trim());
    }
    return out;
  }
}
