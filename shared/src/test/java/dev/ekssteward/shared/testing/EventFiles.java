package dev.ekssteward.shared.testing;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads {@code events/*.json} the way the Lambda Java runtime deserialises a handler's {@code
 * Map<String, Object>} input: with aws-lambda-java-serialization's Jackson factory.
 */
public final class EventFiles {
  private EventFiles() {}

  /** A schedule tick at {@code now}, as EventBridge delivers it from the stack's rule. */
  public static Map<String, Object> tick(Instant now) {
    return delivery(
        "tick",
        "Scheduled Event",
        "aws.events",
        now,
        List.of("arn:aws:events:eu-west-1:123456789012:rule/tick"),
        Map.of());
  }

  /** An EventBridge delivery at {@code now} in the local account and region. */
  public static Map<String, Object> delivery(
      String id,
      String detailType,
      String source,
      Instant now,
      List<String> resources,
      Map<String, Object> detail) {
    return Map.of(
        "version",
        "0",
        "id",
        id,
        "detail-type",
        detailType,
        "source",
        source,
        "account",
        LocalAws.ACCOUNT,
        "time",
        now.toString(),
        "region",
        LocalAws.REGION,
        "resources",
        resources,
        "detail",
        detail);
  }

  public static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("events")) && Files.exists(dir.resolve("template.yaml"))) {
        return dir.resolve("events");
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("events/ not found");
  }

  public static List<Path> all() throws IOException {
    try (Stream<Path> files = Files.list(directory())) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Map<String, Object> load(String name) {
    PojoSerializer<Map> serializer = JacksonFactory.getInstance().getSerializer(Map.class);
    try (InputStream in = Files.newInputStream(directory().resolve(name))) {
      return serializer.fromJson(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read events/" + name, e);
    }
  }

  /** Every sample event whose file name starts with {@code prefix}, in file-name order. */
  public static List<Map<String, Object>> startingWith(String prefix) throws IOException {
    List<Map<String, Object>> events = new ArrayList<>();
    for (Path p : all()) {
      String name = p.getFileName().toString();
      if (name.startsWith(prefix)) {
        events.add(load(name));
      }
    }
    return events;
  }

  /** A sample event with one field of its {@code detail} set (or replaced). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> withDetail(String name, String key, Object value) {
    Map<String, Object> event = new LinkedHashMap<>(load(name));
    Map<String, Object> detail = new LinkedHashMap<>((Map<String, Object>) event.get("detail"));
    detail.put(key, value);
    event.put("detail", detail);
    return event;
  }
}
