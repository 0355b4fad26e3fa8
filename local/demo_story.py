"""How local/demo.py tells its story: the setup actions of runs.json, and the printing of each
step (what the function changed and found) and of the closing table."""
import json
import time


def short(arn_or_name):
    """dev-1/general for a node group's ARN, localhost:1234 for a provider's, else as given."""
    text = str(arn_or_name or "")
    if text.startswith("arn:aws:eks:"):
        parts = text.split(":", 5)[5].split("/")
        return "/".join(parts[1:3]) if len(parts) > 2 else parts[-1]
    if ":oidc-provider/" in text:
        return text.split(":oidc-provider/", 1)[1]
    if text.startswith("arn:aws:autoscaling:"):
        return "ASG " + text.rsplit("/", 1)[-1]
    return text


def sizes(s):
    return f"{s.get('minSize')}/{s.get('desiredSize')}/{s.get('maxSize')}" if s else "?"


class Story:
    def __init__(self, runs, zone, client, issuer, fleet):
        self.runs, self.zone, self.client, self.issuer = runs, zone, client, issuer
        self.fleet, self.region = fleet, fleet["region"]
        self.table = {}  # function → {"changed": {type: n}, "found": {type: n}}
        self.steps = []  # what each step replied, for local/.run/story.json (LocalDemoIT)
        self.node_hours = 0.0
        self.invoke_seconds = 0.0

    # ---- the steps' headings and setup -------------------------------------------------------

    def title(self, number, step, clock):
        local = clock.astimezone(self.zone)
        print(f"\n── {number}. {step['title']}")
        print(f"   {local:%a %d %b %H:%M} {self.zone.key} ({clock:%H:%M}Z) · "
              f"{step['function']} ← {step['event']}")

    def setup(self, action):
        kind = action["action"]
        getattr(self, "_" + kind)(action)

    def _autoscalerNudge(self, a):  # noqa: N802 (the name in runs.json)
        eks = self.client("eks")
        group = eks.describe_nodegroup(clusterName=a["cluster"], nodegroupName=a["nodegroup"])
        scaling = dict(group["nodegroup"]["scalingConfig"], desiredSize=a["desiredSize"])
        eks.update_nodegroup_config(clusterName=a["cluster"], nodegroupName=a["nodegroup"],
                                    scalingConfig=scaling)
        print(f"   setup: Cluster Autoscaler sets {a['cluster']}/{a['nodegroup']} desired to "
              f"{a['desiredSize']} (now {sizes(scaling)} min/desired/max), within the night max")

    def _issuerChain(self, a):  # noqa: N802
        self.issuer.switch(a["chain"])
        print(f"   setup: the issuer restarts with a server certificate from its {a['chain']} "
              "CA (same root, new issuing CA)")

    def _fargateSelector(self, a):  # noqa: N802
        ssm = self.client("ssm")
        name = f"/eks-steward/fargate/{a['cluster']}"
        doc = json.loads(ssm.get_parameter(Name=name)["Parameter"]["Value"])
        for profile in doc["profiles"]:
            if profile["name"] == a["profile"]:
                before, profile["selectors"] = profile["selectors"], a["selectors"]
        ssm.put_parameter(Name=name, Value=json.dumps(doc), Type="String", Overwrite=True)
        print(f"   setup: {name}: '{a['profile']}' selectors {json.dumps(before)} → "
              f"{json.dumps(a['selectors'])}")

    def _createNodegroup(self, a):  # noqa: N802
        eks = self.client("eks")
        eks.create_nodegroup(clusterName=a["cluster"], nodegroupName=a["nodegroup"],
                             scalingConfig={"minSize": 1, "maxSize": 3, "desiredSize": 2},
                             subnets=self.fleet["subnets"], nodeRole=self.fleet["nodeRoleArn"],
                             tags=a["tags"])
        group = eks.describe_nodegroup(clusterName=a["cluster"], nodegroupName=a["nodegroup"])
        autoscaling = self.client("autoscaling")
        for asg in group["nodegroup"].get("resources", {}).get("autoScalingGroups", []):
            # What EKS does and moto's EKS does not: the node group's Auto Scaling group.
            autoscaling.create_launch_configuration(LaunchConfigurationName=asg["name"] + "-lc",
                                                    ImageId="ami-12c6146b",
                                                    InstanceType="t3.micro")
            eks_tags = {"eks:cluster-name": a["cluster"], "eks:nodegroup-name": a["nodegroup"]}
            autoscaling.create_auto_scaling_group(
                AutoScalingGroupName=asg["name"], LaunchConfigurationName=asg["name"] + "-lc",
                MinSize=0, MaxSize=1, AvailabilityZones=[self.region + "a"],
                Tags=[{"ResourceId": asg["name"], "ResourceType": "auto-scaling-group", "Key": k,
                       "Value": v, "PropagateAtLaunch": True} for k, v in eks_tags.items()])
        print(f"   setup: CreateNodegroup {a['cluster']}/{a['nodegroup']} with tags "
              f"{json.dumps(a['tags'])} (and its Auto Scaling group)")

    # ---- what a step did ----------------------------------------------------------------------

    def failed(self, step, reply, seconds):
        print(f"   FAILED after {seconds:.1f} s ({reply.get('errorType')}): {reply.get('errorMessage')}")
        self.steps.append({"step": step["title"], "function": step["function"], "error": reply})

    def report(self, step, reply, events, seconds):
        self.steps.append({"step": step["title"], "function": step["function"],
                           "report": reply, "auditEvents": events})
        tally = self.table.setdefault(step["function"], {"changed": {}, "found": {}})
        for outcome in reply.get("applied", []):
            if outcome.get("result") == "applied":
                kind = outcome.get("type")
                tally["changed"][kind] = tally["changed"].get(kind, 0) + 1
        for finding in reply.get("findings", []):
            kind = finding.get("detailType")
            tally["found"][kind] = tally["found"].get(kind, 0) + 1
        self.invoke_seconds += seconds
        mode = "dry run: nothing changed" if reply.get("dryRun") else "live"
        print(f"   {mode}; took {seconds:.1f} s")
        events = sorted(events, key=lambda e: int(str(e["detail"].get("changeId", "0/0"))
                                                  .rsplit("/", 1)[-1] or 0))
        said = 0
        for event in events:
            line = describe(event["detail-type"], event.get("detail") or {})
            if line:
                print(f"   {line}")
                said += 1
        for outcome in reply.get("applied", []):
            if outcome.get("result") != "applied":
                print(f"   {outcome.get('result')}: {outcome.get('type')} "
                      f"{short(outcome.get('target'))}: {outcome.get('message', '')}")
                said += 1
        for p in reply.get("pending", []):
            print(f"   pending: {p.get('scope')}: {p.get('reason')}")
            said += 1
        for e in reply.get("errors", []):
            print(f"   error: {e.get('scope')}: {e.get('errorType')} {e.get('message')}"
                  + (" (will retry)" if e.get("retryable") else ""))
            said += 1
        if not said:
            print("   nothing to change, nothing found")
        for what in step.get("show", []):
            getattr(self, "_show_" + what)(events)
        if step.get("note"):
            print(f"   → {step['note']}")

    # ---- what the fleet looks like after a step -------------------------------------------------

    def _show_nodegroups(self, events):
        eks = self.client("eks")
        rows = []
        for cluster in eks.list_clusters()["clusters"]:
            for name in eks.list_nodegroups(clusterName=cluster)["nodegroups"]:
                g = eks.describe_nodegroup(clusterName=cluster, nodegroupName=name)["nodegroup"]
                record = (g.get("tags") or {}).get("eks-steward/original-scaling")
                rows.append((f"{cluster}/{name}", sizes(g["scalingConfig"]),
                             record.split(" mac=")[0] + " (signed)" if record else "none"))
        width = max(len(r[0]) for r in rows)
        print(f"     {'node group':<{width}}  min/desired/max  record (eks-steward/original-scaling)")
        for group, size, record in rows:
            print(f"     {group:<{width}}  {size:<15}  {record}")

    def _show_costAvoided(self, events):  # noqa: N802
        hours = sum(e["detail"].get("nodeHoursAvoided") or 0 for e in events
                    if e["detail-type"] == "Nodegroup Scaled Up")
        price = self.runs["nodePrice"]
        self.node_hours += hours
        print(f"   node-hours avoided overnight: {hours:.1f} (from each group's record: nodes × hours "
              f"down); at {price['instanceType']} ${price['usdPerHour']}/h on demand that is about "
              f"${hours * price['usdPerHour']:.2f} (the demo's estimate, price from runs.json)")

    def _show_thumbprints(self, events):
        iam = self.client("iam")
        for p in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]:
            if not p["Arn"].endswith("/" + self.issuer.url.removeprefix("https://")):
                continue  # the demo's issuer only; the GitHub provider needs the network
            got = iam.get_open_id_connect_provider(OpenIDConnectProviderArn=p["Arn"])
            names = [self.issuer.chain_of(t) for t in got["ThumbprintList"]]
            print(f"     provider {short(p['Arn'])}: thumbprints "
                  + ", ".join(f"{t[:12]}… ({n})" for t, n in zip(got["ThumbprintList"], names)))

    def _show_fargate(self, events):
        eks = self.client("eks")
        for cluster in eks.list_clusters()["clusters"]:
            names = eks.list_fargate_profiles(clusterName=cluster)["fargateProfileNames"]
            shown = []
            for name in names:
                p = eks.describe_fargate_profile(clusterName=cluster, fargateProfileName=name)
                selectors = ",".join(s["namespace"] for s in p["fargateProfile"]["selectors"])
                shown.append(f"{name} [{selectors}] {p['fargateProfile']['status']}")
            print(f"     {cluster}: " + ("; ".join(shown) or "no profiles"))

    def _show_tags(self, events):
        autoscaling = self.client("autoscaling")
        for g in autoscaling.describe_auto_scaling_groups()["AutoScalingGroups"]:
            tags = {t["Key"]: t["Value"] for t in g.get("Tags", [])}
            owner = f"{tags.get('eks:cluster-name', '?')}/{tags.get('eks:nodegroup-name', '?')}"
            print(f"     ASG of {owner:<18} cost-center={tags.get('cost-center', '(none)')}")

    def summary(self):
        print("\n── What each function did (applied actions and findings of all steps)")
        rows = [("function", "changed", "found")]
        for function, tally in self.table.items():
            changed = ", ".join(f"{n} {t}" for t, n in tally["changed"].items()) or "nothing"
            found = ", ".join(f"{n} {t}" for t, n in tally["found"].items()) or "nothing"
            rows.append((function.removesuffix("Function"), changed, found))
        widths = [max(len(r[i]) for r in rows) for i in range(2)]
        for function, changed, found in rows:
            print(f"   {function:<{widths[0]}}  {changed:<{widths[1]}}  {found}")
        print(f"   {len(self.steps)} invocations, {self.invoke_seconds:.0f} s in the functions "
              "(each in a fresh JVM, like a Lambda cold start)")


