"""Opt-in EKS lifecycle states (options.transition_seconds), and the rules that follow from them.

AWS: a cluster, node group or Fargate profile is CREATING after create, a node group (or
cluster) UPDATING after an update and DELETING after delete, for minutes; the delete ends with
the resource gone. moto makes everything ACTIVE at once and deletes at once. With a transition
time set, each resource keeps its state for that many seconds. Nothing runs in the background:
every EKS request first settles the caller's backend from the recorded deadlines.

What follows from the states, as EKS answers it:
- UpdateNodegroupConfig of a group that is neither ACTIVE nor DEGRADED, UpdateNodegroupVersion of
  a group that is not ACTIVE, and UpdateClusterConfig of a cluster that is not ACTIVE:
  ResourceInUseException (409).
- DEGRADED (set_nodegroup_status, control.py) is what a failed scale-out leaves: the group stays
  DEGRADED until a scale-out succeeds, and UpdateNodegroupConfig is still accepted; after the
  update's UPDATING the group is DEGRADED again (aws/containers-roadmap#2326).
- Only one Fargate profile per cluster may be CREATING or DELETING: Create/DeleteFargateProfile
  meanwhile are ResourceInUseException (409), not a modelled error of either operation.
- Creating a node group or Fargate profile in a cluster that is not ACTIVE: moto already answers
  InvalidRequestException "Cluster '<name>' is not in ACTIVE status", as EKS does.

Also restored here, with or without transitions: UpdateNodegroupVersion and DescribeUpdate (moto
has neither), UpdateClusterConfig answering with an update, not the cluster, and a repeated
clientRequestToken on UpdateNodegroupConfig and CreateFargateProfile answered as the first time.
"""
import threading
import time

from moto.core.responses import ActionResult
from moto.core.utils import utcnow
from moto.eks import models as eks
from moto.eks import urls as eks_urls
from moto.eks.exceptions import (
    InvalidParameterException,
    ResourceInUseException,
    ResourceNotFoundException,
)
from moto.eks.responses import EKSResponse

import options

ACTIVE, CREATING, UPDATING, DELETING = "ACTIVE", "CREATING", "UPDATING", "DELETING"
DEGRADED = "DEGRADED"


# --- Transitions: begin on a call, end lazily on the next request -------------------------
def _begin(resource, status, kind):
    """Puts the resource into a transition, if transitions are on; says whether it did."""
    seconds = options.transition_seconds(kind)
    if seconds <= 0:
        return False
    resource.status = status
    resource.steward_until = time.monotonic() + seconds
    return True


def _due(resource, now):
    until = getattr(resource, "steward_until", None)
    return until is not None and now >= until


def _finish(resource):
    resource.status = getattr(resource, "steward_settled", ACTIVE)
    resource.steward_until = None
    update_id = getattr(resource, "steward_update_id", None)
    if update_id:
        resource.steward_updates[update_id]["status"] = "Successful"
        resource.steward_update_id = None


def _settle_children(children, now):
    """Ends the due transitions of a dict of resources; returns how many deletions completed."""
    gone = 0
    for name, child in list(children.items()):
        if _due(child, now):
            if child.status == DELETING:
                del children[name]
                gone += 1
            else:
                _finish(child)
    return gone


# moto's server answers each request on its own thread: two requests settling the same
# backend at once would remove a resource twice.
_settling = threading.Lock()


def settle(backend):
    now = time.monotonic()
    with _settling:
        for cluster in list(backend.clusters.values()):
            cluster.nodegroup_count -= _settle_children(cluster.nodegroups, now)
            cluster.fargate_profile_count -= _settle_children(cluster.fargate_profiles, now)
        backend.cluster_count -= _settle_children(backend.clusters, now)


def pending_seconds():
    """Seconds until the last transition still under way ends, in any account and region (0: none).

    For tests that wait for what they started (GET /eks-steward/transitions, control.py) instead of
    sleeping a whole transition time whether or not anything is moving.
    """
    now = time.monotonic()
    latest = now
    for regions in dict.values(eks.eks_backends):
        for backend in dict.values(regions):
            for cluster in list(backend.clusters.values()):
                for resource in (
                    cluster,
                    *cluster.nodegroups.values(),
                    *cluster.fargate_profiles.values(),
                ):
                    until = getattr(resource, "steward_until", None)
                    if until is not None and until > latest:
                        latest = until
    return latest - now


def end_all():
    """Ends every transition under way now, in any account and region: the next request sees each
    resource as its time had come (POST /eks-steward/transitions, control.py). A test says "EKS has
    finished" at the moment it chooses, instead of racing a transition time against a busy machine.
    """
    now = time.monotonic()
    for regions in dict.values(eks.eks_backends):
        for backend in dict.values(regions):
            for cluster in list(backend.clusters.values()):
                for resource in (
                    cluster,
                    *cluster.nodegroups.values(),
                    *cluster.fargate_profiles.values(),
                ):
                    if getattr(resource, "steward_until", None) is not None:
                        resource.steward_until = now


