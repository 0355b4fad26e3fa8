#!/usr/bin/env python3
"""Fleet sweeps through the latency proxy: one scheduler tick and one tag sweep over N clusters x
5 node groups, API calls counted by operation at the proxy, compared with the minimum the task
needs; optionally with a share of EKS calls throttled; the final state is checked in moto.

  bench/sweep.py [--sizes 10 100 1000] [--latency-ms 25]
                 [--throttle-every 10 --throttle-kinds request-limit throttling --throttle-size 100]
  writes bench/.out/sweep.json
"""
import argparse
import json
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
RECORD_TAG = "eks-steward/original-scaling"
RECORD_KEY = "alias/eks-steward-records-bench"  # the stack's RecordKey, made in moto (as local/demo)


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


def config(now_utc_hour, concurrency=None, up_now=False):
    """Scheduler: every group tagged with a schedule whose uptime is not now, so each scales down
    (the evening); with up_now, an uptime window that holds now, so each group with a size record
    is restored (the morning), and then nothing changes (the day).
    Tagging: one required key with a default that no resource has, so each gets one TagResource.
    concurrency None leaves scheduler.maxConcurrency at the product's default."""
    # Evening: an uptime hour half a day away from now. Morning and day: from this hour, 2 hours.
    off = now_utc_hour if up_now else (now_utc_hour + 12) % 24
    hours = 2 if up_now else 1
    scheduler = {} if concurrency is None else {"maxConcurrency": concurrency}
    return {
        "scheduler": {
            **scheduler,
            "gracePeriodMinutes": 0,
            "schedules": {"bench": {"timezone": "UTC",
                                    "uptime": [f"Mon-Sun {off:02d}:00-{(off + hours) % 24:02d}:00"]}},
        },
        "tagging": {
            "resourceTypes": ["cluster", "nodegroup"],
            "required": [{"key": COST_CENTER, "pattern": "^[0-9]{4}$", "default": "0000"}],
        },
    }


def minimum(function, n, changes, audit_events, phase="evening"):
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
        # The ledger (release pause, index of clusters with size records): read once a run.
        m["ssm:GetParametersByPath"] = 1
        if "evening" in phase:
            m["eks:TagResource"] = changes  # the durable original-scaling record, written first
            m["kms:GenerateMac"] = changes  # ... signed with the record key
            if phase == "evening":  # the first: the index names the clusters first
                m["ssm:PutParameter"] = 1 if changes else 0
        elif phase == "morning":
            m["kms:VerifyMac"] = changes  # a record is verified before it is acted on
            m["eks:UntagResource"] = changes  # the record is dropped once restored
    m["events:PutEvents"] = math.ceil(audit_events / 10) if audit_events else 0
    return m


def record_key(moto_url):
    """The stack's RecordKey (an HMAC_256 KMS key), which local/invoke cannot create: made in moto
    under the alias the runs get as RECORD_KEY_ID, as local/demo does."""
    kms = lib.boto("kms", moto_url)
    key = kms.create_key(KeySpec="HMAC_256", KeyUsage="GENERATE_VERIFY_MAC",
                         Description="eks-steward records (bench)")
    kms.create_alias(AliasName=RECORD_KEY, TargetKeyId=key["KeyMetadata"]["KeyId"])


def put_config(moto_url, document):
    """Replaces the config document in moto directly (not through the proxy: not counted)."""
    lib.boto("ssm", moto_url).put_parameter(Name="/eks-steward/config", Type="String",
                                            Value=json.dumps(document), Overwrite=True)


def run_function(function, endpoint, shim, log_name=None):
    env_vars = lib.write_env_vars("sweep-env.json", {
        "DRY_RUN": "false", "CONFIG_PREFIX": "/eks-steward", "AUDIT_BUS": "default",
        "RECORD_KEY_ID": RECORD_KEY})
    reply, err, total, rc = lib.invoke(function, EVENT, endpoint, env_vars, None, shim.home)
    wall, rss, _ = shim.take()
    with open(os.path.join(lib.OUT, f"sweep-{log_name or function}.log"), "w",
              encoding="utf-8") as f:
        f.write(err)
    return reply or {}, wall, rss, rc, len(err.encode("utf-8"))


def check_state(function, moto_url, n, phase="evening"):
    """Counts resources not in the wanted end state, read straight from moto."""
    groups = fleet.groups_of(moto_url, n, GROUPS)
    if phase != "evening":  # restored: the fleet's own sizes again, and no record left
        left = sum(1 for scaling, tags in groups.values()
                   if any(scaling.get(k) != v for k, v in fleet.SCALING.items())
                   or RECORD_TAG in tags)
        return {"resources": n * GROUPS, "notDone": left}
    if function not in ("TagEnforcerFunction", "NodegroupSchedulerFunction"):
        return {"resources": 0, "notDone": 0}  # a read-only sweep (see --steady)
    if function == "TagEnforcerFunction":
        clusters = fleet.cluster_tags(moto_url, n)
        left = sum(1 for t in clusters.values() if t.get(COST_CENTER) != "0000")
        left += sum(1 for _, tags in groups.values() if tags.get(COST_CENTER) != "0000")
        return {"resources": n * (GROUPS + 1), "notDone": left}
    left = sum(1 for scaling, _ in groups.values()
               if scaling.get("desiredSize") != 0 or scaling.get("minSize") != 0)
    return {"resources": n * GROUPS, "notDone": left}


