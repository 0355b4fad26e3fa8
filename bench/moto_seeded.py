#!/usr/bin/env python3
"""local/moto-server (moto with local/moto/patches.py) with a synthetic fleet created in-process
through moto's backend before it serves: 1,000 clusters x 5 node groups take seconds this way,
against minutes through the API. The objects are the ones CreateCluster/CreateNodegroup make.

  bench/moto_seeded.py --port P --clusters N --groups G [--group-tags JSON] [--cluster-tags JSON]
"""
import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "local", "moto"))
sys.path.insert(0, HERE)

import fleet  # noqa: E402
import lib  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--clusters", type=int, default=0)
    ap.add_argument("--groups", type=int, default=5)
    ap.add_argument("--group-tags", default="{}")
    ap.add_argument("--cluster-tags", default='{"team": "search"}')
    ap.add_argument("--regions", nargs="*", default=[lib.REGION])
    a = ap.parse_args()

    import patches

    patches.apply()
    from moto.eks import models as eks_models
    from moto.eks.models import eks_backends

    # moto checks each role ARN by building a boto3 IAM client (~0.1 s a call); our ARNs are
    # well-formed, so skip the check while seeding and restore it before serving.
    check = eks_models.validate_role_arn
    eks_models.validate_role_arn = lambda arn: None
    start = time.time()
    group_tags, cluster_tags = json.loads(a.group_tags), json.loads(a.cluster_tags)
    for region in a.regions:
        seed(eks_backends[lib.ACCOUNT][region], a, group_tags, cluster_tags)
    eks_models.validate_role_arn = check
    print(f"seeded {a.clusters} x {a.groups} in {len(a.regions)} region(s) in "
          f"{time.time() - start:.1f} s", file=sys.stderr, flush=True)
    from moto.server import main as moto_main

    moto_main(["-H", "127.0.0.1", "-p", str(a.port)])


def seed(backend, a, group_tags, cluster_tags):
    for i in range(a.clusters):
        name = fleet.cluster_name(i)
        backend.create_cluster(name=name, role_arn=fleet.ROLE, version="1.31",
                               resources_vpc_config={"subnetIds": fleet.SUBNETS},
                               tags=dict(cluster_tags))
        for j in range(a.groups):
            backend.create_nodegroup(cluster_name=name, node_role=fleet.ROLE,
                                     nodegroup_name=fleet.group_name(j), subnets=fleet.SUBNETS,
                                     scaling_config=dict(fleet.SCALING), tags=dict(group_tags))


if __name__ == "__main__":
    main()
