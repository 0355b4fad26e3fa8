#!/usr/bin/env python3
"""Writes docs/performance.md (to stdout) from the JSON results in bench/.out/."""
import datetime
import json
import os
import platform
import subprocess

import cost_render
import lib

NOTES = os.path.join(lib.BENCH, "performance-notes.md")


def measured_at():
    """When the run wrote its results (the newest result file), not when this page was rendered."""
    times = [os.path.getmtime(os.path.join(lib.OUT, f)) for f in os.listdir(lib.OUT)
             if f.endswith(".json") and not f.endswith("-env.json")] if os.path.isdir(lib.OUT) else []
    return datetime.datetime.utcfromtimestamp(max(times)) if times else datetime.datetime.utcnow()


def load(name):
    path = os.path.join(lib.OUT, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def ms(x):
    return f"{x:,.0f} ms"


def mb(x):
    return f"{x / 1e6:.2f} MB"


def verdict(ok):
    return "**met**" if ok else "**missed**"


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.split("\n")[0]
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.system()} "
            f"{platform.release()}, {java}; shared with other builds, so every number below is "
            f"read against baselines measured in the same run")


def rss_spread(xs):
    return f"{lib.median(xs):.0f} MB ({min(xs):.0f} – {max(xs):.0f})"


def paired(xs, base):
    """Median over rounds of xs[i] / base[i] (the samples of one round share an index)."""
    return lib.median([x / b for x, b in zip(xs, base) if b])


