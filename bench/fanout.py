#!/usr/bin/env python3
"""Fan-out in the simulator: a tag sweep over R regions x N clusters x 5 node groups. The tick
(FANOUT_QUEUE_URL set) sends one SQS message per region; a poller then does what Lambda's SQS
event source does: receive up to --batch messages, invoke the same function with them
(local/invoke, SQS event shape), delete the messages it did not report in batchItemFailures, and
repeat until the queue is empty. During the first worker invocation the proxy refuses every EKS
call ("Request limit exceeded"), so its messages come back in batchItemFailures and are done on
redelivery. Moto sits behind the latency proxy; the end state is checked.

  bench/fanout.py [--regions eu-west-1 eu-central-1 us-east-1 us-west-2] [--clusters 50]
  writes bench/.out/fanout.json
"""
import argparse
import hashlib
import json
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
    a = ap.parse_args()
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
        queue = sqs.create_queue(QueueName="eks-steward-fanout",
                                 Attributes={"VisibilityTimeout": "900"})["QueueUrl"]
        queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"]
        proxy = lib.Proxy(moto.url, a.latency_ms)
        shim = lib.JvmShim("jvm-fanout")
        env_vars = lib.write_env_vars("fanout-env.json", {
            "DRY_RUN": "false", "CONFIG_PREFIX": "/eks-steward", "AUDIT_BUS": "default",
            "FANOUT_QUEUE_URL": queue})
        tick, _, _, rc = lib.invoke(a.function, sweep.EVENT, proxy.url, env_vars, template,
                                    shim.home)
        tick_ms = shim.take()[0]
        lib.log(f"  tick: status {(tick or {}).get('status')}: {(tick or {}).get('reason')}")
        invocations = []
        proxy.control("config", {"throttleEvery": 1, "throttleServices": ["eks"]})
        while True:
            got = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=a.batch,
                                      WaitTimeSeconds=0).get("Messages", [])
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
                else:  # what the visibility timeout would do, without waiting for it
                    sqs.change_message_visibility(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"],
                                                  VisibilityTimeout=0)
            invocations.append({"messages": len(got), "failures": len(failed), "wallMs": wall,
                                "reply": reply, "rc": rc,
                                "throttledEks": throttled if not invocations else None})
            lib.log(f"  worker: {len(got)} messages, {len(failed)} returned, {wall / 1000:.1f} s")
        stats = proxy.control("stats")
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
            "invocations": invocations, "calls": stats["calls"],
            "resources": len(a.regions) * a.clusters * (sweep.GROUPS + 1), "notDone": not_done})
        lib.log(f"  fan-out: {len(invocations)} worker invocations, not done {not_done}")
    finally:
        if proxy:
            proxy.close()
        moto.close()


if __name__ == "__main__":
    main()
