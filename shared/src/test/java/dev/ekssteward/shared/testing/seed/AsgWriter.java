package dev.ekssteward.shared.testing.seed;

import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.Tag;

/**
 * Creates Auto Scaling groups as EKS would for a node group: empty, from their own launch config.
 */
final class AsgWriter {
  private final SeedingClients clients;

  AsgWriter(SeedingClients clients) {
    this.clients = clients;
  }

  void write(String name, AsgSeed group) {
    var autoscaling = clients.autoscaling();
    autoscaling.createLaunchConfiguration(
        r ->
            r.launchConfigurationName(name + "-lc")
                .imageId("ami-12c6146b") // one of moto's own AMIs
                .instanceType("t3.micro"));
    List<Tag> tags =
        group.tags().entrySet().stream()
            .map(
                t ->
                    Tag.builder()
                        .resourceId(name)
                        .resourceType("auto-scaling-group")
                        .key(t.getKey())
                        .value(t.getValue())
                        .propagateAtLaunch(true)
                        .build())
            .toList();
    autoscaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName(name)
                .launchConfigurationName(name + "-lc")
                .minSize(0)
                .maxSize(1)
                .availabilityZones(clients.region() + "a")
                .tags(tags));
  }
}
