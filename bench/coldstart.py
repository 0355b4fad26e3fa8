#!/usr/bin/env python3
"""Cold start: N fresh JVMs per variant, each invoking once on events/schedule-tick.json against
moto seeded with the demo fleet (as local/demo seeds it), in dry-run so every run does the same work.

Variants, interleaved round by round so machine noise hits all alike:
  floor    bench/floor: one EKS client built the optimized way, one ListClusters call
  floor/shrunk  the same, shrunk with the functions' ProGuard rules (functions/proguard.pro)
  <fn>     each function's jar through local/invoke
  <fn>/naive  the same function built with -Pnaive: the SDK's default HTTP client, credentials and
           region (bench/naive/), unshrunk
  <fn>/calls  calls-only: bench/floor's Calls, the AWS calls the function makes on the tick, one
           after the other with clients built like the floor's, nothing else; shrunk like the
           functions
  floor/cds, <fn>/cds  the floor and each function with a dynamic AppCDS archive of their own,
           recorded in one training run (informational: not what the target is judged on)

After the rounds, untimed: one run per function with the startup marks on, and three runs of the
floor, of each function and of each calls-only baseline through bench/proxy.py (no added
latency) for the time moto itself takes to answer their calls.

  bench/coldstart.py [--runs N]      writes bench/.out/coldstart.json
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

import lib

EVENT = os.path.join(lib.ROOT, "events", "schedule-tick.json")


def naive_template():
    """template.yaml with each CodeUri pointing at the -Pnaive jar (built with bench/naive/)."""
    text = open(os.path.join(lib.ROOT, "template.yaml"), encoding="utf-8").read()
    count = 0
    up = os.path.relpath(lib.ROOT, lib.OUT)  # CodeUri is relative to the template's directory
    for module in lib.FUNCTIONS.values():
        old = f"CodeUri: functions/{module}/target/{module}.jar"
        if old in text:
            text = text.replace(old, f"CodeUri: {up}/functions/{module}/target/naive/{module}.jar")
            count += 1
    if count != len(lib.FUNCTIONS):
        raise SystemExit("cannot derive the naive template from template.yaml")
    new = text
    os.makedirs(lib.OUT, exist_ok=True)
    path = os.path.join(lib.OUT, "template-naive.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    return path


def put_events_ms(events, bus, runs=3):
    """moto's median time for one PutEvents of 10 entries (what the functions' audit batch is)."""
    entries = [{"EventBusName": bus, "Source": "eks-steward", "DetailType": "Bench",
                "Detail": json.dumps({"n": i})} for i in range(10)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        events.put_events(Entries=entries)
        times.append((time.perf_counter() - start) * 1000)
    return lib.median(times)


def without_audit_tap(endpoint):
    """Removes the demo's audit-tap rule (audit bus → SQS queue) from the seeded moto.

    moto delivers a PutEvents entry to every matching rule's targets inside the PutEvents call
    (~0.1 s an entry to an SQS target here), where EventBridge acknowledges PutEvents and delivers
    afterwards. Left in, that simulator cost lands in the wall time of every function that
    publishes audit events, in proportion to how many it publishes. The functions make the same
    PutEvents calls either way. Returns moto's PutEvents time with and without the rule."""
    events = lib.boto("events", endpoint)
    bus = "eks-steward-audit"
    with_rule = put_events_ms(events, bus)
    ids = [t["Id"] for t in events.list_targets_by_rule(Rule="audit-tap", EventBusName=bus)["Targets"]]
    events.remove_targets(Rule="audit-tap", EventBusName=bus, Ids=ids)
    events.delete_rule(Name="audit-tap", EventBusName=bus)
    return {"withRule": with_rule, "withoutRule": put_events_ms(events, bus)}


MARK = re.compile(r"^startup-mark (\d+) (\S+) (.+)$", re.M)


def jvm_options(extra=""):
    """The template's JAVA_TOOL_OPTIONS, with extra flags after them."""
    return {"JAVA_TOOL_OPTIONS": ((lib.template_globals("JAVA_TOOL_OPTIONS") or "") + " "
                                  + extra).strip()}


def startup_marks(fn, endpoint, env_vars, shim):
    """One more run with the startup marks on (-Dsteward.startupMarks=true, through the template's
    JAVA_TOOL_OPTIONS): [ms since JVM start, thread, what] for the breakdown. Not a timed sample."""
    reply, err, _, _ = lib.invoke(fn, EVENT, endpoint, env_vars, None, shim.home,
                                  jvm_options("-Dsteward.startupMarks=true"))
    shim.take()
    return [[int(ms), thread, what] for ms, thread, what in MARK.findall(err)]


def cds_flags(name, record=False):
    """JVM flags that record (one training run) or use the variant's dynamic AppCDS archive.
    -Xshare:on makes a run fail rather than silently start without the archive."""
    path = os.path.join(lib.OUT, "cds", name.replace("/", "-") + ".jsa")
    if record:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if os.path.exists(path):
            os.remove(path)
        return f"-XX:ArchiveClassesAtExit={path}"
    return f"-Xshare:on -XX:SharedArchiveFile={path}"


def simulator_times(moto_url, fns, env_vars, shim, runs=3):
    """Untimed: per variant (the floor, then each function), the median time moto takes to answer
    one run's calls (bench/proxy.py with no added latency measures it), and the calls by
    operation."""
    proxy = lib.Proxy(moto_url, latency_ms=0)
    try:
        out = {}
        for fn in ["floor", *fns, *(f + "/calls" for f in fns)]:
            answered, calls = [], {}
            for _ in range(runs):
                proxy.control("reset")
                if fn == "floor":
                    run_floor(shim, proxy.url)
                elif fn.endswith("/calls"):
                    run_calls(shim, proxy.url, fn[:-len("/calls")])
                else:
                    lib.invoke(fn, EVENT, proxy.url, env_vars, None, shim.home)
                    shim.take()
                stats = proxy.control("stats")
                answered.append(stats["upstreamMsTotal"])
                calls = stats["calls"]
            out[fn] = {"ms": lib.median(answered), "calls": calls}
        return out
    finally:
        proxy.close()


