package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;

/**
 * jqwik generators of malformed and adversarial input (events, config and desired-state documents,
 * tag values) and a seeded runner that feeds them to a property with a time bound. The runner works
 * inside plain JUnit tests, so the property can use the moto extension; the seed makes every run
 * draw the same inputs and a failure names the input that caused it.
 */
public final class HostileInput {
  /** Field names that our parsers look for, so random trees hit real code paths. */
  private static final List<String> KEYS =
      List.of(
          "detail-type",
          "source",
          "detail",
          "time",
          "account",
          "region",
          "resources",
          "trigger",
          "eventSource",
          "eventName",
          "requestParameters",
          "responseElements",
          "userIdentity",
          "userAgent",
          "awsRegion",
          "errorCode",
          "name",
          "operation",
          "cluster",
          "nodegroups",
          "minutes",
          "clusterName",
          "nodegroupName",
          "fargateProfileName",
          "resourceArn",
          "tags",
          "tagKeys",
          "url",
          "thumbprintList",
          "arn",
          "type",
          "sessionContext",
          "sessionIssuer",
          "profiles",
          "selectors",
          "namespace",
          "labels",
          "subnets",
          "prune",
          "targets",
          "regions",
          "accounts",
          "scheduler",
          "schedules",
          "tagging",
          "required",
          "fargate",
          "thumbprints");

  private HostileInput() {}

  /** Strings that break naive code: huge, control characters, separators, injection, unicode. */
  public static Arbitrary<String> strings() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(KEYS)),
        net.jqwik.api.Tuple.of(
            3,
            Arbitraries.of(
                "",
                " ",
                "\u0000",
                "null",
                "aws:x",
                "a,b;c",
                "../../etc/passwd",
                "${jndi:ldap://127.0.0.1/a}",
                "'; DROP TABLE x; --",
                "%2F%2e%2e",
                "\u202Egnp.exe",
                "\uD83D\uDE80\uD83D\uDE80",
                "Scheduled Event",
                "AWS API Call via CloudTrail",
                "Parameter Store Change",
                "Wake Request",
                "eks-steward.requests",
                "aws.eks",
                "arn:aws:eks:eu-west-1:123456789012:cluster/x",
                "arn%3Aaws%3Aeks%3Aeu-west-1%3A123456789012%3Anodegroup%2Fx%2Fy%2Fz",
                "Mon-Fri 25:99-07:00",
                "2026-13-45T99:99:99Z",
                "https://127.0.0.1:1/",
                "-1")),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(257, 200_000).map("x"::repeat)));
  }

  /** Any JSON-like value as the Lambda runtime would hand it over (maps, lists, scalars). */
  public static Arbitrary<Object> values() {
    Arbitrary<Object> leaves =
        Arbitraries.oneOf(
            strings().map(s -> (Object) s),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    return Arbitraries.recursive(
        () -> leaves,
        inner ->
            Arbitraries.oneOf(
                leaves,
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(keys(), inner).ofMaxSize(5).map(m -> (Object) m)),
        0,
        4);
  }

  /** Events: random trees, real samples with fields broken or removed, unknown kinds, deep ones. */
  public static Arbitrary<Map<String, Object>> events(List<Map<String, Object>> samples) {
    Arbitrary<Map<String, Object>> random = Arbitraries.maps(keys(), values()).ofMaxSize(8);
    List<Arbitrary<Map<String, Object>>> kinds = new ArrayList<>();
    kinds.add(random);
    kinds.add(deep(random));
    if (!samples.isEmpty()) {
      Arbitrary<Map<String, Object>> sample = Arbitraries.of(samples);
      kinds.add(JsonTrees.mutated(sample));
      kinds.add(JsonTrees.mutated(JsonTrees.mutated(sample)));
      kinds.add(
          Combinators.combine(sample, strings())
              .as((s, t) -> JsonTrees.with(s, List.of("detail-type"), t)));
    }
    return Arbitraries.oneOf(kinds);
  }

  /** Config or desired-state documents: broken JSON, wrong shapes, the sample with a bad field. */
  public static Arbitrary<String> documents(Map<String, Object> valid) {
    Arbitrary<Map<String, Object>> broken = JsonTrees.mutated(Arbitraries.just(valid));
    return Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(60),
            values().map(Json::write),
            broken.map(Json::write),
            JsonTrees.mutated(broken).map(Json::write),
            Arbitraries.integers().between(65, 3000).map(d -> "[".repeat(d) + "]".repeat(d)),
            Arbitraries.just(Json.write(valid)).map(s -> s.substring(0, s.length() / 2)))
        .filter(s -> !s.isBlank() && s.length() <= 4096); // SSM: non-empty, standard tier
  }

  /** Tag values: empty, too long, reserved prefix, separators AWS refuses, any unicode. */
  public static Arbitrary<String> tagValues() {
    return Arbitraries.oneOf(
        strings().filter(s -> s.length() <= 300),
        Arbitraries.strings().withChars("aA1 +-=._:/@,;\t\n\u00e9\u4e2d").ofMaxLength(300),
        Arbitraries.integers().between(250, 260).map("v"::repeat),
        Arbitraries.of("aws:reserved", "AWS:x", "a,b", "a;b", "0000", "payments"));
  }

  /** Draws {@code tries} inputs with a fixed seed and checks each within {@code maxMillis}. */
  public static <T> int check(
      Arbitrary<T> inputs, int tries, long seed, long maxMillis, Consumer<T> property) {
    List<T> drawn = new ArrayList<>();
    JqwikSession.start(Long.toString(seed));
    try {
      inputs.sampleStream().limit(tries).forEach(drawn::add);
    } finally {
      JqwikSession.finish();
    }
    List<String> failures = new ArrayList<>();
    for (T input : drawn) {
      long start = System.nanoTime();
      try {
        property.accept(input);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > maxMillis) {
          failures.add("took " + millis + " ms: " + clip(input));
        }
      } catch (AssertionError | RuntimeException | StackOverflowError e) {
        failures.add(e + "\n      input: " + clip(input));
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size()
              + " of "
              + drawn.size()
              + " hostile inputs broke the property (seed "
              + seed
              + "):\n  "
              + String.join("\n  ", failures.subList(0, Math.min(10, failures.size()))));
    }
    return drawn.size();
  }

  static String clip(Object input) {
    String s;
    try {
      s = input instanceof String str ? str : Json.write(input);
    } catch (RuntimeException | StackOverflowError e) {
      s = String.valueOf(input);
    }
    return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " chars)";
  }

  private static Arbitrary<String> keys() {
    return Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(12));
  }

  /** Wraps an event's detail (or the event) hundreds of levels deep. */
  private static Arbitrary<Map<String, Object>> deep(Arbitrary<Map<String, Object>> base) {
    return Combinators.combine(
            base, Arbitraries.integers().between(100, 3000), Arbitraries.of(KEYS))
        .as(
            (event, depth, key) -> {
              Object inner = event;
              for (int i = 0; i < depth; i++) {
                inner = i % 2 == 0 ? Map.of(key, inner) : List.of(inner);
              }
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("source", "aws.eks");
              out.put("detail-type", "AWS API Call via CloudTrail");
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("eventSource", "eks.amazonaws.com");
              detail.put(key, inner);
              out.put("detail", detail);
              return out;
            });
  }
}