def coldstart(out, summary):
    d = load("coldstart.json")
    if not d:
        return
    s = d["samples"]
    floor = [x["wall"] for x in s["floor"]]
    floor_rss = [x["rss"] for x in s["floor"]]
    f_med = lib.median(floor)
    out.append(f"{d['runs']} rounds; each round runs every variant once in a fresh JVM, "
               "interleaved, after one unrecorded warm-up of each. Wall time is the JVM process "
               "alone (start to exit, measured by a `java` shim that `local/invoke` is pointed at "
               "through `JAVA_HOME`); the `local/invoke` column adds its Python start-up. "
               "Peak RSS is GNU time's maximum resident set size of the JVM. The ratios are "
               "**paired**: the median over rounds of each round's own ratio (function ÷ floor of "
               "the same round, naive ÷ function of the same round), so a change in the machine's "
               "load between rounds cancels out; the ratio of the two medians is given beside "
               "it.\n")
    out.append("| variant | wall median | IQR | min – max | local/invoke median "
               "| peak RSS median (min – max) | ratio |")
    out.append("|---|---|---|---|---|---|---|")
    lo, hi, iqr = lib.spread(floor)
    out.append(f"| floor (1 EKS client, 1 call) | {ms(f_med)} | {ms(iqr)} | {ms(lo)} – {ms(hi)} "
               f"| – | {rss_spread(floor_rss)} | 1.00 |")
    shrunk = [x["wall"] for x in s.get("floor/shrunk", [])]
    if shrunk:
        lo, hi, iqr = lib.spread(shrunk)
        out.append(f"| floor, shrunk like the functions (ProGuard) | {ms(lib.median(shrunk))} | "
                   f"{ms(iqr)} | {ms(lo)} – {ms(hi)} | – | "
                   f"{rss_spread([x['rss'] for x in s['floor/shrunk']])} | "
                   f"{paired(shrunk, floor):.2f} (medians: {lib.median(shrunk) / f_med:.2f}) |")
    worst_fn, worst_naive, max_rss, failures, worst_shrunk, best_fn = 0, 99, 0, 0, 0, 99
    best_naive = 0
    for fn, module in lib.FUNCTIONS.items():
        if fn not in s:
            continue
        ours = s[fn]
        naive = s.get(fn + "/naive", [])
        failures += sum(1 for x in ours + naive if not x.get("ok"))
        w = [x["wall"] for x in ours]
        nw = [x["wall"] for x in naive]
        r_fn = paired(w, floor)
        r_naive = paired(nw, w) if nw else float("nan")
        m_fn = lib.median(w) / f_med
        m_naive = lib.median(nw) / lib.median(w) if nw else float("nan")
        worst_fn = max(worst_fn, r_fn)
        best_fn = min(best_fn, r_fn)
        if shrunk:
            worst_shrunk = max(worst_shrunk, paired(w, shrunk))
        worst_naive = min(worst_naive, r_naive)
        best_naive = max(best_naive, r_naive)
        r_shrunk = f", {paired(w, shrunk):.2f}× shrunk floor" if shrunk else ""
        for name, xs, ratio in ((module, ours, f"{r_fn:.2f}× floor{r_shrunk} "
                                               f"(medians: {m_fn:.2f}×)"),
                                (module + " (naive)", naive,
                                 f"{r_naive:.2f}× ours (medians: {m_naive:.2f}×)")):
            if not xs:
                continue
            ws = [x["wall"] for x in xs]
            lo, hi, iqr = lib.spread(ws)
            rss = [x["rss"] for x in xs]
            max_rss = max(max_rss, max(rss))
            out.append(f"| {name} | {ms(lib.median(ws))} | {ms(iqr)} | {ms(lo)} – {ms(hi)} "
                       f"| {ms(lib.median([x['total'] for x in xs]))} | {rss_spread(rss)} "
                       f"| {ratio} |")
    statuses = sorted({x.get("status") for k, v in s.items()
                       if not k.startswith("floor") and not k.endswith("/calls") for x in v},
                      key=str)
    out.append(f"\nEvery invocation {'succeeded' if not failures else f'— {failures} failed'} "
               f"(report statuses seen: {', '.join(str(x) for x in statuses)}).\n")
    bound = calls_only(out, d, floor)
    breakdown(out, d.get("marks") or {})
    simulator_share(out, d)
    appcds(out, s, floor)
    la = d.get("loadAverage")
    if la:
        out.append(f"Load average of the machine (1, 5, 15 min) when the cold-start rounds began: "
                   f"{', '.join(f'{x:.1f}' for x in la['start'])}; when they ended: "
                   f"{', '.join(f'{x:.1f}' for x in la['end'])}.\n")
    pe = d.get("motoPutEventsMs")
    if pe:
        out.append(f"The seeded moto's audit bus has no rule during these runs: with the demo's "
                   f"rule to an SQS queue, moto took {ms(pe['withRule'])} for one PutEvents of 10 "
                   f"entries (it delivers inside the call), without it {ms(pe['withoutRule'])}. "
                   f"The functions make the same PutEvents calls either way.\n")
    summary.append(("Cold start: function ≤ 1.3× floor", f"best {best_fn:.2f}×, worst {worst_fn:.2f}×",
                    verdict(worst_fn <= 1.3)))
    if shrunk:
        summary.append(("(same, against the floor shrunk like the functions)",
                        f"worst {worst_shrunk:.2f}×", verdict(worst_shrunk <= 1.3)))
    if bound:
        summary.append(("(the same AWS calls alone, no code of ours: the least a function can be)",
                        f"best {min(bound):.2f}×, worst {max(bound):.2f}×",
                        "**below 1.3× for every function**" if max(bound) <= 1.3 else
                        "**over 1.3× for " + str(sum(1 for b in bound if b > 1.3))
                        + " function(s)**"))
    summary.append(("Cold start: naive ≥ 1.2× slower than ours",
                    f"least {worst_naive:.2f}×, most {best_naive:.2f}×",
                    verdict(worst_naive >= 1.2)))
    summary.append(("Peak RSS of a local invoke ≤ 200 MB", f"max {max_rss:.0f} MB",
                    verdict(max_rss <= 200)))


def calls_only(out, d, floor):
    """Each function against its calls-only baseline: the same AWS calls, nothing of ours.
    Returns the baselines' paired ratios to the floor."""
    s, sim = d["samples"], d.get("simulator") or {}
    rows = [(fn, module) for fn, module in lib.FUNCTIONS.items() if s.get(fn + "/calls") and fn in s]
    if not rows:
        return []
    out.append("**The calls alone.** In every round each function's calls-only baseline ran too: "
               "`bench/floor`'s `Calls`, a bare program that makes the AWS calls the function "
               "makes on this tick (the same operations, as many times, and for "
               "oidc-thumbprint-rotator the same issuer fetches) one after the other, with "
               "clients built like the floor's and shrunk with the same ProGuard rules, and does "
               "nothing else: no config parsing, planning, report or audit logic. A program that "
               "makes these calls one after the other does no less, so its ratio to the floor is "
               "the least the function's can be, short of doing the work on the machine's second "
               "core (the functions observe clusters in parallel, which is how a function can "
               "come out a little under its baseline). The last column compares the calls each "
               "made, as `bench/proxy.py` counted them.\n")
    out.append("| function | calls-only wall median | calls-only ÷ floor | function ÷ calls-only "
               "(what our code adds) | same calls |")
    out.append("|---|---|---|---|---|")
    bound = []
    for fn, module in rows:
        cw = [x["wall"] for x in s[fn + "/calls"]]
        w = [x["wall"] for x in s[fn]]
        b = paired(cw, floor)
        bound.append(b)
        ours, theirs = (sim.get(fn) or {}).get("calls"), (sim.get(fn + "/calls") or {}).get("calls")
        same = ("–" if ours is None or theirs is None else "yes" if ours == theirs else
                "**no**: " + ", ".join(f"{op.split(':')[1]} {ours.get(op, 0)} vs {theirs.get(op, 0)}"
                                       for op in sorted(set(ours) | set(theirs))
                                       if ours.get(op) != theirs.get(op)))
        out.append(f"| {module} | {ms(lib.median(cw))} | {b:.2f}× | {paired(w, cw):.2f}× "
                   f"| {same} |")
    out.append("")
    return bound


