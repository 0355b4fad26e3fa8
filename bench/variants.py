#!/usr/bin/env python3
"""What each way of reading the event, and each hand-optimised idiom, is worth at a cold start.

Builds the function jars again from a copy of this checkout with one change each, then runs every
function on events/schedule-tick.json (dry-run, the demo fleet) in fresh JVMs, round by round with
the real jars in every round, and writes bench/.out/variants.json (render.py turns it into a table).

  runtime-serde   the event read by the Lambda runtime's own serializer (aws-lambda-java-
                  serialization, as the runtime has it) into a ScheduledEvent, through a handler
                  typed RequestHandler<ScheduledEvent, Map>, instead of our reader filling it

  indy-concat     javac's default string concatenation (invokedynamic through
                  StringConcatFactory) instead of the root pom's -XDstringConcat=inline; an idiom
                  stays only while it saves at least 10 ms on its own (all functions' paired
                  rounds pooled)

  plain-records   the records whose equals/hashCode are written out (marked "// Written out:")
                  get the generated ones back (java.lang.runtime.ObjectMethods at first use)

  bench/variants.py [--runs N] [--variants NAME ...]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

import lib
from coldstart import without_audit_tap

EVENT = os.path.join(lib.ROOT, "events", "schedule-tick.json")
COPY = os.path.join(lib.OUT, "variants")
HANDLERS = {  # logical id -> the handler class the runtime-serde variant delegates to
    "NodegroupSchedulerFunction": "dev.ekssteward.scheduler.NodegroupSchedulerHandler",
    "ThumbprintRotatorFunction": "dev.ekssteward.thumbprint.ThumbprintRotatorHandler",
    "FargateProfileReconcilerFunction": "dev.ekssteward.fargate.FargateProfileReconcilerHandler",
    "TagEnforcerFunction": "dev.ekssteward.tagging.TagEnforcerHandler",
}
SERDE_HANDLER = "dev.ekssteward.shared.runtime.RuntimeSerdeHandler"
SERDE_SOURCE = """package dev.ekssteward.shared.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;

/** BENCHMARK VARIANT: the runtime deserialises the event; the function's handler does the rest. */
public final class RuntimeSerdeHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
  private final StewardHandler delegate;

  public RuntimeSerdeHandler() throws ReflectiveOperationException {
    delegate = (StewardHandler) Class.forName(System.getenv("STEWARD_BENCH_HANDLER"))
        .getConstructor().newInstance();
  }

  @Override
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    return delegate.handle(event, context);
  }
}
"""
SERDE_KEEP = """
# BENCHMARK VARIANT: the runtime's serializer fills ScheduledEvent (and Joda's DateTime) by reflection.
-keep class dev.ekssteward.shared.runtime.RuntimeSerdeHandler { *; }
-keep class com.amazonaws.services.lambda.runtime.events.ScheduledEvent { *; }
-keep class org.joda.time.** { *; }
"""


def unwritten(text):
    """The source without its written-out equals and hashCode (from the marker comment on)."""
    out, skip, depth, methods = [], False, 0, 0
    for line in text.split("\n"):
        if "// Written out:" in line:
            skip, methods = True, 0
        if not skip:
            out.append(line)
            continue
        depth += line.count("{") - line.count("}")
        if ("{" in line or "}" in line) and depth == 0 and line.strip() == "}":
            methods += 1
            skip = methods < 2  # equals, then hashCode
    return "\n".join(out)


def prepare(name):
    """A copy of the checkout (no build output, no .git) with the variant's change applied."""
    root = os.path.join(COPY, name)
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(lib.ROOT, root, ignore=shutil.ignore_patterns(
        ".git", "target", ".out", ".run", "__pycache__"))
    if name == "runtime-serde":
        target = os.path.join(root, "shared", "src", "main", "java", "dev", "ekssteward",
                              "shared", "runtime", "RuntimeSerdeHandler.java")
        open(target, "w", encoding="utf-8").write(SERDE_SOURCE)
        with open(os.path.join(root, "functions", "proguard.pro"), "a", encoding="utf-8") as f:
            f.write(SERDE_KEEP)
        for module in lib.FUNCTIONS.values():  # Joda's zone data, which the serializer may read
            pom = os.path.join(root, "functions", module, "pom.xml")
            text = open(pom, encoding="utf-8").read()
            open(pom, "w", encoding="utf-8").write(
                text.replace("<exclude>org/joda/time/tz/data/**</exclude>", ""))
    if name == "plain-records":
        changed = 0
        for base, _, files in os.walk(root):
            for f in files:
                path = os.path.join(base, f)
                if f.endswith(".java") and "/src/main/" in path:
                    text = open(path, encoding="utf-8").read()
                    if "// Written out:" in text:
                        open(path, "w", encoding="utf-8").write(unwritten(text))
                        changed += 1
        if not changed:
            raise SystemExit("plain-records: no written-out record methods found")
    if name == "indy-concat":
        pom = os.path.join(root, "pom.xml")
        text = open(pom, encoding="utf-8").read()
        flag = "<arg>-XDstringConcat=inline</arg>"
        if flag not in text:
            raise SystemExit("indy-concat: the root pom has no " + flag)
        open(pom, "w", encoding="utf-8").write(text.replace(flag, ""))
    return root


