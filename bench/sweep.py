#!/usr/bin/env python3
"""Fleet sweeps through the latency proxy: one scheduler tick and one tag sweep over N clusters x
5 node groups, API calls counted by operation at the proxy, compared with the minimum the task
needs; optionally with a share of EKS calls throttled; the final state is checked in moto.

  bench/sweep.py [--sizes 10 100 1000] [--latency-ms 25]
                 [--throttle-every 10 --throttle-kinds request-limit throttling --throttle-size 100]
  writes bench/.out/sweep.json
"""
import argparse
import math
import os
import subprocess
import sys
import time
import urllib.request

import fleet
import lib

GROUPS = 5
EVENT = os.path.join(lib.ROOT, "events", "schedule-tick.json")
COST_CENTER = "cost-center"
SCHEDULE_TAG = "eks-steward/schedule"


class SeededMoto(lib.Process):
    """moto seeded in-process (bench/moto_seeded.py) with these fleet description files."""

    def __init__(self, fleets, clusters):
        self.port = lib.free_port()
        super().__init__([sys.executable, os.path.join(lib.BENCH, "moto_seeded.py"), "--port",
                          str(self.port), "--fleet", *fleets], f"moto-{clusters}.log")
        self.url = f"http://127.0.0.1:{self.port}"
        start = time.time()
        while time.time() - start < 600:
            if self.proc.poll() is not None:
                raise SystemExit("seeded moto exited; see " + self.log_path)
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        self.seed_seconds = time.time() - start


def config(now_utc_hour, concurrency=None):
    """Scheduler: every group tagged with a schedule whose uptime is not now, so each scales down.
    Tagging: one required key with a default that no resource has, so each gets one TagResource.
    concurrency None leaves scheduler.maxConcurrency at the product's default."""
    off = (now_utc_hour + 12) % 24  # an uptime window half a day away from now
    scheduler = {} if concurrency is None else {"maxConcurrency": concurrency}
    return {
        "scheduler": {
            **scheduler,
            "gracePeriodMinutes": 0,
            "schedules": {"bench": {"timezone": "UTC",
                                    "uptime": [f"Mon-Sun {off:02d}:00-{(off + 1) % 24:02d}:00"]}},
        },
        "tagging": {
            "resourceTypes": ["cluster", "nodegroup"],
            "required": [{"key": COST_CENTER, "pattern": "^[0-9]{4}$", "default": "0000"}],
        },
    }


def minimum(function, n, changes, audit_events):
    """The calls the task cannot do without (see docs/performance.md)."""
    pages = max(1, math.ceil(n / 100))
    m = {"ssm:GetParameter": 1, "eks:ListClusters": pages, "eks:ListNodegroups": n,
         "eks:DescribeNodegroup": n * GROUPS}
    if function == "TagEnforcerFunction":
        m["eks:DescribeCluster"] = n  # the cluster's own tags are part of the sweep
        m["eks:TagResource"] = changes
    else:
        # The cluster's tags (exclude, default schedule), on the ARN a node group's ARN gives.
        m["eks:ListTagsForResource"] = n
        m["eks:UpdateNodegroupConfig"] = changes
        m["eks:TagResource"] = changes  # the durable original-scaling record, written first
    m["events:PutEvents"] = math.ceil(audit_events / 10) if audit_events else 0
    return m


def run_function(function, endpoint, shim):
    env_vars = lib.write_env_vars("sweep-env.json", {
        "DRY_RUN": "false", "CONFIG_PREFIX": "/eks-steward", "AUDIT_BUS": "default"})
    reply, err, total, rc = lib.invoke(function, EVENT, endpoint, env_vars, None, shim.home)
    wall, rss, _ = shim.take()
    with open(os.path.join(lib.OUT, f"sweep-{function}.log"), "w", encoding="utf-8") as f:
        f.write(err)
    return reply or {}, wall, rss, rc


def check_state(function, moto_url, n):
    """Counts resources not in the wanted end state, read straight from moto."""
    groups = fleet.groups_of(moto_url, n, GROUPS)
    if function == "TagEnforcerFunction":
        clusters = fleet.cluster_tags(moto_url, n)
        left = sum(1 for t in clusters.values() if t.get(COST_CENTER) != "0000")
        left += sum(1 for _, tags in groups.values() if tags.get(COST_CENTER) != "0000")
        return {"resources": n * (GROUPS + 1), "notDone": left}
    left = sum(1 for scaling, _ in groups.values()
               if scaling.get("desiredSize") != 0 or scaling.get("minSize") != 0)
    return {"resources": n * GROUPS, "notDone": left}