_moto_call_action = EKSResponse.call_action


def _call_action(self):
    settle(self.eks_backend)
    return _moto_call_action(self)


# --- Updates (UpdateNodegroupConfig / UpdateNodegroupVersion / UpdateClusterConfig) -------
def _new_update(update_type, params):
    return {
        "id": str(eks.random.uuid4()),
        "status": "Successful",
        "type": update_type,
        "params": params,
        "createdAt": utcnow(),
        "errors": [],
    }


def _record_update(resource, kind, update):
    """Keeps the update for DescribeUpdate; with transitions on it is InProgress while UPDATING."""
    if not hasattr(resource, "steward_updates"):
        resource.steward_updates = {}
    resource.steward_updates[update["id"]] = update
    if _begin(resource, UPDATING, kind):
        update["status"] = "InProgress"
        resource.steward_update_id = update["id"]
    return update


def _require_active(resource, what, name, update_type, also=(), **names):
    # AWS: ResourceInUseException (409), e.g. "Cannot EndpointAccessUpdate because cluster <name>
    # currently has update <id> in progress" (aws-controllers-k8s/community#1192).
    if resource.status == ACTIVE or resource.status in also:
        return
    update_id = getattr(resource, "steward_update_id", None)
    if update_id:
        message = (
            f"Cannot {update_type} because {what} {name} currently has update {update_id} "
            "in progress"
        )
    else:
        message = f"Cannot {update_type} because {what} {name} is in status {resource.status}"
    raise ResourceInUseException(addonName=None, message=message, **names)


class StatusError(ValueError):
    """A status the control cannot set, or a group it cannot set it on."""


def set_nodegroup_status(account, region, cluster_name, nodegroup_name, status):
    """Puts a node group into DEGRADED, as EKS does after a failed scale-out, or back to ACTIVE (a
    scale-out succeeded): POST /eks-steward/nodegroup-status, control.py. DEGRADED comes with the
    health issue EKS reports for it (AsgInstanceLaunchFailures); the group keeps its scaling.
    Refused for a group in a transition: EKS's own update or deletion decides its status then.
    """
    if status not in (ACTIVE, DEGRADED):
        raise StatusError(f"status must be {ACTIVE} or {DEGRADED}, was {status!r}")
    regions = dict.get(eks.eks_backends, account) or {}
    backend = dict.get(regions, region)
    group = _existing_group(backend, cluster_name, nodegroup_name) if backend else None
    if group is None:
        raise StatusError(f"no node group {cluster_name}/{nodegroup_name} in {account} {region}")
    settle(backend)
    if group.status not in (ACTIVE, DEGRADED):
        raise StatusError(f"node group {nodegroup_name} is {group.status}; settle it first")
    group.status = group.steward_settled = status
    issues = []
    if status == DEGRADED:
        asgs = [a["name"] for a in group.resources.get("autoScalingGroups", [])]
        issues = [{
            "code": "AsgInstanceLaunchFailures",
            "message": "Could not launch On-Demand Instances. InsufficientInstanceCapacity - "
            "We currently do not have sufficient capacity in the Availability Zone you requested.",
            "resourceIds": asgs,
        }]
    group.health = {"issues": issues}  # moto's default is one dict shared by every group
    return {"status": group.status, "health": group.health}


def _existing_group(backend, cluster_name, nodegroup_name):
    cluster = backend.clusters.get(cluster_name)
    return cluster.nodegroups.get(nodegroup_name) if cluster else None


# --- Wrappers around moto's backend -------------------------------------------------------
_moto = {}


def _create_cluster(self, *args, **kwargs):
    cluster = _moto["create_cluster"](self, *args, **kwargs)
    _begin(cluster, CREATING, "cluster")
    return cluster


def _create_nodegroup(self, *args, **kwargs):
    group = _moto["create_nodegroup"](self, *args, **kwargs)
    _begin(group, CREATING, "nodegroup")
    return group


def _busy_profile(cluster):
    return next(
        (p for p in cluster.fargate_profiles.values() if p.status in (CREATING, DELETING)), None
    )


def _check_one_profile_in_transition(cluster, verb, fargate_profile_name):
    # AWS: "Cannot create Fargate Profile <new> because cluster <c> currently has Fargate profile
    # <other> in status CREATING" (terraform-aws-modules/terraform-aws-eks#866), "Cannot Delete
    # Fargate Profile <p> because cluster <c> currently has Fargate profile <other> in status
    # DELETING" (hashicorp/terraform#25059); both ResourceInUseException (409).
    busy = _busy_profile(cluster)
    if busy is not None:
        raise ResourceInUseException(
            clusterName=cluster.name,
            nodegroupName=None,
            addonName=None,
            message=f"Cannot {verb} Fargate Profile {fargate_profile_name} because cluster "
            f"{cluster.name} currently has Fargate profile {busy.fargate_profile_name} in status "
            f"{busy.status}",
        )


