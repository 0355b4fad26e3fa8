package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.request.ProvenRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * A Wake or Release request with a fresh proof of its caller, for {@code sam local invoke} and
 * local/invoke (a file in events/ cannot hold one: a proof is valid 15 minutes). Signs with the
 * default credentials chain, for the STS of the event's region, or of {@code AWS_ENDPOINT_URL} when
 * set (local AWS); sets the event's time to now. What local/request runs.
 *
 * <pre>java -cp "$(cat local/runner/target/seed-classpath.txt)" \
 *     dev.ekssteward.shared.testing.ProveCommand events/scheduler-wake.json &gt; wake.json
 * </pre>
 */
public final class ProveCommand {
  private ProveCommand() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ProveCommand <request event.json>   (prints it proven)");
      System.exit(2);
    }
    Map<String, Object> event =
        new LinkedHashMap<>(Json.parseObject(Files.readString(Path.of(args[0]))));
    String region =
        System.getenv("AWS_REGION") != null
            ? System.getenv("AWS_REGION")
            : (String) event.get("region");
    String endpoint = System.getenv("AWS_ENDPOINT_URL");
    Clock clock = Clock.systemUTC();
    event.put(
        "time", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    event.put("region", region);
    try (DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
      event.put(
          "detail",
          ProvenRequest.prove(
              (String) event.get("detail-type"),
              (Map<String, Object>) event.get("detail"),
              credentials.resolveCredentials(),
              region,
              endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
              clock));
    }
    System.out.println(Json.write(event));
  }
}
