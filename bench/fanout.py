#!/usr/bin/env python3
"""Fan-out in the simulator: a tag sweep over R regions x N clusters x 5 node groups. The tick
(FANOUT_QUEUE_URL set) sends one SQS message per region to a FIFO queue shaped like the template's
(each target a message group, each (target, tick) a de-duplication id, the template's visibility
timeout and redrive to a FIFO failure queue); the tick is delivered twice, as EventBridge may do,
and the second sends nothing new. A poller then does what Lambda's SQS event source does: receive
up to --batch messages, invoke the same function with them (local/invoke, SQS event shape),
delete the messages it did not report in batchItemFailures, and repeat until the queue is empty;
a returned message comes back when its visibility timeout ends. During the first worker
invocation the proxy refuses every EKS call ("Request limit exceeded"), so its messages come
back in batchItemFailures and are done on redelivery. Then a poison message (not ours) is
received and refused until SQS moves it to the failure queue. Moto sits behind the latency
proxy, with SQS's timers --time-scale times real time; the end state is checked.

From the measured worker runs, the keep-up table works out how long a tick's 100 (account,
region) targets take with the template's consumer (FanOutMaximumConcurrency runs at once) and
with the one before (reserved concurrency 1, one message after the other).

  bench/fanout.py [--regions eu-west-1 eu-central-1 us-east-1 us-west-2] [--clusters 50]
  writes bench/.out/fanout.json
"""
import argparse
import hashlib
import json
import math
import os
import re
import time

import fleet
import lib
import sweep


def fanout_template():
    """template.yaml with FANOUT_QUEUE_URL declared (the deployed template leaves it out)."""
    text = open(os.path.join(lib.ROOT, "template.yaml"), encoding="utf-8").read()
    up = os.path.relpath(lib.ROOT, lib.OUT)
    text = re.sub(r"CodeUri: (functions/\S+\.jar)", rf"CodeUri: {up}/\1", text)
    text, n = re.subn(r"(\nGlobals:.*?\n    Environment:\n      Variables:\n)",
                      r"\1        FANOUT_QUEUE_URL: ''\n", text, count=1, flags=re.S)
    if n != 1:
        raise SystemExit("cannot derive the fan-out template from template.yaml")
    os.makedirs(lib.OUT, exist_ok=True)
    path = os.path.join(lib.OUT, "template-fanout.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def template_number(pattern):
    """A number from template.yaml: the first match of pattern's group 1."""
    text = open(os.path.join(lib.ROOT, "template.yaml"), encoding="utf-8").read()
    m = re.search(pattern, text, re.S)
    if not m:
        raise SystemExit(f"template.yaml: no match for {pattern}")
    return int(m.group(1))


def consumer():
    """The fan-out consumer as template.yaml declares it (the tag enforcer's queue)."""
    queue = r"\n  TagEnforcerFanOutQueue:\n.*?"
    return {
        "visibilityTimeout": template_number(queue + r"VisibilityTimeout: (\d+)"),
        "maxReceiveCount": template_number(queue + r"maxReceiveCount: (\d+)"),
        "maximumConcurrency": template_number(
            r"\n  FanOutMaximumConcurrency:\n.*?Default: (\d+)"),
        "functionTimeout": int(lib.template_globals("Timeout")),
    }


def keep_up(run_ms, c, targets=100, every_s=300):
    """Seconds until a tick's targets are done, each run taking run_ms: before, one at a time
    (reserved concurrency 1, a batch's messages one after the other); now, maximumConcurrency
    invocations at once, each counted as running one target at a time (a batch's messages in
    fact run in parallel, so this is an upper bound)."""
    # Before: the template until the FIFO queues (VisibilityTimeout 1800, maxReceiveCount 20).
    before = targets * run_ms / 1000
    now = math.ceil(targets / c["maximumConcurrency"]) * run_ms / 1000
    return {"targets": targets, "everySeconds": every_s, "runMs": run_ms,
            "before": {"seconds": before, "keepsUp": before <= every_s,
                       "throttledRetrySeconds": 1800, "poisonSeconds": 20 * 1800},
            "now": {"seconds": now, "keepsUp": now <= every_s,
                    "throttledRetrySeconds": c["visibilityTimeout"],
                    "poisonSeconds": c["maxReceiveCount"] * c["visibilityTimeout"]}}


def queue_count(sqs, queue):
    a = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=[
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])["Attributes"]
    return int(a["ApproximateNumberOfMessages"]), int(a["ApproximateNumberOfMessagesNotVisible"])