def describe(kind, d):
    """One line a user wants to read for an audit event, or None for bookkeeping."""
    where = f"{d.get('cluster')}/{d.get('nodegroup') or d.get('profile') or d.get('name')}"
    if kind == "Nodegroup Scaled Down":
        return (f"scaled down {where}: {sizes(d['before'])} → {sizes(d['after'])} "
                f"(record {d['originalScaling']})")
    if kind == "Nodegroup Scaled Up":
        return (f"restored {where}: {sizes(d['before'])} → {sizes(d['after'])}, down since "
                f"{d['downSince']}, {d.get('nodeHoursAvoided', 0):.1f} node-hours avoided")
    if kind == "Record Index Updated":
        return f"record index {d['parameter']} now lists {', '.join(d['clusters'])}"
    if kind == "Thumbprint Use Assessed":
        return (f"checked {d['issuer']}: chain ends at {d['chainEnd']}; thumbprint "
                f"{d['thumbprintUse']} (IAM relies on it: private CA)"
                if d["thumbprintUse"] == "load-bearing" else
                f"checked {d['issuer']}: thumbprint {d['thumbprintUse']}")
    if kind == "Thumbprint Rotated":
        return (f"rotated {d['issuer']}: added {', '.join(t[:12] + '…' for t in d['added'])}"
                f" ({d['certificates'][0]['subject']}), kept "
                f"{', '.join(t[:12] + '…' for t in d['previous'])} (overlap), removed "
                f"{', '.join(d['removed']) or 'nothing'}")
    if kind == "OIDC Provider Missing":
        return (f"found: {d['cluster']} has no IAM OIDC provider for its issuer (IRSA not set up); "
                f"createMissingProviders is {'on' if d['createMissingProviders'] else 'off'}")
    if kind == "Fargate Profile Created":
        selectors = ",".join(s["namespace"] for s in d["selectors"])
        return f"created Fargate profile {where} [{selectors}]"
    if kind == "Fargate Profile Replaced":
        return f"deleted {where} once {d['replacedBy']} was ACTIVE (make-before-break)"
    if kind == "Fargate Profile Deleted":
        return f"deleted Fargate profile {where}"
    if kind == "Fargate Profile Marked Managed":
        return f"signed the managed mark of {where}"
    if kind == "Drift Detected":
        return f"found: {where}: {d['drift']}; {d['resolution']}"
    if kind == "Tags Applied":
        tags = ", ".join(f"{k}={v} ({d.get('reasons', {}).get(k, '')})"
                         for k, v in d["tags"].items())
        return f"tagged {d['resourceType']} {short(d['resource'])}: {tags}"
    if kind == "Tags Propagated To ASG":
        tags = ", ".join(f"{k}={v}" for k, v in d["tags"].items())
        return (f"propagated to the Auto Scaling group of {short(d.get('nodegroup'))}: {tags}"
                f"{' (PropagateAtLaunch: new instances get it)' if d.get('propagateAtLaunch') else ''}")
    if kind == "Tag Policy Violation":
        return (f"found: {d['resourceType']} {short(d['resource'])}: {d['key']} "
                f"{d['problem']}{'' if d.get('value') is None else ' (' + str(d['value']) + ')'}"
                f", rule {d['rule']}")
    if kind == "Tag Propagation Pending":
        return f"found: {short(d['resource'])}: propagation pending: {d['reason']}"
    if kind == "Tag Compliance Summary":
        return "compliance: " + "; ".join(
            f"{t} {c['compliant']} ok, {c['fixed']} fixed, {c['violating']} violating"
            for t, c in d["compliance"].items())
    return f"{kind}: {json.dumps(d, separators=(',', ':'))[:140]}"
