#!/usr/bin/env python3
"""What the record key costs a cold start: the scheduler's live evening (every group scaled down,
each size record signed with KMS GenerateMac) and morning (each record verified with VerifyMac,
then restored), each in a fresh JVM, against their calls-only baselines (bench/floor's Records:
the same calls, nothing else) with and without the KMS calls. Every round seeds a fresh moto
(a live run changes the fleet) with --clusters x 5 groups.

Ratios are paired per round. Afterwards, untimed, one round through bench/proxy.py counts every
variant's calls by operation, so the baselines can be checked against the function.

  bench/kmscold.py [--runs N] [--clusters 2]     writes bench/.out/kmscold.json
"""
import argparse
import os
import time

import coldstart
import fleet
import lib
import sweep

FN = "NodegroupSchedulerFunction"
VARIANTS = ["evening", "evening/calls", "evening/calls-nokms",
            "morning", "morning/calls", "morning/calls-nokms"]


def calls(shim, endpoint, name):
    env = {"RECORD_KEY_ID": sweep.RECORD_KEY, "AUDIT_BUS": "default"}
    return coldstart.run_bare(shim, endpoint, "calls-shrunk.jar",
                              ["dev.ekssteward.bench.Calls", name], '"calls"', env=env)


def one_round(clusters, shim, proxy_latency=None):
    """One fresh fleet: the evening, its baselines, then the morning and its baselines.
    Returns {variant: sample}; with proxy_latency (ms), through the proxy, with the calls."""
    hour = time.gmtime().tm_hour
    described = fleet.write("fleet-kmscold.json", fleet.description(
        clusters, 5, {sweep.SCHEDULE_TAG: "bench"}, config=sweep.config(hour)))
    moto = sweep.SeededMoto([described], clusters)
    proxy = None
    out = {}
    try:
        sweep.record_key(moto.url)
        endpoint = moto.url
        if proxy_latency is not None:
            proxy = lib.Proxy(moto.url, proxy_latency)
            endpoint = proxy.url
        env_vars = lib.write_env_vars("kmscold-env.json", {
            "DRY_RUN": "false", "CONFIG_PREFIX": "/eks-steward", "AUDIT_BUS": "default",
            "RECORD_KEY_ID": sweep.RECORD_KEY})
        for phase in ("evening", "morning"):
            if phase == "morning":
                sweep.put_config(moto.url, sweep.config(hour, up_now=True))
            for name in (phase, phase + "/calls", phase + "/calls-nokms"):
                if proxy:
                    proxy.control("reset")
                if name == phase:
                    reply, err, _, rc = lib.invoke(FN, coldstart.EVENT, endpoint, env_vars, None,
                                                   shim.home)
                    wall, rss, _ = shim.take()
                    changes = sum(1 for a in (reply or {}).get("applied") or []
                                  if a.get("result") == "applied"
                                  and ":nodegroup/" in str(a.get("target")))
                    if rc != 0 or changes != clusters * 5:
                        raise SystemExit(f"{phase} run changed {changes} groups (rc {rc}): "
                                         f"{err[-800:]}")
                else:
                    suffix = "-nokms" if name.endswith("nokms") else ""
                    wall, rss, _ = calls(shim, endpoint, f"nodegroup-scheduler-{phase}{suffix}")
                out[name] = {"wall": wall, "rss": rss}
                if proxy:
                    out[name]["calls"] = proxy.control("stats")["calls"]
    finally:
        if proxy:
            proxy.close()
        moto.close()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--clusters", type=int, default=2)
    a = ap.parse_args()
    shim = lib.JvmShim("jvm-kmscold")
    one_round(a.clusters, shim)  # warm-up, not recorded
    samples = {v: [] for v in VARIANTS}
    for r in range(a.runs):
        lib.log(f"KMS cold start round {r + 1}/{a.runs}")
        for name, sample in one_round(a.clusters, shim).items():
            samples[name].append(sample)
    counted = one_round(a.clusters, shim, proxy_latency=0)
    lib.save("kmscold.json", {"runs": a.runs, "clusters": a.clusters, "groups": a.clusters * 5,
                              "samples": samples,
                              "calls": {k: v["calls"] for k, v in counted.items()}})


if __name__ == "__main__":
    main()
