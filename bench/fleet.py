"""The benchmarks' synthetic fleet: `clusters` clusters named bench-0000.. with `groups` managed
node groups each, plus the config document, written as a fleet description (the format of
local/demo-fleet/fleet.json, listed in docs/local.md) that bench/moto_seeded.py loads; and the
fleet's state read back from moto."""
import json
import os
from concurrent.futures import ThreadPoolExecutor

import lib

ROLE = f"arn:aws:iam::{lib.ACCOUNT}:role/bench-eks"
SUBNETS = ["subnet-0bench0a", "subnet-0bench0b"]
SCALING = {"minSize": 1, "maxSize": 4, "desiredSize": 2}


def cluster_name(i):
    return f"bench-{i:04d}"


def group_name(j):
    return f"ng-{j}"


def description(clusters, groups, group_tags, cluster_tags=None, config=None,
                region=lib.REGION):
    """The fleet description: every cluster alike, every group alike."""
    fleet = {"region": region, "clusterRoleArn": ROLE, "nodeRoleArn": ROLE, "subnets": SUBNETS,
             "clusters": [{"name": cluster_name(i), "version": "1.31",
                           "tags": dict({"team": "search"} if cluster_tags is None
                                        else cluster_tags),
                           "nodegroups": [{"name": group_name(j), "scaling": dict(SCALING),
                                           "tags": dict(group_tags)} for j in range(groups)]}
                          for i in range(clusters)]}
    if config is not None:
        fleet["config"] = config
    return fleet


def write(name, fleet):
    """Writes a description under bench/.out/ and returns its path."""
    os.makedirs(lib.OUT, exist_ok=True)
    path = os.path.join(lib.OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(fleet, f)
    return path


def groups_of(endpoint, clusters, groups, threads=16, region=lib.REGION):
    """{(cluster, group): (scalingConfig, tags)} read back from moto."""
    eks = lib.boto("eks", endpoint, region)

    def one(i):
        out = {}
        for j in range(groups):
            ng = eks.describe_nodegroup(clusterName=cluster_name(i),
                                        nodegroupName=group_name(j))["nodegroup"]
            out[(cluster_name(i), group_name(j))] = (ng["scalingConfig"], ng.get("tags", {}))
        return out

    result = {}
    with ThreadPoolExecutor(threads) as pool:
        for part in pool.map(one, range(clusters)):
            result.update(part)
    return result


def cluster_tags(endpoint, clusters, threads=16, region=lib.REGION):
    eks = lib.boto("eks", endpoint, region)
    with ThreadPoolExecutor(threads) as pool:
        return dict(pool.map(lambda i: (cluster_name(i), eks.describe_cluster(
            name=cluster_name(i))["cluster"].get("tags", {})), range(clusters)))
