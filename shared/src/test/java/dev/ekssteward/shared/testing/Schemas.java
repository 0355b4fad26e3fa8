package dev.ekssteward.shared.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ekssteward.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas shipped in {@code docs/schema/}, compiled once per JVM: the config, the Fargate
 * desired state and one schema per audit detail-type ({@code audit/<slug>.schema.json}). Their
 * {@code $id}s live under {@link #BASE}, a reserved name nothing can fetch: every {@code $ref} is
 * answered from the files here, so a test never reaches the network.
 */
public final class Schemas {
  public static final String BASE = "https://eks-steward.invalid/schema/";

  private static final Path DIR = directory();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Schemas::load));
  private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

  private Schemas() {}

  /** {@code docs/schema/} of the repository the test runs in. */
  public static Path dir() {
    return DIR;
  }

  public static Schema config() {
    return schema("config.schema.json");
  }

  public static Schema fargateDesired() {
    return schema("fargate-desired.schema.json");
  }

  /** The schema of {@code detailType}'s detail, or null when there is none. */
  public static Schema audit(String detailType) {
    String file = auditFile(detailType);
    return Files.exists(DIR.resolve(file)) ? schema(file) : null;
  }

  /** {@code audit/<slug>.schema.json}: lower case, every run of other characters one '-'. */
  public static String auditFile(String detailType) {
    String slug =
        detailType.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return "audit/" + slug + ".schema.json";
  }

  /** What {@code schema} finds wrong with the JSON tree {@code value} (empty: valid). */
  public static List<String> problems(Schema schema, Object value) {
    return schema.validate(Json.write(value), InputFormat.JSON).stream()
        .map(Error::toString)
        .toList();
  }

  /** What {@code schema} finds wrong with the JSON text {@code json} (empty: valid). */
  public static List<String> problemsOfText(Schema schema, String json) {
    return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  private static Schema schema(String file) {
    return COMPILED.computeIfAbsent(
        file,
        f -> {
          Schema s = REGISTRY.getSchema(SchemaLocation.of(BASE + f));
          s.initializeValidators(); // resolve every $ref now: a broken one fails here, once
          return s;
        });
  }

  private static String load(String iri) {
    if (!iri.startsWith(BASE)) {
      return null;
    }
    try {
      return Files.readString(DIR.resolve(iri.substring(BASE.length())));
    } catch (IOException e) {
      throw new UncheckedIOException("no schema for " + iri, e);
    }
  }

  private static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("docs/schema")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir.resolve("docs/schema");
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("docs/schema not found above " + Path.of("").toAbsolutePath());
  }
}