def simulator_share(out, d):
    """How much of each wall time is moto answering the calls (measured in separate runs)."""
    sim = d.get("simulator")
    s = d["samples"]
    if not sim or "floor" not in sim:
        return
    f_med = lib.median([x["wall"] for x in s["floor"]])
    f_sim = sim["floor"]["ms"]
    out.append("**How much of it is moto answering.** Each variant ran three more times, untimed, "
               "through `bench/proxy.py` with no added latency, which times moto's answer to "
               "every call (median of the three runs). The floor makes one call; a function makes "
               "every call its work needs, and each of those costs moto a few milliseconds of "
               "Python. The last column takes moto's time out of both sides of the ratio: it is "
               "not the target (the target counts moto's time, as the issue defines it), it says "
               "how much of each ratio is the JVM's work and how much is the simulator's. It "
               "leans in the functions' favour: their clusters are observed in parallel, so "
               "some of moto's time overlaps work the JVM does meanwhile.\n")
    out.append("| variant | AWS calls in one run | moto's time answering them | wall median "
               "| wall without moto's time | ÷ floor, both without moto's time |")
    out.append("|---|---|---|---|---|---|")
    out.append(f"| floor | {sum(sim['floor']['calls'].values())} | {ms(f_sim)} | {ms(f_med)} "
               f"| {ms(f_med - f_sim)} | 1.00 |")
    for fn, module in lib.FUNCTIONS.items():
        if fn not in sim or fn not in s:
            continue
        w = lib.median([x["wall"] for x in s[fn]])
        m = sim[fn]["ms"]
        calls = ", ".join(f"{op.split(':')[1]} {n}" for op, n in sim[fn]["calls"].items())
        out.append(f"| {module} | {sum(sim[fn]['calls'].values())} ({calls}) | {ms(m)} | {ms(w)} "
                   f"| {ms(w - m)} | {(w - m) / (f_med - f_sim):.2f}× |")
    out.append("")


def appcds(out, s, floor):
    """The floor and each function with an AppCDS archive of their own (informational)."""
    f_cds = [x["wall"] for x in s.get("floor/cds", [])]
    if not f_cds:
        return
    out.append("**With an AppCDS archive** (informational; not shipped, see below). The floor and "
               "each function also ran in every round with a dynamic class-data-sharing archive "
               "of their own, recorded in their unrecorded warm-up run "
               "(`-XX:ArchiveClassesAtExit`, then `-Xshare:on -XX:SharedArchiveFile`, so a run "
               "that could not use its archive would fail instead of quietly starting without "
               "it). Ratios paired by round as above.\n")
    out.append("| variant | wall median with its archive | ÷ the same without one "
               "| ÷ floor with its archive | ÷ floor without one |")
    out.append("|---|---|---|---|---|")
    out.append(f"| floor | {ms(lib.median(f_cds))} | {paired(f_cds, floor):.2f} | 1.00 "
               f"| {paired(f_cds, floor):.2f} |")
    for fn, module in lib.FUNCTIONS.items():
        xs = s.get(fn + "/cds")
        if not xs or fn not in s:
            continue
        w = [x["wall"] for x in xs]
        failed = sum(1 for x in xs if not x.get("ok"))
        note = f" ({failed} failed)" if failed else ""
        out.append(f"| {module}{note} | {ms(lib.median(w))} "
                   f"| {paired(w, [x['wall'] for x in s[fn]]):.2f} | {paired(w, f_cds):.2f}× "
                   f"| {paired(w, floor):.2f}× |")
    out.append("")