def sweep(n, functions, latency, throttle=None, concurrency=None):
    hour = time.gmtime().tm_hour
    described = fleet.write(f"fleet-{n}.json", fleet.description(
        n, GROUPS, {SCHEDULE_TAG: "bench"}, config=config(hour, concurrency)))
    moto = SeededMoto([described], n)
    proxy = None
    results = []
    try:
        extra = []
        if throttle:
            extra = ["--throttle-every", str(throttle[1]), "--throttle-kind", throttle[0]]
        proxy = lib.Proxy(moto.url, latency, extra)
        shim = lib.JvmShim("jvm-sweep")
        for function in functions:
            proxy.control("reset")
            reply, wall, rss, rc = run_function(function, proxy.url, shim)
            stats = proxy.control("stats")
            applied = reply.get("applied") or []
            changes = sum(1 for a in applied if a.get("result") == "applied")
            events = changes + len(reply.get("findings") or [])
            state = check_state(function, moto.url, n)
            results.append({
                "function": function, "clusters": n, "groups": n * GROUPS, "latencyMs": latency,
                "concurrency": concurrency,
                "throttle": throttle, "seedSeconds": round(moto.seed_seconds, 1),
                "wallMs": wall, "rssMb": rss, "rc": rc, "status": reply.get("status"),
                "errors": reply.get("errors"), "pending": len(reply.get("pending") or []),
                "applied": changes, "calls": stats["calls"], "throttled": stats["throttled"],
                "totalCalls": stats["total"], "totalThrottled": stats["totalThrottled"],
                "minimum": minimum(function, n, changes, events), "state": state})
            lib.log(f"  {function} n={n}: {wall / 1000:.1f} s, {stats['total']} calls, "
                    f"{stats['totalThrottled']} throttled, status {reply.get('status')}, "
                    f"not done {state['notDone']}/{state['resources']}")
    finally:
        if proxy:
            proxy.close()
        moto.close()
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 1000])
    ap.add_argument("--latency-ms", type=float, default=25)
    ap.add_argument("--functions", nargs="*",
                    default=["NodegroupSchedulerFunction", "TagEnforcerFunction"])
    ap.add_argument("--throttle-every", type=int, default=10)
    ap.add_argument("--throttle-kinds", nargs="*", default=["request-limit", "throttling"])
    ap.add_argument("--throttle-size", type=int, default=100)
    ap.add_argument("--zero-latency-size", type=int, default=0,
                    help="also sweep this many clusters with no added latency (simulator cost)")
    ap.add_argument("--wide-size", type=int, default=0,
                    help="also sweep this many clusters with maxConcurrency --wide-concurrency")
    ap.add_argument("--wide-concurrency", type=int, default=8,
                    help="8 was the default before 16; the line shows what the change bought")
    a = ap.parse_args()
    out = {"sweeps": [], "throttled": [], "zeroLatency": [], "wide": []}
    if a.wide_size:
        lib.log(f"sweep {a.wide_size} clusters with maxConcurrency {a.wide_concurrency}")
        out["wide"] += sweep(a.wide_size, a.functions, a.latency_ms, None, a.wide_concurrency)
    if a.zero_latency_size:
        lib.log(f"sweep {a.zero_latency_size} clusters with no added latency (simulator cost)")
        out["zeroLatency"] += sweep(a.zero_latency_size, a.functions, 0)
    for n in a.sizes:
        lib.log(f"sweep {n} clusters x {GROUPS} groups, {a.latency_ms} ms per call")
        out["sweeps"] += sweep(n, a.functions, a.latency_ms)
    for kind in a.throttle_kinds:
        lib.log(f"throttled sweep ({kind}, every {a.throttle_every}th EKS call)")
        out["throttled"] += sweep(a.throttle_size, a.functions, a.latency_ms,
                                  (kind, a.throttle_every))
    lib.save("sweep.json", out)


if __name__ == "__main__":
    main()
