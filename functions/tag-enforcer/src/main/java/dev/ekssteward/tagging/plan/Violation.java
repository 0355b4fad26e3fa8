package dev.ekssteward.tagging.plan;

/**
 * A required tag that is missing (value null) or holds a value the rule does not allow.
 *
 * @param rule what the policy wants: {@code required}, {@code allowed: [a, b]} or {@code pattern:
 *     ^[0-9]{4}$}
 */
public record Violation(String key, String value, String rule) {}