def _create_fargate_profile(self, fargate_profile_name, cluster_name, *args, **kwargs):
    cluster = self.clusters.get(cluster_name)
    token = kwargs.get("client_request_token")
    request = {k: v for k, v in kwargs.items() if k != "client_request_token"}
    request.update(name=fargate_profile_name, args=args)
    if cluster is not None:
        # A retry of a create that was carried out (its answer lost) gets that profile, in
        # whatever state it is now, instead of a 409 "already exists".
        repeated = _repeated_request(cluster, token, request)
        if repeated is not None and repeated in cluster.fargate_profiles:
            return cluster.fargate_profiles[repeated]
        if fargate_profile_name not in cluster.fargate_profiles:
            _check_one_profile_in_transition(cluster, "create", fargate_profile_name)
    profile = _moto["create_fargate_profile"](
        self, fargate_profile_name, cluster_name, *args, **kwargs
    )
    _begin(profile, CREATING, "fargateProfile")
    _remember_request(self.clusters[cluster_name], token, request, fargate_profile_name)
    return profile


def _delete_cluster(self, name):
    cluster = self.clusters.get(name)
    if cluster is not None and cluster.status == DELETING:
        return cluster
    cluster = _moto["delete_cluster"](self, name)  # validates and removes it
    if _begin(cluster, DELETING, "cluster"):
        self.clusters[name] = cluster  # until the deletion has run its time
        self.cluster_count += 1
    return cluster


def _delete_nodegroup(self, cluster_name, nodegroup_name):
    group = _existing_group(self, cluster_name, nodegroup_name)
    if group is not None and group.status == DELETING:
        return group
    group = _moto["delete_nodegroup"](self, cluster_name, nodegroup_name)
    if _begin(group, DELETING, "nodegroup"):
        cluster = self.clusters[cluster_name]
        cluster.nodegroups[nodegroup_name] = group
        cluster.nodegroup_count += 1
    return group


def _delete_fargate_profile(self, cluster_name, fargate_profile_name):
    cluster = self.clusters.get(cluster_name)
    if cluster is not None and fargate_profile_name in cluster.fargate_profiles:
        _check_one_profile_in_transition(cluster, "Delete", fargate_profile_name)
    profile = _moto["delete_fargate_profile"](self, cluster_name, fargate_profile_name)
    if _begin(profile, DELETING, "fargateProfile"):
        cluster.fargate_profiles[fargate_profile_name] = profile
        cluster.fargate_profile_count += 1
    return profile


def _repeated_request(holder, token, request):
    """What an earlier request with this clientRequestToken made (an update, a profile's name).

    AWS: clientRequestToken "ensures the idempotency of the request" (EKS API model): a retry of a
    request that was carried out (its answer lost) gets the same answer, even while the resource
    is still in transition from it, instead of a 409. The SDK fills the token itself when the
    caller leaves it out, and resends the same one on each retry. Reusing a token for other
    parameters is refused; EKS's exact answer to that was not found: InvalidParameterException,
    as the tests' fake.
    """
    earlier = getattr(holder, "steward_tokens", {}).get(token) if token else None
    if earlier is None:
        return None
    if earlier[0] != request:
        raise InvalidParameterException(
            clusterName=None, nodegroupName=None, fargateProfileName=None, addonName=None,
            message=f"clientRequestToken {token} was used for a different request",
        )
    return earlier[1]


def _update_nodegroup_config(self, cluster_name, nodegroup_name, *args, **kwargs):
    group = _existing_group(self, cluster_name, nodegroup_name)
    token = kwargs.get("client_request_token")
    request = {k: v for k, v in kwargs.items() if k != "client_request_token"}
    if group is not None:
        repeated = _repeated_request(group, token, request)
        if repeated is not None:
            return repeated
        _require_active(
            group, "nodegroup", nodegroup_name, "ConfigUpdate", also=(DEGRADED,),
            clusterName=cluster_name, nodegroupName=nodegroup_name,
        )
    update = _moto["update_nodegroup_config"](self, cluster_name, nodegroup_name, *args, **kwargs)
    group = self.clusters[cluster_name].nodegroups[nodegroup_name]
    _remember_request(group, token, request, update)
    return _record_update(group, "nodegroup", update)


def _remember_request(holder, token, request, result):
    if token:
        if not hasattr(holder, "steward_tokens"):
            holder.steward_tokens = {}
        holder.steward_tokens[token] = (request, result)


