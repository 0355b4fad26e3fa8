"""Seeds a synthetic fleet straight into moto (not through the proxy): `clusters` clusters named
bench-0000.. with `groups` managed node groups each, plus the config document."""
import json
from concurrent.futures import ThreadPoolExecutor

import lib

ROLE = f"arn:aws:iam::{lib.ACCOUNT}:role/bench-eks"
SUBNETS = ["subnet-0bench0a", "subnet-0bench0b"]
SCALING = {"minSize": 1, "maxSize": 4, "desiredSize": 2}


def cluster_name(i):
    return f"bench-{i:04d}"


def group_name(j):
    return f"ng-{j}"


def seed(endpoint, clusters, groups, config, group_tags, threads=16):
    eks = lib.boto("eks", endpoint)
    ssm = lib.boto("ssm", endpoint)
    ssm.put_parameter(Name="/eks-steward/config", Type="String", Overwrite=True,
                      Value=json.dumps(config))

    def one(i):
        name = cluster_name(i)
        eks.create_cluster(name=name, version="1.31", roleArn=ROLE,
                           resourcesVpcConfig={"subnetIds": SUBNETS}, tags={"team": "search"})
        for j in range(groups):
            eks.create_nodegroup(clusterName=name, nodegroupName=group_name(j),
                                 scalingConfig=SCALING, nodeRole=ROLE, subnets=SUBNETS,
                                 tags=dict(group_tags))

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, range(clusters)))


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
