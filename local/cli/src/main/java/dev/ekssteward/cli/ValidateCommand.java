package dev.ekssteward.cli;

import dev.ekssteward.shared.config.ConfigError;
import dev.ekssteward.shared.config.ConfigException;
import dev.ekssteward.shared.config.ConfigLoader;
import dev.ekssteward.shared.config.StewardConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code validate <config.json>}: the functions' own parsing and checks ({@code
 * StewardConfig.parse}, then every function's {@code ConfigCheck}), offline, with their messages.
 * Exit 0 when valid, 1 when not, 2 when the file cannot be read.
 */
final class ValidateCommand {
  private ValidateCommand() {}

  static int run(Args args, Session session, Output output) {
    args.allow(Set.of());
    String file = args.operands(1, "one operand: the config file (validate <config.json>)").get(0);
    String text = Session.read(file);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("file", file);
    try {
      StewardConfig parsed = StewardConfig.parse(text, file);
      new ConfigLoader(null, Session.CHECKS, session.clock).validated(parsed, file);
      doc.put("valid", true);
      doc.put("errors", List.of());
      output.document(doc);
      output.line(file + ": valid");
      return Exit.OK;
    } catch (ConfigException e) {
      doc.put("valid", false);
      doc.put("message", e.getMessage());
      doc.put("errors", e.errors().stream().map(ValidateCommand::error).toList());
      output.document(doc);
      output.line(e.getMessage());
      return Exit.FINDINGS;
    }
  }

  private static Map<String, Object> error(ConfigError e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", e.path());
    m.put("reason", e.reason());
    return m;
  }
}
