package dev.ekssteward.shared.testing.seed;

import static dev.ekssteward.shared.testing.seed.JsonFields.fields;

import dev.ekssteward.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link FleetSeed} from JSON: the format of local/demo-fleet/fleet.json, listed in
 * docs/local.md. A missing field takes {@link FleetSeed#fleet()}'s default; an unknown one is an
 * error naming it. A document ({@code config}, {@code desiredFargate}) is either inline JSON or the
 * name of a file beside the description; a further parameter's value is a string or inline JSON.
 */
public final class FleetSeedJson {
  private final Path directory;

  private FleetSeedJson(Path directory) {
    this.directory = directory;
  }

  public static FleetSeed read(Path file) {
    Path absolute = file.toAbsolutePath();
    return parse(text(absolute), absolute.getParent());
  }

  /** The description in {@code json}; file names in it are relative to {@code directory}. */
  public static FleetSeed parse(String json, Path directory) {
    return new FleetSeedJson(directory).fleet(fields(Json.parseObject(json), "$"));
  }

  private FleetSeed fleet(JsonFields f) {
    FleetSeed fleet = FleetSeed.fleet();
    FleetSeed.Defaults d = fleet.defaults();
    ParameterSeed parameters = ParameterSeed.NONE.prefix(f.string("configPrefix", "/eks-steward"));
    if (f.has("config")) {
      parameters = parameters.config(document(f, "config"));
    }
    for (String cluster : f.object("desiredFargate").keys()) {
      parameters =
          parameters.desiredFargate(cluster, document(f.object("desiredFargate"), cluster));
    }
    JsonFields others = f.object("parameters");
    for (String name : others.keys()) {
      Object value = others.raw(name);
      parameters = parameters.other(name, value instanceof String s ? s : Json.write(value));
    }
    fleet =
        fleet
            .region(f.string("region", fleet.region()))
            .parameters(parameters)
            .auditBus(f.string("auditBus", null), f.string("auditQueue", null))
            .defaults(
                new FleetSeed.Defaults(
                    f.string("clusterRoleArn", d.clusterRoleArn()),
                    f.string("nodeRoleArn", d.nodeRoleArn()),
                    f.string("podExecutionRoleArn", d.podExecutionRoleArn()),
                    f.has("subnets") ? f.strings("subnets") : d.subnets()));
    for (JsonFields c : f.objects("clusters")) {
      fleet = fleet.cluster(ClusterSeedJson.cluster(c));
    }
    for (JsonFields p : f.objects("extraOidcProviders")) {
      fleet = fleet.provider(ClusterSeedJson.provider(p, p.required("url")));
    }
    for (JsonFields g : f.objects("autoScalingGroups")) {
      fleet = fleet.autoScalingGroup(AsgSeed.named(g.required("name"), g.stringMap("tags")));
    }
    f.onlyThese(
        "region",
        "configPrefix",
        "config",
        "desiredFargate",
        "parameters",
        "auditBus",
        "auditQueue",
        "clusterRoleArn",
        "nodeRoleArn",
        "podExecutionRoleArn",
        "subnets",
        "clusters",
        "extraOidcProviders",
        "autoScalingGroups");
    return fleet;
  }

  /** The field's document: inline JSON, or the file it names, as compact JSON. */
  private String document(JsonFields f, String name) {
    Object value = f.raw(name);
    if (value instanceof String file) {
      return Json.write(Json.parse(text(directory.resolve(file))));
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return Json.write(value);
    }
    throw f.error(name, "must be a JSON document or the name of a file holding one");
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the fleet description's " + file, e);
    }
  }
}