def build(root):
    done = subprocess.run(["mvn", "-B", "-q", "-o", "package", "-DskipTests",
                           "-Dspotless.skip=true", "-pl",
                           ",".join("functions/" + m for m in lib.FUNCTIONS.values()), "-am"],
                          cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit("variant build failed in " + root + ":\n" + done.stdout[-3000:])


def template(name, root):
    """template.yaml with each CodeUri pointing at the variant's jar (and handler)."""
    text = open(os.path.join(lib.ROOT, "template.yaml"), encoding="utf-8").read()
    for logical_id, module in lib.FUNCTIONS.items():
        jar = os.path.join(root, "functions", module, "target", module + ".jar")
        text = text.replace(f"CodeUri: functions/{module}/target/{module}.jar", f"CodeUri: {jar}")
        if name == "runtime-serde":
            text = text.replace(f"Handler: {HANDLERS[logical_id]}::handleRequest",
                                f"Handler: {SERDE_HANDLER}::handleRequest")
            queue = logical_id.removesuffix("Function") + "FanOutQueue"
            text = text.replace(f"FANOUT_QUEUE_URL: !Ref {queue}",
                                f"FANOUT_QUEUE_URL: !Ref {queue}\n"
                                f"          STEWARD_BENCH_HANDLER: {HANDLERS[logical_id]}")
    path = os.path.join(lib.OUT, f"template-{name}.yaml")
    open(path, "w", encoding="utf-8").write(text)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--variants", nargs="*", default=["runtime-serde", "indy-concat", "plain-records"])
    # A further run of some variants (e.g. --variants indy-concat --runs 20 --out
    # variants-extra.json) that render.py pools into those variants' verdicts.
    ap.add_argument("--out", default="variants.json")
    args = ap.parse_args()
    templates = {}
    for name in args.variants:
        lib.log(f"building variant {name}")
        root = prepare(name)
        build(root)
        templates[name] = template(name, root)
    env_vars = lib.write_env_vars("variants-env.json", {
        "DRY_RUN": "true", "CONFIG_PREFIX": "/eks-steward", "AUDIT_BUS": "eks-steward-audit"})
    moto = lib.Moto()
    try:
        lib.seed(moto.url)  # the demo fleet, through the shared seeder (as coldstart.py)
        without_audit_tap(moto.url)  # as in coldstart.py: moto delivers to rules inside PutEvents
        shim = lib.JvmShim("jvm-variants")
        names = ["ours", *args.variants]
        samples = {fn: {n: [] for n in names} for fn in lib.FUNCTIONS}
        for r in range(args.runs + 1):  # round 0 warms the page cache and moto, not recorded
            lib.log(f"variants round {r}/{args.runs}")
            # The order turns each round: a fixed one ran the real jar first every time, so any
            # cost of running first fell on it alone.
            order = names[r % len(names):] + names[:r % len(names)]
            for fn in lib.FUNCTIONS:
                for name in order:
                    reply, err, _, rc = lib.invoke(fn, EVENT, moto.url, env_vars,
                                                   templates.get(name), shim.home)
                    wall, rss, _ = shim.take()
                    if rc != 0 or not reply or reply.get("status") != "ok":
                        raise SystemExit(f"{fn} {name} failed: {reply} {err[-800:]}")
                    if r:
                        samples[fn][name].append(wall)
        lib.save(args.out, {"runs": args.runs, "samples": samples})
    finally:
        moto.close()


if __name__ == "__main__":
    main()