def receive(sqs, queue, batch, patience_s):
    """Like the event source's poller: the next visible messages, waiting up to patience_s while
    some are in flight (their visibility timeout not over yet); [] when the queue is empty."""
    end = time.time() + patience_s
    while True:
        got = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=batch,
                                  WaitTimeSeconds=0).get("Messages", [])
        if got or sum(queue_count(sqs, queue)) == 0 or time.time() > end:
            return got
        time.sleep(0.1)


def poison(sqs, queue, dlq, queue_arn, a, env_vars, template, shim, scale, c):
    """A message that is not ours: each receive is refused (batchItemFailures) until SQS moves it
    to the failure queue. Returns what happened, in SQS time (seconds / scale)."""
    sqs.send_message(QueueUrl=queue, MessageBody='{"hello": "not a fan-out message"}',
                     MessageGroupId="poison", MessageDeduplicationId="poison-1")
    start, receives, replies = time.time(), 0, []
    patience = 3 * c["visibilityTimeout"] * scale
    while not sqs.receive_message(QueueUrl=dlq, WaitTimeSeconds=0).get("Messages"):
        got = receive(sqs, queue, 1, patience)
        if not got:
            if time.time() - start > (c["maxReceiveCount"] + 2) * patience:
                break
            continue
        receives += 1
        path = os.path.join(lib.OUT, "fanout-poison.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(sqs_event(got, queue_arn), f)
        reply, _, _, _ = lib.invoke(a.function, path, a.proxy_url, env_vars, template, shim.home)
        shim.take()
        replies.append(reply)
    arrived = time.time()
    return {"receives": receives, "sqsSeconds": (arrived - start) / scale,
            "inFailureQueue": bool(receives) and arrived - start < (c["maxReceiveCount"] + 2) * patience,
            "allRefused": all(r and len(r.get("batchItemFailures", [])) == 1 for r in replies)}


def sqs_event(messages, queue_arn):
    return {"Records": [{
        "messageId": m["MessageId"], "receiptHandle": m["ReceiptHandle"], "body": m["Body"],
        "attributes": {"ApproximateReceiveCount": "1"}, "messageAttributes": {},
        "md5OfBody": hashlib.md5(m["Body"].encode()).hexdigest(), "eventSource": "aws:sqs",
        "eventSourceARN": queue_arn, "awsRegion": lib.REGION} for m in messages]}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--regions", nargs="*",
                    default=["eu-west-1", "eu-central-1", "us-east-1", "us-west-2"])
    ap.add_argument("--clusters", type=int, default=50)
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--latency-ms", type=float, default=25)
    ap.add_argument("--function", default="TagEnforcerFunction")
    ap.add_argument("--time-scale", type=float, default=0.01,
                    help="SQS timers run this many times real time (moto's sqsTimeScale)")
    a = ap.parse_args()
    c = consumer()
    os.environ["STEWARD_MOTO_SQS_TIME_SCALE"] = str(a.time_scale)
    template = fanout_template()
    cfg = sweep.config(time.gmtime().tm_hour)
    cfg["targets"] = {"regions": a.regions}
    # One description per region; the config lives in the functions' home region.
    described = [fleet.write(f"fanout-{r}.json", fleet.description(
        a.clusters, sweep.GROUPS, {}, config=cfg if r == lib.REGION else None, region=r))
        for r in a.regions]
    if lib.REGION not in a.regions:
        described.append(fleet.write("fanout-home.json", fleet.description(0, 0, {}, config=cfg)))
    moto = sweep.SeededMoto(described, a.clusters)
    proxy = None
    try:
        sqs = lib.boto("sqs", moto.url)
        dlq = sqs.create_queue(QueueName="eks-steward-fanout-failures.fifo",
                               Attributes={"FifoQueue": "true"})["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        queue = sqs.create_queue(QueueName="eks-steward-fanout.fifo", Attributes={
            "FifoQueue": "true", "ContentBasedDeduplication": "false",
            "VisibilityTimeout": str(c["visibilityTimeout"]),
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn,
                                         "maxReceiveCount": c["maxReceiveCount"]})})["QueueUrl"]
        queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        proxy = lib.Proxy(moto.url, a.latency_ms)
        a.proxy_url = proxy.url
        shim = lib.JvmShim("jvm-fanout")
        env_vars = lib.write_env_vars("fanout-env.json", {
            "DRY_RUN": "false", "CONFIG_PREFIX": "/eks-steward", "AUDIT_BUS": "default",
            "FANOUT_QUEUE_URL": queue})
        tick, _, _, rc = lib.invoke(a.function, sweep.EVENT, proxy.url, env_vars, template,
                                    shim.home)
        tick_ms = shim.take()[0]
        lib.log(f"  tick: status {(tick or {}).get('status')}: {(tick or {}).get('reason')}")
        queued_once = queue_count(sqs, queue)[0]
        again, _, _, _ = lib.invoke(a.function, sweep.EVENT, proxy.url, env_vars, template,
                                    shim.home)
        shim.take()
        duplicate = {"status": (again or {}).get("status"), "queuedAfterFirst": queued_once,
                     "queuedAfterSecond": queue_count(sqs, queue)[0]}
        lib.log(f"  the same tick again: {duplicate}")
        invocations = []
        proxy.control("config", {"throttleEvery": 1, "throttleServices": ["eks"]})
        while True:
            # A returned message is handed out again once its visibility timeout is over.
            got = receive(sqs, queue, a.batch, 3 * c["visibilityTimeout"] * a.time_scale)
            if not got:
                break
            path = os.path.join(lib.OUT, "fanout-event.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(sqs_event(got, queue_arn), f)
            reply, _, _, rc = lib.invoke(a.function, path, proxy.url, env_vars, template,
                                         shim.home)
            wall = shim.take()[0]
            throttled = proxy.control("stats")["totalThrottled"]
            proxy.control("config", {"throttleEvery": 0})
            failed = {f["itemIdentifier"] for f in (reply or {}).get("batchItemFailures", [])}
            for m in got:
                if m["MessageId"] not in failed:
                    sqs.delete_message(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"])
            invocations.append({"messages": len(got), "failures": len(failed), "wallMs": wall,
                                "reply": reply, "rc": rc,
                                "throttledEks": throttled if not invocations else None})
            lib.log(f"  worker: {len(got)} messages, {len(failed)} returned, {wall / 1000:.1f} s")
        stats = proxy.control("stats")
        poisoned = poison(sqs, queue, dlq, queue_arn, a, env_vars, template, shim, a.time_scale, c)
        lib.log(f"  poison message: {poisoned}")
        done_ms = [x["wallMs"] for x in invocations[1:] if x["failures"] == 0]
        ok_replies = sum(1 for x in invocations if x["reply"] == {"batchItemFailures": []})
        not_done = 0
        for region in a.regions:
            groups = fleet.groups_of(moto.url, a.clusters, sweep.GROUPS, region=region)
            clusters = fleet.cluster_tags(moto.url, a.clusters, region=region)
            not_done += sum(1 for _, t in groups.values() if t.get(sweep.COST_CENTER) != "0000")
            not_done += sum(1 for t in clusters.values() if t.get(sweep.COST_CENTER) != "0000")
        lib.save("fanout.json", {
            "function": a.function, "regions": a.regions, "clusters": a.clusters,
            "groups": sweep.GROUPS, "batch": a.batch, "latencyMs": a.latency_ms,
            "tick": {"status": (tick or {}).get("status"), "reason": (tick or {}).get("reason"),
                     "wallMs": tick_ms},
            "duplicateTick": duplicate, "consumer": c, "timeScale": a.time_scale,
            "poison": poisoned, "keepUp": keep_up(max(done_ms), c) if done_ms else None,
            "invocations": invocations, "calls": stats["calls"],
            "resources": len(a.regions) * a.clusters * (sweep.GROUPS + 1), "notDone": not_done})
        lib.log(f"  fan-out: {len(invocations)} worker invocations, not done {not_done}")
    finally:
        if proxy:
            proxy.close()
        moto.close()


if __name__ == "__main__":
    main()
