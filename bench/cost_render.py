"""The sections of docs/performance.md on what the protections cost and what the steward costs a
month, rendered from bench/.out/ (the arithmetic itself is in cost.py)."""
import json
import os
import re

import cost
import lib

SCHED = "NodegroupSchedulerFunction"
TAGS = "TagEnforcerFunction"
FARGATE = "FargateProfileReconcilerFunction"
ROTATOR = "ThumbprintRotatorFunction"
LATENCY_MS = 25
CONCURRENCY = 16  # scheduler.maxConcurrency's default
SIZES = (10, 100, 1000)
ORDER = ["evening", "morning", "day", "next evening"]


def in_order(runs):
    return sorted(runs.items(), key=lambda x: (x[0][1], ORDER.index(x[0][0])))


def load(name):
    path = os.path.join(lib.OUT, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def usd(x):
    return f"${x:,.2f}" if x >= 0.01 or x == 0 else f"${x:,.4f}"


def kms_calls(calls):
    return sum(v for k, v in calls.items() if k.startswith("kms:"))


def runs_by_phase(sweep):
    """{(phase, clusters): run} of the scheduler's live sweeps."""
    out = {("evening", r["clusters"]): r for r in sweep.get("sweeps", []) if r["function"] == SCHED}
    out.update({(r["phase"], r["clusters"]): r for r in sweep.get("phases", [])})
    return out


def security(out, summary):
    sweep = load("sweep.json") or {}
    runs = runs_by_phase(sweep)
    if runs:
        kms_table(out, runs)
    kmscold(out, summary)
    config_reads(out, sweep, runs)


def kms_table(out, runs):
    out.append("**KMS calls of the scheduler, counted at the proxy.** The live sweeps of \"Fleet "
               "sweep\" (every group tagged with a schedule that is down now: the evening), then, "
               "on the same fleet, the config changed so that the schedule is up (the morning: "
               "every group restored), then once more (the day: nothing to do), then the evening "
               "config again (the next evening: the clusters are in the record index now, so "
               "the scale-downs are not held back for a second round). Time at the "
               f"proxy's {LATENCY_MS} ms per call: a KMS call sits in its group's own sequence "
               "(sign, then write the record, then scale), so it adds 25 ms to each group's "
               f"work; the run's wall time grows by about calls × 25 ms ÷ {CONCURRENCY} (the "
               "clusters worked at once, `scheduler.maxConcurrency`). Price: $0.03 per 10,000 "
               "requests (see \"What the steward costs\" for the source).\n")
    out.append("| run | clusters × groups | groups changed | GenerateMac | VerifyMac | KMS calls "
               "per group | of all calls | added serial time | ≈ added wall | run wall | KMS $ "
               "per run | all calls / minimum |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for (phase, n), r in in_order(runs):
        k = kms_calls(r["calls"])
        serial = k * LATENCY_MS
        out.append(f"| {phase} | {n:,} × 5 | {r.get('changed', r['applied']):,} | "
                   f"{r['calls'].get('kms:GenerateMac', 0):,} | "
                   f"{r['calls'].get('kms:VerifyMac', 0):,} | {k / r['groups']:.2f} | "
                   f"{k / r['totalCalls']:.1%} | {serial / 1000:,.1f} s | "
                   f"{serial / min(CONCURRENCY, n) / 1000:,.2f} s | {r['wallMs'] / 1000:,.1f} s | "
                   f"{usd(k * cost.PRICES['kmsRequest'])} | "
                   f"{r['totalCalls'] / max(1, sum(r['minimum'].values())):.3f} |")
    day = [r for (phase, _), r in runs.items() if phase == "day"]
    if day:
        out.append(f"\nThe day's tick made {sum(kms_calls(r['calls']) for r in day)} KMS calls "
                   "over all sizes: with no record to act on, no KMS class is loaded and no client "
                   "built (`KmsRecordSigner`).")
    out.append("")


def kmscold(out, summary):
    d = load("kmscold.json")
    cs = load("coldstart.json")
    if not d:
        return
    s = d["samples"]
    out.append(f"**The record key at cold start** (`bench/kmscold.py`, {d['runs']} rounds, each "
               f"on a fresh moto with {d['clusters']} clusters × 5 groups, live). The scheduler's "
               "evening (10 records signed) and morning (10 verified) in a fresh JVM, beside two "
               "calls-only baselines of each (`bench/floor`'s `Records`): the same calls, and the "
               "same calls without the KMS ones. Paired per round. The first ratio is what our "
               "code adds over the bare calls (compare the dry-run tick's in \"Cold start\"); the "
               "second is what the KMS client and its calls cost any program.\n")
    out.append("| run | function | calls-only | calls-only without KMS | function ÷ calls-only "
               "| calls-only ÷ without KMS | KMS share of a cold start | same calls |")
    out.append("|---|---|---|---|---|---|---|---|")
    calls = d.get("calls") or {}
    for phase in ("evening", "morning"):
        fn = [x["wall"] for x in s[phase]]
        base = [x["wall"] for x in s[phase + "/calls"]]
        bare = [x["wall"] for x in s[phase + "/calls-nokms"]]
        kms_ms = lib.median([b - n for b, n in zip(base, bare)])
        ours, theirs = calls.get(phase), calls.get(phase + "/calls")
        same = ("–" if ours is None or theirs is None else "yes" if ours == theirs else
                "**no**: " + ", ".join(f"{op.split(':')[1]} {ours.get(op, 0)} vs "
                                       f"{theirs.get(op, 0)}"
                                       for op in sorted(set(ours) | set(theirs))
                                       if ours.get(op) != theirs.get(op)))
        out.append(f"| {phase} | {lib.median(fn):,.0f} ms | {lib.median(base):,.0f} ms | "
                   f"{lib.median(bare):,.0f} ms | {paired(fn, base):.2f}× | "
                   f"{paired(base, bare):.2f}× | {kms_ms:+,.0f} ms | {same} |")
    if cs and cs["samples"].get(SCHED) and cs["samples"].get(SCHED + "/calls"):
        tick = paired([x["wall"] for x in cs["samples"][SCHED]],
                      [x["wall"] for x in cs["samples"][SCHED + "/calls"]])
        out.append(f"\nFor comparison, the dry-run tick on the demo fleet (\"Cold start\", no KMS): "
                   f"scheduler ÷ its calls-only {tick:.2f}×.")
    out.append("")


def paired(xs, base):
    return lib.median([x / b for x, b in zip(xs, base) if b])


def config_reads(out, sweep, runs):
    cs = load("coldstart.json") or {}
    sim = cs.get("simulator") or {}
    burst = load("burst.json")
    out.append("**Config reads (Parameter Store).** Counted at the proxy. The dry-run tick on the "
               "demo fleet (2 clusters, \"Cold start\") and the live sweeps:\n")
    out.append("| function | run | GetParameter | GetParametersByPath | PutParameter | other SSM |")
    out.append("|---|---|---|---|---|---|")
    for fn, module in lib.FUNCTIONS.items():
        c = (sim.get(fn) or {}).get("calls")
        if c:
            out.append(ssm_row(module, "dry-run tick, demo fleet", c))
    for (phase, n), r in in_order(runs):
        out.append(ssm_row("nodegroup-scheduler", f"{phase}, {n:,} clusters", r["calls"]))
    for r in sweep.get("sweeps", []) + sweep.get("steady", []):
        if r["function"] != SCHED:
            out.append(ssm_row(lib.FUNCTIONS[r["function"]], f"sweep, {r['clusters']:,} clusters",
                               r["calls"]))
    out.append("\nEach function reads its config once a run (`ConfigLoader`); the Fargate "
               "reconciler also reads each cluster's desired state (one `GetParameter` a "
               "cluster, its job); the scheduler reads its ledger once a run "
               "(`GetParametersByPath` under `<prefix>/scheduler`) and writes the index of "
               "clusters with size records when it changes (`PutParameter`, the evening). "
               "Standard parameters at standard throughput cost nothing per call; the limit that "
               "matters is Parameter Store's shared throughput.")
    if burst:
        rows = sorted(burst.values(), key=lambda b: b["events"])
        out.append("\n**A burst in one warm container** (`bench/burst.py`): the tag enforcer "
                   "handling events one after the other in one JVM, one handler instance, as a "
                   "warm Lambda container does: " + "; ".join(
                       f"{b['events']} event{'s' if b['events'] > 1 else ''} → "
                       f"{b['configReads']} config read{'s' if b['configReads'] != 1 else ''} "
                       f"({b['wallMs'] / 1000:.1f} s)" for b in rows)
                   + f". It keeps what it read for {60} s (`ConfigLoader.KEEP`), so a burst "
                   "reads Parameter Store at most once a minute per warm container.")
    out.append("")


def ssm_row(module, run, calls):
    known = ("ssm:GetParameter", "ssm:GetParametersByPath", "ssm:PutParameter")
    other = sum(v for k, v in calls.items() if k.startswith("ssm:") and k not in known)
    return (f"| {module} | {run} | {calls.get('ssm:GetParameter', 0):,} | "
            f"{calls.get('ssm:GetParametersByPath', 0):,} | {calls.get('ssm:PutParameter', 0):,} "
            f"| {other} |")


# --- What the steward costs -------------------------------------------------------------------

def template_facts():
    text = open(os.path.join(lib.ROOT, "template.yaml"), encoding="utf-8").read()

    def default(param):
        m = re.search(r"\n  " + param + r":\n(?:    .*\n)*?    Default: (.+)\n", text)
        return m.group(1).strip().strip('"')

    return {"memory": int(lib.template_globals("MemorySize") or 512),
            "arm": "arm64" in (lib.template_globals("Architectures") or ""),
            "rates": {SCHED: default("NodegroupSchedulerScheduleExpression"),
                      ROTATOR: default("ThumbprintRotatorSchedule"),
                      FARGATE: default("FargateProfileReconcilerFunctionSchedule"),
                      TAGS: default("TagEnforcerFunctionSchedule")}}


def measured(rows, fn, n, key="wallMs"):
    """(value, run, how) of fn's run at n clusters. A size that was not measured (quick runs) is
    extrapolated on the line through the two largest measured sizes below it (a fixed part, the
    JVM and the config read, plus a part per cluster), or scaled from one."""
    by = {r["clusters"]: r for r in rows if r["function"] == fn}
    if n in by:
        return by[n][key], by[n], ""
    smaller = sorted(m for m in by if m < n)
    if not smaller:
        return None, None, ""
    if len(smaller) == 1:
        m = smaller[0]
        return cost.scaled(by[m][key], m, n), by[m], f" (scaled ×{n // m} from {m})"
    a, b = smaller[-2], smaller[-1]
    value = cost.extrapolated((a, by[a][key]), (b, by[b][key]), n)
    return value, by[b], f" (extrapolated from {a} and {b})"


def steward_cost(out, summary):
    sweep = load("sweep.json")
    if not sweep:
        return
    facts = template_facts()
    fan = load("fanout.json") or {}
    cs = load("coldstart.json") or {}
    tick_s = ((fan.get("tick") or {}).get("wallMs") or 0) / 1000
    phases = sweep.get("sweeps", []) + [dict(r, function=SCHED + ":" + r["phase"])
                                        for r in sweep.get("phases", [])]
    steady = sweep.get("steady", [])
    rot = [x["wall"] for x in (cs.get("samples") or {}).get(ROTATOR, [])]
    mem, arm = facts["memory"], facts["arm"]
    ticks = {fn: cost.runs_per_month(cost.rate_minutes(r)) for fn, r in facts["rates"].items()}
    evenings, mornings, quiet = cost.scheduler_mix(ticks[SCHED])
    out.append("What the steward's own AWS bill comes to, computed from this run's measurements "
               "and the template's defaults, for N clusters × 5 node groups in **one** account "
               "and region (one fan-out target). Every figure below is shown with its arithmetic; "
               "`bench/cost.py` holds it and `bench/cost_test.py` checks it.\n")
    out.append("Inputs:")
    out.append(f"- From `template.yaml`: {mem} MB, {'arm64' if arm else 'x86_64'}; schedules "
               + ", ".join(f"{lib.FUNCTIONS[fn]} `{r}` ({ticks[fn]:,.1f} ticks a month of "
                           f"{cost.HOURS_PER_MONTH} h)" for fn, r in facts["rates"].items())
               + ". Every function has `FANOUT_QUEUE_URL` and `FANOUT_MIN_TARGETS` 1: each tick "
               "is one invocation that sends the target to a FIFO queue (`SendMessageBatch`) and "
               "one worker invocation that Lambda's poller feeds (`ReceiveMessage`, "
               "`DeleteMessageBatch`): 2 invocations and 3 FIFO requests a tick.")
    out.append(f"- Fan-out tick invocation: {tick_s:.2f} s (\"Fan-out\", a cold JVM). Worker "
               "durations: the JVM wall time of the live sweeps above at 25 ms a call (cold "
               "JVMs, so an upper bound for a warm container; Lambda bills the init phase too). "
               "The scheduler's evening and morning are the sweeps of \"What the protections "
               "cost\" (the evening: the *next* evening, with the clusters in the record index; "
               "a cluster's first evening also re-reads it once, see there); its other ticks "
               "are the day's tick (nothing to do). The tag enforcer's "
               "daily sweep is its first-run sweep (every resource tagged: an upper bound). The "
               "Fargate reconciler's tick is its sweep of the same fleet with no desired state "
               "(reads only). The thumbprint rotator (daily) is its cold start on the demo fleet "
               "(2 clusters), not measured at these sizes.")
    out.append(f"- The office-hours schedule (README, `Mon-Fri 07:00-19:00`): one scale-down and "
               f"one restore a weekday: {evenings:.2f} evenings and {mornings:.2f} mornings a "
               f"month ({cost.WEEKS_PER_MONTH:.3f} weeks), {quiet:,.1f} quiet ticks.")
    out.append("- Audit events: the events each run published (changes and findings), one "
               "EventBridge custom event each. KMS: the calls counted at the proxy. Logs: the "
               "bytes each run wrote to stderr (what Lambda would ship to CloudWatch Logs), "
               "at the template's log level.\n")
    table_rows = []
    details = []
    for n in SIZES:
        lines = []
        # Scheduler: tick invocations plus one worker a tick, of three kinds.
        parts, how = {}, ""
        for phase, count in (("next evening", evenings), ("morning", mornings), ("day", quiet)):
            fn = SCHED + ":" + phase
            wall, r, note = measured(phases, fn, n)
            if wall is None:
                break
            logb, _, _ = measured(phases, fn, n, "logBytes")
            events, _, _ = measured(phases, fn, n, "auditEvents")
            kms = kms_calls(r["calls"]) * (n / r["clusters"])
            parts[phase] = (count, wall / 1000, logb, events, kms)
            how = how or note
        if len(parts) == 3:
            secs = tick_s * ticks[SCHED] + sum(c * s for c, s, _, _, _ in parts.values())
            runs = 2 * ticks[SCHED]
            lines.append(cost.line(
                "nodegroup-scheduler", runs, secs / runs, mem, sqs_requests=3 * ticks[SCHED],
                audit_events=sum(c * e for c, _, _, e, _ in parts.values()),
                kms_requests=sum(c * k for c, _, _, _, k in parts.values()),
                log_bytes=sum(c * b for c, _, b, _, _ in parts.values()), arm=arm))
            details.append(
                f"- nodegroup-scheduler, {n:,} clusters{how}: "
                + " + ".join(f"{c:,.1f} {p} × {s:.2f} s" for p, (c, s, _, _, _) in parts.items())
                + f" + {ticks[SCHED]:,.0f} fan-out ticks × {tick_s:.2f} s = {secs:,.0f} s; "
                f"× {mem / 1024:g} GB = {lines[-1]['gbSeconds']:,.0f} GB-s × "
                f"${cost.PRICES['lambdaGbSecondArm' if arm else 'lambdaGbSecondX86']} = "
                f"{usd(lines[-1]['duration'])}; {runs:,.0f} invocations × $0.20/M = "
                f"{usd(lines[-1]['requests'])}; KMS " + " + ".join(
                    f"{c:,.1f} × {k:,.0f}" for c, _, _, _, k in parts.values() if k)
                + f" = {lines[-1]['kmsRequests']:,.0f} requests × $0.03/10k = "
                f"{usd(lines[-1]['kms'])}; audit events {lines[-1]['auditEvents']:,.0f} × $1/M = "
                f"{usd(lines[-1]['events'])}; logs {lines[-1]['logBytes'] / 1e9:,.3f} GB × "
                f"$0.50 = {usd(lines[-1]['logs'])}; SQS {3 * ticks[SCHED]:,.0f} × $0.50/M = "
                f"{usd(lines[-1]['sqs'])}")
        for fn, rows in ((TAGS, sweep.get("sweeps", [])), (FARGATE, steady)):
            wall, r, note = measured(rows, fn, n)
            if wall is None:
                continue
            logb, _, _ = measured(rows, fn, n, "logBytes")
            events, _, _ = measured(rows, fn, n, "auditEvents")
            t = ticks[fn]
            secs = t * (tick_s + wall / 1000)
            lines.append(cost.line(lib.FUNCTIONS[fn], 2 * t, secs / (2 * t), mem,
                                   sqs_requests=3 * t, audit_events=t * events,
                                   log_bytes=t * logb, arm=arm))
            details.append(
                f"- {lib.FUNCTIONS[fn]}, {n:,} clusters{note}: {t:,.1f} ticks × ({tick_s:.2f} s "
                f"+ {wall / 1000:.2f} s) = {secs:,.0f} s = {lines[-1]['gbSeconds']:,.0f} GB-s = "
                f"{usd(lines[-1]['duration'])}; {2 * t:,.0f} invocations = "
                f"{usd(lines[-1]['requests'])}; {t:,.1f} × {events:,.0f} audit events = "
                f"{usd(lines[-1]['events'])}; logs {t * logb / 1e9:,.3f} GB = "
                f"{usd(lines[-1]['logs'])}; SQS {3 * t:,.0f} requests = {usd(lines[-1]['sqs'])}")
        if rot:
            t = ticks[ROTATOR]
            w = lib.median(rot) / 1000
            lines.append(cost.line("oidc-thumbprint-rotator", 2 * t,
                                   (t * (tick_s + w)) / (2 * t), mem, sqs_requests=3 * t, arm=arm))
        key = 1.0 if lines else 0.0
        lam = sum(x["duration"] + x["requests"] for x in lines)
        sqs = sum(x["sqs"] for x in lines)
        ev = sum(x["events"] for x in lines)
        kms = sum(x["kms"] for x in lines) + key
        logs = sum(x["logs"] for x in lines)
        total = lam + sqs + ev + kms + logs
        node_hours, saved = cost.savings(n, 2, cost.office_hours_down(),
                                         cost.PRICES["exampleInstanceHour"])
        table_rows.append((n, lines, lam, sqs, ev, kms, logs, total, node_hours, saved))
    out.append("| clusters × 5 groups | Lambda (GB-s and requests) | SQS (FIFO) | EventBridge "
               "(audit) | KMS (requests + key) | CloudWatch Logs | **steward a month** | "
               "node-hours avoided a month | at $0.096/h (m5.large, example) | steward ÷ "
               "savings |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    for n, lines, lam, sqs, ev, kms, logs, total, node_hours, saved in table_rows:
        out.append(f"| {n:,} × 5 | {usd(lam)} | {usd(sqs)} | {usd(ev)} | {usd(kms)} | "
                   f"{usd(logs)} | **{usd(total)}** | {node_hours:,.0f} | {usd(saved)} | "
                   f"{total / saved:.3%} |")
    out.append("\nBy function (Lambda duration + requests, the rest as above), a month:\n")
    for n, lines, *_ in table_rows:
        out.append(f"- {n:,} clusters: " + "; ".join(
            f"{x['name']} {x['invocations']:,.0f} invocations, {x['gbSeconds']:,.0f} GB-s, "
            f"{usd(x['total'])}" for x in lines))
    out.append("\nThe arithmetic:\n")
    out.extend(details)
    out.append(f"- Savings: N clusters × 5 groups × 2 nodes (the bench fleet's desired size) × "
               f"{cost.office_hours_down()} h down a week (168 − 5 × 12) × "
               f"{cost.WEEKS_PER_MONTH:.3f} weeks = node-hours; × $0.096 an hour (m5.large "
               "on-demand, Linux, us-east-1: an example instance, not a measurement).")
    out.append("- KMS: the record key's $1.00 a month is in the KMS column once.")
    out.append("\nNot in the table: the free tiers (1 M Lambda requests and 400,000 GB-s, 1 M "
               "SQS requests, 20,000 KMS requests a month, which cover most of the smaller "
               "fleets); the empty `ReceiveMessage` calls Lambda's pollers make on the four idle "
               "FIFO queues (billed as SQS requests; AWS does not publish their rate); the event-"
               "driven invocations (CloudTrail events of creates and tags by people: about one "
               "cold start each, as often as your teams create and tag); the EventBridge schedule "
               "rules themselves; CloudWatch metrics and alarms the template creates; the archive "
               "of the audit bus. EKS, IAM and Parameter Store (standard) calls carry no request "
               "charge.\n")
    out.append("Prices (us-east-1, list, read 2026-12-06):\n")
    for text, url in cost.PRICE_SOURCES:
        out.append(f"- {text}: {url}")
    out.append("")
    if table_rows:
        worst = max(r[7] / r[9] for r in table_rows if r[9])
        summary.append(("Steward's own cost ≪ what it saves", f"worst {worst:.3%} of savings",
                        "**met**" if worst < 0.05 else "**missed**"))
