#!/usr/bin/env python3
"""local/moto-server (moto with local/moto's always-on patches) with fleets created in-process
through moto's backend before it serves, from fleet description files (the format of
local/demo-fleet/fleet.json, listed in docs/local.md; bench/fleet.py writes them).

Why not the shared Java seeder, which local/demo and bench/coldstart.py use: it goes through the
API, where a 1,000 x 5 fleet is 6,000 Create calls. Measured on 2 cores with local/moto/speed.py:
43 s with one thread, 31 s with four (moto answers one call at a time), ~10 minutes without
speed.py; this loader takes 1.5 s. bench/run starts a fresh moto for each sweep (three of 1,000
clusters), so the difference is minutes per run. The objects are the ones CreateCluster and
CreateNodegroup make, from the same description file a test or the Java seeder reads; this loader
takes the parts the sweeps describe (clusters, node groups, parameters) and refuses any other
rather than skip it.

  bench/moto_seeded.py --port P --fleet FILE [FILE ...]
"""
import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "local", "moto"))
sys.path.insert(0, HERE)

import lib  # noqa: E402

# What this loader seeds; anything else in a description needs the Java seeder (SeedCommand).
FLEET_FIELDS = {"region", "configPrefix", "config", "desiredFargate", "parameters",
                "clusterRoleArn", "nodeRoleArn", "subnets", "clusters"}
CLUSTER_FIELDS = {"name", "version", "tags", "nodegroups"}
GROUP_FIELDS = {"name", "scaling", "tags"}
ROLE = f"arn:aws:iam::{lib.ACCOUNT}:role/"  # the Java seeder's defaults
SUBNETS = ["subnet-0abc1234", "subnet-0def5678"]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--fleet", nargs="+", required=True, help="fleet description files")
    a = ap.parse_args()

    import options
    import patches
    import speed
    import sqs_time

    # The SQS timers only (STEWARD_MOTO_SQS_TIME_SCALE): fanout.py waits out visibility timeouts.
    options.load_environment()
    speed.apply()
    patches.apply()
    sqs_time.apply()
    start = time.time()
    counts = [seed(path) for path in a.fleet]
    print(f"seeded {sum(c for c, _ in counts)} clusters, {sum(g for _, g in counts)} node groups "
          f"from {len(a.fleet)} description(s) in {time.time() - start:.1f} s",
          file=sys.stderr, flush=True)
    from moto.server import main as moto_main

    moto_main(["-H", "127.0.0.1", "-p", str(a.port)])


def seed(path):
    """Seeds one description; returns (clusters, node groups)."""
    from moto.eks.models import eks_backends
    from moto.ssm.models import ssm_backends

    with open(path, encoding="utf-8") as f:
        fleet = json.load(f)
    refuse(fleet, FLEET_FIELDS, path)
    region = fleet.get("region", lib.REGION)
    ssm = ssm_backends[lib.ACCOUNT][region]
    for name, value in parameters(fleet, os.path.dirname(os.path.abspath(path))).items():
        ssm.put_parameter(name=name, description=None, value=value, parameter_type="String",
                          allowed_pattern=None, keyid=None, overwrite=True, tags=[],
                          data_type="text", tier=None, policies=None)
    eks = eks_backends[lib.ACCOUNT][region]
    cluster_role = fleet.get("clusterRoleArn", ROLE + "eks-cluster")
    node_role = fleet.get("nodeRoleArn", ROLE + "eks-nodes")
    subnets = fleet.get("subnets", SUBNETS)
    groups = 0
    for cluster in fleet.get("clusters", []):
        refuse(cluster, CLUSTER_FIELDS, path)
        eks.create_cluster(name=cluster["name"], role_arn=cluster_role, version=cluster.get("version"),
                           resources_vpc_config={"subnetIds": subnets},
                           tags=dict(cluster.get("tags", {})))
        for group in cluster.get("nodegroups", []):
            refuse(group, GROUP_FIELDS, path)
            eks.create_nodegroup(cluster_name=cluster["name"], node_role=node_role,
                                 nodegroup_name=group["name"], subnets=subnets,
                                 scaling_config=group.get("scaling"),
                                 tags=dict(group.get("tags", {})))
            groups += 1
    return len(fleet.get("clusters", [])), groups


def parameters(fleet, directory):
    """name -> value, as the Java seeder writes them (documents as compact JSON)."""
    prefix = fleet.get("configPrefix", "/eks-steward")
    out = {}
    if fleet.get("config") is not None:
        out[f"{prefix}/config"] = document(fleet["config"], directory)
    for cluster, doc in (fleet.get("desiredFargate") or {}).items():
        out[f"{prefix}/fargate/{cluster}"] = document(doc, directory)
    for name, value in (fleet.get("parameters") or {}).items():
        out[name] = value if isinstance(value, str) else compact(value)
    return out


def document(value, directory):
    if isinstance(value, str):  # a file beside the description
        with open(os.path.join(directory, value), encoding="utf-8") as f:
            value = json.load(f)
    return compact(value)


def compact(value):
    return json.dumps(value, separators=(",", ":"))


def refuse(obj, known, path):
    extra = sorted(k for k, v in obj.items() if k not in known and v not in (None, [], {}))
    if extra:
        raise SystemExit(f"{path}: {extra} cannot be seeded in-process; "
                         "seed this description with the Java seeder (docs/local.md)")


if __name__ == "__main__":
    main()
