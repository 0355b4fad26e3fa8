package dev.ekssteward.fargate.desired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The immutable part of a Fargate profile: what EKS cannot change in place, so any difference means
 * a replacement. Subnets and selectors are sets: their order never matters.
 */
public record ProfileSpec(
    String podExecutionRoleArn, Set<String> subnets, Set<Selector> selectors) {
  public ProfileSpec {
    subnets = Collections.unmodifiableSet(new TreeSet<>(subnets));
    selectors = Set.copyOf(selectors);
  }

  /**
   * True when a profile with {@code actual} serves this spec. An empty subnet list in the desired
   * state means "the cluster's private subnets", which EKS fills in, so it accepts any subnets.
   */
  public boolean satisfiedBy(ProfileSpec actual) {
    return podExecutionRoleArn.equals(actual.podExecutionRoleArn)
        && selectors.equals(actual.selectors)
        && (subnets.isEmpty() || subnets.equals(actual.subnets));
  }

  /** The same spec with the subnets left to EKS (as a desired spec without subnets is). */
  public ProfileSpec withoutSubnets() {
    return new ProfileSpec(podExecutionRoleArn, Set.of(), selectors);
  }

  /** 8 hex digits of SHA-256 over the canonical form: the suffix of a replacement's name. */
  public String hash() {
    String canonical =
        podExecutionRoleArn
            + "|"
            + String.join(",", subnets)
            + "|"
            + selectors.stream().map(Selector::canonical).sorted().collect(Collectors.joining(";"));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
