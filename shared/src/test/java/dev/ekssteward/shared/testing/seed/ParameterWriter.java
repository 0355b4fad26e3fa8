package dev.ekssteward.shared.testing.seed;

import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Writes a fleet's SSM parameters (String, overwriting). */
final class ParameterWriter {
  private final SeedingClients clients;

  ParameterWriter(SeedingClients clients) {
    this.clients = clients;
  }

  void write(ParameterSeed parameters) {
    parameters
        .byName()
        .forEach(
            (name, value) ->
                clients
                    .ssm()
                    .putParameter(
                        r -> r.name(name).value(value).type(ParameterType.STRING).overwrite(true)));
  }
}
