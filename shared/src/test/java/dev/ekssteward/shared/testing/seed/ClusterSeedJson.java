package dev.ekssteward.shared.testing.seed;

/** The cluster part of {@link FleetSeedJson}: clusters, node groups, profiles, providers. */
final class ClusterSeedJson {
  private ClusterSeedJson() {}

  static ClusterSeed cluster(JsonFields c) {
    ClusterSeed cluster =
        ClusterSeed.cluster(c.required("name"))
            .version(c.string("version", null))
            .tags(c.stringMap("tags"));
    for (JsonFields g : c.objects("nodegroups")) {
      cluster = cluster.nodegroup(nodegroup(g));
    }
    for (JsonFields p : c.objects("fargateProfiles")) {
      cluster = cluster.fargateProfile(profile(p));
    }
    if (c.has("oidcProvider")) {
      cluster = cluster.oidcProvider(provider(c.object("oidcProvider"), null));
    }
    c.onlyThese("name", "version", "tags", "nodegroups", "fargateProfiles", "oidcProvider");
    return cluster;
  }

  static NodegroupSeed nodegroup(JsonFields g) {
    NodegroupSeed group = NodegroupSeed.nodegroup(g.required("name")).tags(g.stringMap("tags"));
    if (g.has("scaling")) {
      JsonFields s = g.object("scaling");
      group = group.scaling(s.integer("minSize"), s.integer("desiredSize"), s.integer("maxSize"));
      s.onlyThese("minSize", "desiredSize", "maxSize");
    }
    if (g.has("autoScalingGroup")) {
      JsonFields asg = g.object("autoScalingGroup");
      group = group.autoScalingGroup(asg.stringMap("tags"));
      asg.onlyThese("tags");
    }
    g.onlyThese("name", "scaling", "tags", "autoScalingGroup");
    return group;
  }

  static ProfileSeed profile(JsonFields p) {
    ProfileSeed profile = ProfileSeed.profile(p.required("name")).tags(p.stringMap("tags"));
    for (JsonFields s : p.objects("selectors")) {
      profile = profile.selector(s.required("namespace"), s.stringMap("labels"));
      s.onlyThese("namespace", "labels");
    }
    if (p.has("subnets")) {
      profile = profile.subnets(p.strings("subnets"));
    }
    if (p.has("podExecutionRoleArn")) {
      profile = profile.podExecutionRole(p.required("podExecutionRoleArn"));
    }
    p.onlyThese("name", "selectors", "subnets", "podExecutionRoleArn", "tags");
    return profile;
  }

  /** A provider; {@code url} null: the enclosing cluster's issuer. */
  static ProviderSeed provider(JsonFields p, String url) {
    ProviderSeed provider =
        ProviderSeed.issuer(url).thumbprints(p.strings("thumbprints").toArray(String[]::new));
    if (p.has("clientIds")) {
      provider = provider.clientIds(p.strings("clientIds").toArray(String[]::new));
    }
    p.onlyThese(
        url == null
            ? new String[] {"thumbprints", "clientIds"}
            : new String[] {"url", "thumbprints", "clientIds"});
    return provider;
  }
}