def _update_nodegroup_version(
    self, cluster_name, nodegroup_name, version=None, release_version=None, **_ignored
):
    # AWS: updates the group's Kubernetes version (default: the cluster's) or AMI release;
    # moto has no such operation. Same ACTIVE rule as UpdateNodegroupConfig.
    group = self.describe_nodegroup(cluster_name=cluster_name, nodegroup_name=nodegroup_name)
    _require_active(
        group, "nodegroup", nodegroup_name, "VersionUpdate",
        clusterName=cluster_name, nodegroupName=nodegroup_name,
    )
    group.version = version or self.clusters[cluster_name].version
    if release_version:
        group.release_version = release_version
    group.modified_at = utcnow()
    params = [
        {"type": "Version", "value": group.version},
        {"type": "ReleaseVersion", "value": group.release_version},
    ]
    return _record_update(group, "nodegroup", _new_update("VersionUpdate", params))


def _update_cluster_config(self, name, *args, **kwargs):
    vpc, logging = kwargs.get("resources_vpc_config"), kwargs.get("logging")
    update_type = "EndpointAccessUpdate" if vpc else "LoggingUpdate" if logging else "ConfigUpdate"
    cluster = self.clusters.get(name)
    if cluster is not None:
        _require_active(
            cluster, "cluster", name, update_type, clusterName=name, nodegroupName=None
        )
    cluster = _moto["update_cluster_config"](self, name, *args, **kwargs)
    params = [
        {"type": key, "value": str(value)}
        for key, value in (("ResourcesVpcConfig", vpc), ("ClusterLogging", logging))
        if value
    ]
    update = _new_update(update_type, params)
    cluster.steward_last_update = _record_update(cluster, "cluster", update)
    return cluster


def _describe_update(self, name, update_id, nodegroup_name=None):
    # AWS: the update of a cluster, or of one of its node groups; unknown id: 404.
    if nodegroup_name:
        resource = self.describe_nodegroup(cluster_name=name, nodegroup_name=nodegroup_name)
    else:
        resource = self.describe_cluster(name=name)
    update = getattr(resource, "steward_updates", {}).get(update_id)
    if update is None:
        raise ResourceNotFoundException(
            clusterName=name, nodegroupName=nodegroup_name, fargateProfileName=None,
            addonName=None, message=f"No update found for ID: {update_id}",
        )
    return update


# --- moto's EKS responses for the operations it lacks or answers with the wrong shape -------
def _response_update_nodegroup_version(self):
    update = self.eks_backend.update_nodegroup_version(
        cluster_name=self._get_param("name"),
        nodegroup_name=self._get_param("nodegroupName"),
        version=self._get_param("version"),
        release_version=self._get_param("releaseVersion"),
    )
    return ActionResult({"update": update})


def _response_describe_update(self):
    update = self.eks_backend.describe_update(
        name=self._get_param("name"),
        update_id=self._get_param("updateId"),
        nodegroup_name=self._get_param("nodegroupName"),
    )
    return ActionResult({"update": update})


_moto_response_update_cluster_config = EKSResponse.update_cluster_config


def _response_update_cluster_config(self):
    # AWS answers UpdateClusterConfig with {"update": ...}; moto with the cluster.
    _moto_response_update_cluster_config(self)
    cluster = self.eks_backend.describe_cluster(name=self._get_param("name"))
    return ActionResult({"update": cluster.steward_last_update})


WRAPPED = {
    "create_cluster": _create_cluster,
    "create_nodegroup": _create_nodegroup,
    "create_fargate_profile": _create_fargate_profile,
    "delete_cluster": _delete_cluster,
    "delete_nodegroup": _delete_nodegroup,
    "delete_fargate_profile": _delete_fargate_profile,
    "update_nodegroup_config": _update_nodegroup_config,
    "update_cluster_config": _update_cluster_config,
}


def apply() -> None:
    """After patches.apply(): wraps whatever EKSBackend holds by then."""
    for name, wrapper in WRAPPED.items():
        _moto[name] = getattr(eks.EKSBackend, name)
        setattr(eks.EKSBackend, name, wrapper)
    eks.EKSBackend.update_nodegroup_version = _update_nodegroup_version
    eks.EKSBackend.describe_update = _describe_update
    EKSResponse.call_action = _call_action
    EKSResponse.update_nodegroup_version = _response_update_nodegroup_version
    EKSResponse.describe_update = _response_describe_update
    EKSResponse.update_cluster_config = _response_update_cluster_config
    # Routes for the two operations moto lacks (read when the server builds its EKS app).
    group = "{0}/clusters/(?P<name>[^/]+)/node-groups/(?P<nodegroupName>[^/]+)"
    eks_urls.url_paths[group + "/update-version$"] = eks_urls.response.dispatch
    eks_urls.url_paths[
        "{0}/clusters/(?P<name>[^/]+)/updates/(?P<updateId>[^/]+)$"
    ] = eks_urls.response.dispatch