def run_bare(shim, endpoint, jar, args, expect, extra_opts="", env=None):
    """A bare main() of bench/floor with the functions' JVM flags and heap; its wall and RSS."""
    memory = int(lib.template_globals("MemorySize") or 512)
    extra_env = env or {}
    env = lib.aws_env(endpoint)
    env.update({"CONFIG_PREFIX": "/eks-steward", "AUDIT_BUS": "eks-steward-audit"})
    env.update(extra_env)
    env.update(jvm_options(extra_opts))  # the functions' JVM flags, for a like-for-like baseline
    done = subprocess.run([shim.java, f"-Xmx{memory * 85 // 100}m", "-cp",
                           os.path.join(lib.BENCH, "floor", "target", jar), *args],
                          capture_output=True, text=True, env=env)
    if done.returncode != 0 or expect not in done.stdout:
        raise SystemExit(f"{' '.join(args)} failed: " + done.stdout + done.stderr)
    return shim.take()


def run_floor(shim, endpoint, shrunk=False, extra_opts=""):
    """The floor as a bare main(): as built, or shrunk with the functions' ProGuard rules."""
    return run_bare(shim, endpoint, "floor-shrunk.jar" if shrunk else "floor.jar",
                    ["dev.ekssteward.bench.Floor"], '"clusters"', extra_opts)


def run_calls(shim, endpoint, fn):
    """The calls-only baseline of one function (fn: its logical id in template.yaml), bench/floor's
    Calls shrunk like the functions: the same AWS calls the function makes on the tick, one after
    the other, nothing else."""
    return run_bare(shim, endpoint, "calls-shrunk.jar",
                    ["dev.ekssteward.bench.Calls", lib.FUNCTIONS[fn]], '"calls"')


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--functions", nargs="*", default=list(lib.FUNCTIONS))
    args = ap.parse_args()
    load_start = os.getloadavg()  # the machine is shared: say how busy it was
    template = naive_template()
    env_vars = lib.write_env_vars("coldstart-env.json", {
        "DRY_RUN": "true", "CONFIG_PREFIX": "/eks-steward", "AUDIT_BUS": "eks-steward-audit"})
    moto = lib.Moto()
    try:
        lib.seed(moto.url)
        put_events = without_audit_tap(moto.url)
        shim = lib.JvmShim()
        samples = {"floor": [], "floor/shrunk": [], "floor/cds": []}
        for fn in args.functions:
            samples[fn] = []
            samples[fn + "/naive"] = []
            samples[fn + "/calls"] = []
            samples[fn + "/cds"] = []
        # One warm-up of each (page cache, moto's first-request imports), not recorded; the
        # floor's and each function's also record their AppCDS archive.
        run_floor(shim, moto.url, extra_opts=cds_flags("floor", record=True))
        run_floor(shim, moto.url, shrunk=True)
        for fn in args.functions:
            lib.invoke(fn, EVENT, moto.url, env_vars, None, shim.home,
                       jvm_options(cds_flags(fn, record=True)))
            shim.take()
            lib.invoke(fn, EVENT, moto.url, env_vars, template, shim.home)
            shim.take()
            run_calls(shim, moto.url, fn)
        for r in range(args.runs):
            lib.log(f"cold start round {r + 1}/{args.runs}")
            wall, rss, _ = run_floor(shim, moto.url)
            samples["floor"].append({"wall": wall, "rss": rss, "total": wall})
            wall, rss, _ = run_floor(shim, moto.url, shrunk=True)
            samples["floor/shrunk"].append({"wall": wall, "rss": rss, "total": wall})
            wall, rss, _ = run_floor(shim, moto.url, extra_opts=cds_flags("floor"))
            samples["floor/cds"].append({"wall": wall, "rss": rss, "total": wall})
            for fn in args.functions:
                wall, rss, _ = run_calls(shim, moto.url, fn)
                samples[fn + "/calls"].append({"wall": wall, "rss": rss, "total": wall})
                for name, tpl, opts in ((fn, None, None), (fn + "/naive", template, None),
                                        (fn + "/cds", None, jvm_options(cds_flags(fn)))):
                    reply, err, total, rc = lib.invoke(fn, EVENT, moto.url, env_vars, tpl,
                                                       shim.home, opts)
                    wall, rss, jrc = shim.take()
                    ok = rc == 0 and reply is not None and "errorType" not in reply
                    if not ok:
                        lib.log(f"  {name} failed (rc {rc}): {(reply or {}).get('errorMessage')}"
                                f" {err[-500:]}")
                    samples[name].append({"wall": wall, "rss": rss, "total": total, "ok": ok,
                                          "status": (reply or {}).get("status"),
                                          "errors": len((reply or {}).get("errors") or [])})
        marks = {fn: startup_marks(fn, moto.url, env_vars, shim) for fn in args.functions}
        simulator = simulator_times(moto.url, args.functions, env_vars, shim)
        lib.save("coldstart.json", {"runs": args.runs, "samples": samples,
                                    "motoPutEventsMs": put_events, "marks": marks,
                                    "simulator": simulator,
                                    "loadAverage": {"start": load_start, "end": os.getloadavg()}})
    finally:
        moto.close()


if __name__ == "__main__":
    main()