def sweep(n, functions, latency, throttle=None, concurrency=None, phases=None):
    """One run of each function over a fresh fleet; with phases (a list), the scheduler then runs
    the morning (restores) and the day (nothing to do) on the same fleet, appended to it."""
    hour = time.gmtime().tm_hour
    described = fleet.write(f"fleet-{n}.json", fleet.description(
        n, GROUPS, {SCHEDULE_TAG: "bench"}, config=config(hour, concurrency)))
    moto = SeededMoto([described], n)
    record_key(moto.url)
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
            results.append(one_run(function, n, moto, proxy, shim, latency, concurrency,
                                   throttle, "evening"))
            if phases is not None and function == "NodegroupSchedulerFunction":
                for phase in ("morning", "day", "next evening"):
                    put_config(moto.url, config(hour, concurrency, up_now=phase != "next evening"))
                    proxy.control("reset")
                    phases.append(one_run(function, n, moto, proxy, shim, latency, concurrency,
                                          throttle, phase))
    finally:
        if proxy:
            proxy.close()
        moto.close()
    return results


def one_run(function, n, moto, proxy, shim, latency, concurrency, throttle, phase):
    """One live run through the proxy (counters reset by the caller), its calls and end state."""
    name = function if phase == "evening" else f"{function}-{phase.replace(' ', '-')}"
    reply, wall, rss, rc, log_bytes = run_function(function, proxy.url, shim, name)
    stats = proxy.control("stats")
    applied = [a for a in reply.get("applied") or [] if a.get("result") == "applied"]
    changes = len(applied)
    events = changes + len(reply.get("findings") or [])
    # Groups or clusters changed; the scheduler's index write (a parameter) is not one.
    changed = sum(1 for a in applied if not str(a.get("target", "")).startswith("/"))
    state = check_state(function, moto.url, n, "evening" if "evening" in phase else phase)
    lib.log(f"  {function} {phase} n={n}: {wall / 1000:.1f} s, {stats['total']} calls, "
            f"{stats['totalThrottled']} throttled, status {reply.get('status')}, "
            f"not done {state['notDone']}/{state['resources']}")
    return {
        "function": function, "phase": phase, "clusters": n, "groups": n * GROUPS,
        "latencyMs": latency, "concurrency": concurrency,
        "throttle": throttle, "seedSeconds": round(moto.seed_seconds, 1),
        "wallMs": wall, "rssMb": rss, "rc": rc, "status": reply.get("status"),
        "errors": reply.get("errors"), "pending": len(reply.get("pending") or []),
        "applied": changes, "changed": changed, "auditEvents": events, "logBytes": log_bytes,
        "calls": stats["calls"], "throttled": stats["throttled"],
        "totalCalls": stats["total"], "totalThrottled": stats["totalThrottled"],
        "minimum": minimum(function, n, changed, events, phase), "state": state}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 1000])
    ap.add_argument("--latency-ms", type=float, default=25)
    ap.add_argument("--functions", nargs="*",
                    default=["NodegroupSchedulerFunction", "TagEnforcerFunction"])
    ap.add_argument("--throttle-every", type=int, default=10)
    ap.add_argument("--throttle-kinds", nargs="*", default=["request-limit", "throttling"])
    ap.add_argument("--throttle-size", type=int, default=100)
    ap.add_argument("--steady", nargs="*", default=["FargateProfileReconcilerFunction"],
                    help="also sweep these, at each size, on the fleet as it is (for the cost "
                         "table: the Fargate reconciler finds no desired state and reads only)")
    ap.add_argument("--zero-latency-size", type=int, default=0,
                    help="also sweep this many clusters with no added latency (simulator cost)")
    ap.add_argument("--wide-size", type=int, default=0,
                    help="also sweep this many clusters with maxConcurrency --wide-concurrency")
    ap.add_argument("--wide-concurrency", type=int, default=8,
                    help="8 was the default before 16; the line shows what the change bought")
    a = ap.parse_args()
    out = {"sweeps": [], "phases": [], "steady": [], "throttled": [], "zeroLatency": [],
           "wide": []}
    if a.wide_size:
        lib.log(f"sweep {a.wide_size} clusters with maxConcurrency {a.wide_concurrency}")
        out["wide"] += sweep(a.wide_size, a.functions, a.latency_ms, None, a.wide_concurrency)
    if a.zero_latency_size:
        lib.log(f"sweep {a.zero_latency_size} clusters with no added latency (simulator cost)")
        out["zeroLatency"] += sweep(a.zero_latency_size, a.functions, 0)
    for n in a.sizes:
        lib.log(f"sweep {n} clusters x {GROUPS} groups, {a.latency_ms} ms per call")
        runs = sweep(n, a.functions + a.steady, a.latency_ms, phases=out["phases"])
        out["sweeps"] += [r for r in runs if r["function"] not in a.steady]
        out["steady"] += [r for r in runs if r["function"] in a.steady]
    for kind in a.throttle_kinds:
        lib.log(f"throttled sweep ({kind}, every {a.throttle_every}th EKS call)")
        out["throttled"] += sweep(a.throttle_size, a.functions, a.latency_ms,
                                  (kind, a.throttle_every))
    lib.save("sweep.json", out)


if __name__ == "__main__":
    main()