PHASES = [  # (label, the mark that ends the phase: a prefix of its text)
    ("JVM start → the runner's main", "runner: main"),
    ("runner start-up, handler class, Dagger graph, handler constructor",
     "runner: handler constructed"),
    ("event read (the handler's own JSON reader)", "handler: event parsed"),
    ("trigger parsed, config read (the first SDK call: SSM GetParameter)", "run: config loaded"),
    ("targets and scopes listed (ListClusters where the function lists clusters)", "run: "),
    ("every scope observed and planned (Describe/List calls; TLS probes for thumbprints)",
     "run: scopes done"),
    ("audit events published (PutEvents)", "run: audit published"),
    ("reply written", "runner: reply written"),
]


def breakdown(out, marks):
    """The path of one marked run per function, phase by phase."""
    fns = [fn for fn in lib.FUNCTIONS if marks.get(fn)]
    if not fns:
        return
    out.append("**Where the time goes** (one extra run per function with the startup marks on, "
               "`-Dsteward.startupMarks=true`; ms of each phase on the invocation's path, "
               "in order):\n")
    out.append("| phase | " + " | ".join(lib.FUNCTIONS[f] for f in fns) + " |")
    out.append("|---|" + "---|" * len(fns))
    ends = {}
    for fn in fns:
        ends[fn], at, i = [], 0, 0
        main = marks[fn]
        for label, prefix in PHASES:
            hit = None
            for j in range(i, len(main)):
                what = main[j][2]
                if what.startswith(prefix) and (prefix != "run: " or what.endswith("scopes listed")):
                    hit = j
                    break
            if hit is None:
                ends[fn].append(None)
                continue
            ends[fn].append(main[hit][0] - at)
            at, i = main[hit][0], hit + 1
    for k, (label, _) in enumerate(PHASES):
        cells = [("–" if ends[f][k] is None else f"{ends[f][k]:,}") for f in fns]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    totals = [max((m[0] for m in marks[f]), default=0) for f in fns]
    out.append("| **total** | " + " | ".join(f"**{t:,}**" for t in totals) + " |")
    out.append("")


def size(out, summary):
    d = load("size-target.json")
    naive = load("size-target-naive.json") or {}
    if not d:
        return
    out.append("| jar | bytes | unshrunk (shaded, before ProGuard) | SDK service modules | "
               "Apache/Netty inside | naive (-Pnaive) jar |")
    out.append("|---|---|---|---|---|---|")
    biggest = 0
    clean = True
    for module, m in d.items():
        biggest = max(biggest, m["bytes"])
        clean = clean and not m["unwanted"]
        n = naive.get(module)
        u = m.get("unshrunk")
        out.append(f"| {module}.jar | {m['bytes']:,} ({mb(m['bytes'])}) | "
                   f"{mb(u['bytes']) if u else '–'} | "
                   f"{', '.join(m['sdkServices'])} | {', '.join(m['unwanted']) or 'none'} | "
                   f"{mb(n['bytes']) + ' (' + ', '.join(n['unwanted']) + ')' if n else '–'} |")
    out.append("\nLargest parts of each jar (compressed bytes, by top-level package; SDK service "
               "modules one by one):\n")
    for module, m in d.items():
        parts = ", ".join(f"{g['group'].replace('software/amazon/awssdk/', 'sdk/')} "
                          f"{g['compressed'] / 1e6:.2f}" for g in m["groups"][:7])
        out.append(f"- **{module}**: {parts} (MB)")
    out.append("")
    summary.append(("Jar ≤ 20 MB, no Apache/Netty", f"largest {mb(biggest)}",
                    verdict(biggest <= 20e6 and clean)))
    summary.append(("Stretch: jar ≤ 12 MB", f"largest {mb(biggest)}", verdict(biggest <= 12e6)))


def ratio(r):
    mins = sum(r["minimum"].values())
    return r["totalCalls"] / mins if mins else float("nan")


