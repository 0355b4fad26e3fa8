package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Triggers;
import java.util.function.ToIntFunction;

/**
 * What a function is, declared once: its name (in reports, metrics and audit events), what it
 * reacts to, and how many scopes it runs at once (from its own config section).
 */
public record Declaration(
    String name, Triggers triggers, ToIntFunction<StewardConfig> concurrency) {}