def sweeps(out, summary):
    d = load("sweep.json")
    if not d:
        return
    rows = d["sweeps"]
    out.append("| function | clusters × groups | wall (JVM) | per cluster | API calls | minimum "
               "| calls / minimum | changes | left undone | peak RSS |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    worst_ratio, at1000, linear, by1000 = 0, None, [], []
    for r in rows:
        mins = sum(r["minimum"].values())
        worst_ratio = max(worst_ratio, ratio(r))
        if r["clusters"] == 1000:
            at1000 = max(at1000 or 0, r["wallMs"])
            over = r["wallMs"] / 60000 - 1
            by1000.append(f"{r['function'].replace('Function', '')} {r['wallMs'] / 1000:.0f} s"
                          + (f" (+{over:.0%})" if over > 0 else ""))
        out.append(f"| {r['function']} | {r['clusters']} × 5 | {ms(r['wallMs'])} | "
                   f"{r['wallMs'] / r['clusters']:.0f} ms | {r['totalCalls']:,} | {mins:,} | "
                   f"{ratio(r):.3f} | {r['applied']:,} | {r['state']['notDone']} of "
                   f"{r['state']['resources']:,} | {r['rssMb']:.0f} MB |")
    out.append("\nCalls by operation (actual / minimum):\n")
    for r in rows:
        ops = sorted(set(r["calls"]) | set(r["minimum"]))
        parts = ", ".join(f"{op.split(':')[1]} {r['calls'].get(op, 0):,}/"
                          f"{r['minimum'].get(op, 0):,}" for op in ops)
        out.append(f"- {r['function']}, {r['clusters']} clusters: {parts}")
    for fn in sorted({r["function"] for r in rows}):
        by = {r["clusters"]: r["wallMs"] for r in rows if r["function"] == fn}
        if 100 in by and 1000 in by:
            linear.append((fn, by[1000] / by[100]))
        elif 10 in by and 100 in by:
            linear.append((fn, by[100] / by[10]))
    zl = d.get("zeroLatency") or []
    if zl:
        out.append("\nThe same 1,000-cluster sweeps with **no added latency** (what moto and the "
                   "proxy alone cost on this machine):\n")
        for r in zl:
            at = next((x for x in rows if x["function"] == r["function"]
                       and x["clusters"] == r["clusters"]), None)
            extra = f"; with 25 ms: {ms(at['wallMs'])}" if at else ""
            out.append(f"- {r['function']}: {ms(r['wallMs'])} for {r['totalCalls']:,} calls "
                       f"({r['wallMs'] / r['totalCalls']:.1f} ms of simulator per call){extra}")
    wide = d.get("wide") or []
    if wide:
        out.append(f"\nThe same 1,000-cluster sweeps at 25 ms with `scheduler.maxConcurrency` "
                   f"{wide[0]['concurrency']} instead of the default (16):\n")
        for r in wide:
            out.append(f"- {r['function']}: {ms(r['wallMs'])}, {r['totalCalls']:,} calls "
                       f"({ratio(r):.3f}× minimum), {r['state']['notDone']} left undone")
    out.append("")
    summary.append(("Sweep: API calls ≤ 1.05× minimum", f"worst {worst_ratio:.3f}×",
                    verdict(worst_ratio <= 1.05)))
    if at1000 is not None:
        summary.append(("Sweep: 1,000 × 5 at 25 ms ≤ 60 s", ", ".join(by1000),
                        verdict(at1000 <= 60000)))
    if linear:
        worst = max(x[1] for x in linear)
        summary.append(("Sweep: wall time no worse than linear",
                        "10× clusters → " + ", ".join(f"{x[1]:.1f}× ({x[0]})" for x in linear),
                        verdict(worst <= 10.5)))


def throttling(out, summary):
    d = load("sweep.json")
    if not d or not d.get("throttled"):
        return
    base = {(r["function"], r["clusters"]): r for r in d["sweeps"]}
    out.append("| function | throttle answer | throttled calls | API calls that got through | "
               "wall | vs unthrottled | status | errors | left undone |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    all_done = True
    for r in d["throttled"]:
        b = base.get((r["function"], r["clusters"]))
        kind, every = r["throttle"]
        all_done = all_done and r["state"]["notDone"] == 0 and not r["errors"]
        out.append(f"| {r['function']} | every {every}th EKS call: "
                   f"{'InvalidRequestException “Request limit exceeded”' if kind == 'request-limit' else 'ThrottlingException'} "
                   f"| {r['totalThrottled']:,} | {r['totalCalls']:,} | {ms(r['wallMs'])} | "
                   f"{r['wallMs'] / b['wallMs']:.2f}× |" if b else "| – |")
        out[-1] += (f" {r['status']} | {len(r['errors'] or [])} | {r['state']['notDone']} of "
                    f"{r['state']['resources']:,} |")
    out.append("")
    summary.append(("Throttled 100-cluster sweep completes, nothing left undone",
                    "see table", verdict(all_done)))


def fanout(out, summary):
    d = load("fanout.json")
    if not d:
        return
    inv = d["invocations"]
    c = d.get("consumer") or {}
    out.append(f"Simulator run: tag sweep, {len(d['regions'])} regions "
               f"({', '.join(d['regions'])}) × {d['clusters']} clusters × {d['groups']} node "
               f"groups, {d['latencyMs']:.0f} ms per call, SQS batch size {d['batch']}, a FIFO "
               f"fan-out queue as in the template (visibility timeout {c.get('visibilityTimeout')} s, "
               f"redrive to a FIFO failure queue after {c.get('maxReceiveCount')} receives), SQS "
               f"timers at {d.get('timeScale', 1):g}× real time (moto's `sqsTimeScale`).\n")
    out.append(f"- Tick: status `{d['tick']['status']}` — {d['tick']['reason']} "
               f"({ms(d['tick']['wallMs'])}).")
    dup = d.get("duplicateTick")
    if dup:
        out.append(f"- The same tick delivered again: status `{dup['status']}`; messages in the "
                   f"queue {dup['queuedAfterFirst']} before, {dup['queuedAfterSecond']} after "
                   "(SQS dropped the copies by their (target, tick) de-duplication ids).")
    for i, x in enumerate(inv, 1):
        note = (f" — every EKS call refused during this one ({x['throttledEks']} refusals), so "
                "its messages are returned for redelivery" if x.get("throttledEks") else "")
        out.append(f"- Worker invocation {i}: {x['messages']} messages, reply "
                   f"`{json.dumps(x['reply'])}`, {ms(x['wallMs'])}{note}.")
    out.append(f"- SQS calls: {', '.join(f'{k} {v}' for k, v in d['calls'].items() if k.startswith('sqs:')) or 'none through the proxy'}; "
               f"EKS TagResource {d['calls'].get('eks:TagResource', 0):,}.")
    out.append(f"- End state: {d['notDone']} of {d['resources']:,} resources left undone.")
    p = d.get("poison")
    if p:
        out.append(f"- A message that is not ours: refused on each of its {p['receives']} receives, "
                   f"then moved to the FIFO failure queue by SQS after {p['sqsSeconds'] / 60:.0f} "
                   f"minutes of SQS time" + ("" if p["inFailureQueue"] else " — **it never got there**")
                   + ".")
    out.append("")
    ok = (d["tick"]["status"] == "fanned-out" and d["notDone"] == 0 and len(inv) > 1
          and inv[0]["failures"] == inv[0]["messages"]
          and all(x["reply"] == {"batchItemFailures": []} for x in inv[1:]))
    summary.append(("Fan-out beyond one invocation", "shown in the simulator", verdict(ok)))
    if dup:
        summary.append(("Fan-out: a tick delivered twice queues nothing new",
                        f"{dup['queuedAfterFirst']} → {dup['queuedAfterSecond']} messages",
                        verdict(dup["queuedAfterSecond"] == dup["queuedAfterFirst"] > 0)))
    if p:
        summary.append(("Fan-out: a poison message is in the failure queue within an hour",
                        f"{p['sqsSeconds'] / 60:.0f} min (SQS time)",
                        verdict(p["inFailureQueue"] and p["allRefused"] and p["sqsSeconds"] <= 3600)))
    k = d.get("keepUp")
    if not k:
        return
    out.append(f"**Keeping up with {k['targets']} (account, region) targets on a "
               f"{k['everySeconds'] // 60}-minute schedule.** Worked out from the slowest "
               f"successful worker invocation above ({ms(k['runMs'])}, JVM start included, "
               "counted as one target's run): before, with reserved concurrency 1, a batch's "
               "messages ran one after the other and the tick waited for the same single slot; "
               f"now the event source mapping runs up to {c.get('maximumConcurrency')} "
               "invocations at once (`FanOutMaximumConcurrency`), each counted here as running "
               "one target at a time (a batch's targets in fact run in parallel, so this is an "
               "upper bound). Retry and failure-queue times follow from the queue's visibility "
               "timeout and `maxReceiveCount`.\n")
    out.append("| consumer | a tick's targets done after | keeps up | throttled batch retried after | poison message in the failure queue after |")
    out.append("|---|---|---|---|---|")
    for name, key in (("before: standard queue, reserved concurrency 1, visibility 1,800 s, 20 receives", "before"),
                      (f"now: FIFO queue, maximum concurrency {c.get('maximumConcurrency')}, "
                       f"visibility {c.get('visibilityTimeout')} s, {c.get('maxReceiveCount')} receives", "now")):
        r = k[key]
        out.append(f"| {name} | {r['seconds']:,.0f} s | {'yes' if r['keepsUp'] else '**no**'} | "
                   f"{r['throttledRetrySeconds'] / 60:.1f} min | {r['poisonSeconds'] / 3600:.1f} h |")
    out.append("")
    now = k["now"]
    summary.append((f"Fan-out: {k['targets']} targets done within a {k['everySeconds'] // 60}-minute tick",
                    f"{now['seconds']:,.0f} s (before: {k['before']['seconds']:,.0f} s)",
                    verdict(now["keepsUp"])))
    summary.append(("Fan-out: a throttled batch is retried within minutes",
                    f"{now['throttledRetrySeconds'] / 60:.1f} min (before: 30 min)",
                    verdict(now["throttledRetrySeconds"] <= 600)))


VARIANT_TEXT = {
    "plain-records": "records' generated equals/hashCode (java.lang.runtime.ObjectMethods) "
                     "instead of the written-out ones of the records compared on the tick's path",
    "indy-concat": "javac's default string concatenation (invokedynamic) instead of the root "
                   "pom's -XDstringConcat=inline",
    "runtime-serde": "the Lambda runtime's serializer fills ScheduledEvent instead of our reader",
}


def variants(out, summary):
    """What each hand-optimised idiom and each way of reading the event costs (bench/variants.py):
    the paired difference to the real jars in the same rounds."""
    d = load("variants.json")
    if not d:
        return
    samples = d["samples"]
    names = [n for n in next(iter(samples.values())) if n != "ours"]
    out.append(f"{d['runs']} rounds; each round runs every function's real jar and each variant once, "
               "on the schedule tick (dry-run, the demo fleet). A cell is the variant's median wall "
               "time and, in brackets, the median over rounds of variant minus ours: what the real "
               "jar saves by not being that variant.\n")
    out.append("| function | ours | " + " | ".join(names) + " |")
    out.append("|---|---|" + "---|" * len(names))
    saved = {n: [] for n in names}
    pairs = {n: [] for n in names}
    for fn, by in samples.items():
        row = [lib.FUNCTIONS.get(fn, fn), ms(lib.median(by["ours"]))]
        for n in names:
            diffs = [v - o for v, o in zip(by[n], by["ours"])]
            pairs[n].extend(diffs)
            diff = lib.median(diffs)
            saved[n].append(diff)
            row.append(f"{ms(lib.median(by[n]))} ({diff:+.0f} ms)")
        out.append("| " + " | ".join(row) + " |")
    out.append("")
    # A further run of some variants (variants.py --out variants-extra.json) adds its paired rounds
    # to those variants' verdicts; the table above stays this run's.
    extra = load("variants-extra.json") or {"runs": 0, "samples": {}}
    for fn, by in extra["samples"].items():
        for n in names:
            if n in by:
                pairs[n].extend(v - o for v, o in zip(by[n], by["ours"]))
    for n in names:
        out.append(f"- **{n}**: {VARIANT_TEXT.get(n, n)}.")
        # Judged on every function's rounds together: one function's median moves by tens of ms
        # between runs here (single runs spread by ±300 ms), the pooled one much less.
        pooled = lib.median(pairs[n])
        more = any(n in by for by in extra["samples"].values())
        if more:
            out.append(f"  Its verdict pools these {d['runs']} rounds with {extra['runs']} more of a "
                       f"further run (`variants.py --out variants-extra.json`): "
                       f"{len(pairs[n])} paired rounds, the variant slower in "
                       f"{sum(1 for x in pairs[n] if x > 0)}.")
        summary.append((f"{n}: kept only if it saves ≥ 10 ms on its own (median of all "
                        "functions' paired rounds)",
                        f"saves {pooled:.0f} ms (per function {min(saved[n]):.0f}–"
                        f"{max(saved[n]):.0f} ms)",
                        "kept" if pooled >= 10 else "below 10 ms: plain Java"))
    out.append("")


def before_after(out, summary):
    """This run beside an earlier commit's, measured in the same session by bench/before."""
    before_dir = os.path.join(lib.OUT, "before")
    try:
        cs_before = json.load(open(os.path.join(before_dir, "coldstart.json"), encoding="utf-8"))
        size_before = json.load(open(os.path.join(before_dir, "size-target.json"), encoding="utf-8"))
        commit = open(os.path.join(before_dir, "commit"), encoding="utf-8").read().strip()
    except (OSError, ValueError):
        return
    cs_after, size_after = load("coldstart.json"), load("size-target.json")
    if not cs_after or not size_after:
        return
    out.append(f"Before: `{commit}`, measured by `bench/before` in the same session as this run. "
               "What is compared is each function's cold start **÷ its calls-only baseline** "
               "(what our code adds over the bare AWS calls; paired per round, so the machine's "
               "speed cancels out) and the jar size in bytes. Budget: within 5 % of before.\n")
    out.append("| function | ours ÷ calls-only, before | after | change | jar before | jar after "
               "| change |")
    out.append("|---|---|---|---|---|---|---|")
    worst_time, worst_size = -1.0, -1.0
    for fn, module in lib.FUNCTIONS.items():
        b, a = cs_before["samples"], cs_after["samples"]
        if not (b.get(fn) and b.get(fn + "/calls") and a.get(fn) and a.get(fn + "/calls")):
            continue
        rb = paired([x["wall"] for x in b[fn]], [x["wall"] for x in b[fn + "/calls"]])
        ra = paired([x["wall"] for x in a[fn]], [x["wall"] for x in a[fn + "/calls"]])
        sb, sa = size_before[module]["bytes"], size_after[module]["bytes"]
        dt, ds = ra / rb - 1, sa / sb - 1
        worst_time, worst_size = max(worst_time, dt), max(worst_size, ds)
        out.append(f"| {module} | {rb:.3f}× | {ra:.3f}× | {dt:+.1%} | {mb(sb)} | {mb(sa)} "
                   f"| {ds:+.1%} |")
    out.append("")
    summary.append(("Cold start ÷ calls-only within 5 % of before", f"worst {worst_time:+.1%}",
                    verdict(worst_time <= 0.05)))
    summary.append(("Jar size within 5 % of before", f"worst {worst_size:+.1%}",
                    verdict(worst_size <= 0.05)))


def main():
    out, summary = [], []
    sections = []
    for title, fn in (("Cold start", coldstart),
                      ("Before and after", before_after),
                      ("What each idiom and each event reader is worth", variants),
                      ("Package size", size),
                      ("Fleet sweep (25 ms per call)", sweeps),
                      ("Throttling (100 clusters × 5 groups)", throttling),
                      ("Fan-out beyond one invocation", fanout),
                      ("What the protections cost", cost_render.security),
                      ("What the steward costs a month", cost_render.steward_cost)):
        body = []
        fn(body, summary)
        sections.append((title, body))
    notes = open(NOTES, encoding="utf-8").read() if os.path.exists(NOTES) else ""
    head, _, tail = notes.partition("<!-- results -->")
    out.append(head.rstrip() + "\n")
    out.append(f"Measured {measured_at():%Y-%m-%d %H:%M} UTC on {machine()}.\n")
    sweep, cold = load("sweep.json") or {}, load("coldstart.json") or {}
    thousand = any(r["clusters"] >= 1000 for r in sweep.get("sweeps", []))
    if sweep.get("sweeps") and not thousand:
        out.append("**This is a quick run** (`bench/run --quick`): 3 cold-start rounds, sweeps "
                   "of 10 and 100 clusters only. The 1,000-cluster targets are not judged, and "
                   "the cost table's 1,000-cluster row is extrapolated from 10 and 100.\n")
    elif cold.get("runs", 9) < 9:
        out.append(f"**Not a full run**: {cold['runs']} cold-start rounds (`bench/run --quick`); "
                   "the sweeps, including 1,000 clusters, were run on their own afterwards "
                   "(without the zero-latency and maxConcurrency-8 comparisons).\n")
    out.append("## Targets\n")
    out.append("| target | result | |")
    out.append("|---|---|---|")
    for t, r, v in summary:
        out.append(f"| {t} | {r} | {v} |")
    out.append("")
    for title, body in sections:
        out.append(f"## {title}\n")
        out.extend(body)
        out.append("")
    out.append(tail.strip() + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
