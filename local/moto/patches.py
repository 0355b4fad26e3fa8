"""Where moto falls short of AWS, make it answer as AWS does. Applied by steward_moto.py.

Every patch names the AWS behaviour it restores; README.md beside this file lists them all,
with the gaps that remain. Keep each patch small: validate, then delegate to moto.
"""
import copy
import re

from moto.eks import models as eks
from moto.eks.exceptions import EKSError, InvalidParameterException, ResourceNotFoundException
from moto.iam import models as iam
from moto.iam.exceptions import InvalidInput, ValidationError
from moto.core.exceptions import JsonRESTError
from moto.kms import models as kms
from moto.sts import responses as sts_responses

# EKS limits (service quotas / API model), see DESIGN.md §5.
MAX_TAGS = 50
MAX_FARGATE_SELECTORS = 5
MAX_FARGATE_PROFILES_PER_CLUSTER = 10
# IAM limits for OIDC providers.
MAX_THUMBPRINTS = 5
THUMBPRINT = re.compile(r"^[0-9a-fA-F]{40}$")


# --- EKS errors moto does not define (error codes and HTTP statuses from the EKS API model) ---
class NotFoundException(EKSError):
    TYPE = "NotFoundException"
    STATUS = 404


class BadRequestException(EKSError):
    TYPE = "BadRequestException"
    STATUS = 400


class ResourceLimitExceededException(EKSError):
    TYPE = "ResourceLimitExceededException"
    STATUS = 400


def _invalid(message):
    return InvalidParameterException(
        clusterName=None, nodegroupName=None, fargateProfileName=None, addonName=None, message=message
    )


# --- EKS tags on node groups and Fargate profiles -------------------------------------------
# AWS: TagResource/UntagResource/ListTagsForResource accept cluster, node group and Fargate
# profile ARNs (moto: clusters only). Tags live on the object, so Describe* shows them too.
# An unknown ARN is NotFoundException (404), as in the EKS API model.
def _taggable(backend, arn):
    for cluster in backend.clusters.values():
        if cluster.arn == arn:
            return cluster
        for group in cluster.nodegroups.values():
            if group.arn == arn:
                return group
        for profile in cluster.fargate_profiles.values():
            if profile.fargate_profile_arn == arn:
                return profile
    raise NotFoundException(message=f"Resource was not found: {arn}")


def _tag_resource(self, resource_arn, tags):
    target = _taggable(self, resource_arn)
    tags = tags or {}
    # AWS: keys with the aws: prefix are reserved; at most 50 tags per resource.
    if any(key.lower().startswith("aws:") for key in tags):
        raise BadRequestException(message="Tag keys with the aws: prefix are reserved.")
    if len({**target.tags, **tags}) > MAX_TAGS:
        raise BadRequestException(message=f"A resource can have at most {MAX_TAGS} tags.")
    target.tags.update(tags)


def _untag_resource(self, resource_arn, tag_keys):
    target = _taggable(self, resource_arn)
    keys = tag_keys if isinstance(tag_keys, list) else [tag_keys]
    for key in keys:
        target.tags.pop(key, None)


def _list_tags_for_resource(self, resource_arn):
    return _taggable(self, resource_arn).tags


# --- EKS node group scaling ----------------------------------------------------------------
# AWS: maxSize >= 1, minSize >= 0, minSize <= maxSize, minSize <= desiredSize <= maxSize,
# checked against the node group's config merged with the update (moto accepts anything).
def _check_scaling(config):
    low, high, desired = config.get("minSize"), config.get("maxSize"), config.get("desiredSize")
    if high is not None and high < 1:
        raise _invalid("Requested max capacity can't be less than 1")
    if low is not None and low < 0:
        raise _invalid("Requested min capacity can't be less than 0")
    if desired is not None and desired < 0:
        raise _invalid("Requested desired capacity can't be less than 0")
    if low is not None and high is not None and low > high:
        raise _invalid(f"Minimum capacity {low} can't be greater than max size {high}")
    if desired is not None and high is not None and desired > high:
        raise _invalid(f"Desired capacity {desired} can't be greater than max size {high}")
    if desired is not None and low is not None and desired < low:
        raise _invalid(f"Desired capacity {desired} can't be lower than min size {low}")


_moto_update_nodegroup_config = eks.EKSBackend.update_nodegroup_config
_moto_create_nodegroup = eks.EKSBackend.create_nodegroup


def _update_nodegroup_config(self, cluster_name, nodegroup_name, *args, **kwargs):
    scaling = kwargs.get("scaling_config")
    cluster = self.clusters.get(cluster_name)
    group = cluster.nodegroups.get(nodegroup_name) if cluster else None
    if scaling and group is not None:
        _check_scaling({**group.scaling_config, **scaling})
    return _moto_update_nodegroup_config(self, cluster_name, nodegroup_name, *args, **kwargs)


def _create_nodegroup(self, *args, **kwargs):
    if kwargs.get("scaling_config"):
        _check_scaling(kwargs["scaling_config"])
    group = _moto_create_nodegroup(self, *args, **kwargs)
    # moto hands every group without scalingConfig the same module-level default dict, so one
    # group's update would resize all of them; AWS keeps each group's config its own.
    group.scaling_config = copy.deepcopy(group.scaling_config)
    return group


# --- EKS listings of an unknown cluster ----------------------------------------------------
# AWS: ListNodegroups / ListFargateProfiles of a cluster that does not exist are
# ResourceNotFoundException (404), which is how a caller learns the cluster is gone; moto fails
# with a KeyError (500).
_moto_list_nodegroups = eks.EKSBackend.list_nodegroups
_moto_list_fargate_profiles = eks.EKSBackend.list_fargate_profiles


def _known_cluster(backend, cluster_name):
    if cluster_name not in backend.clusters:
        raise ResourceNotFoundException(
            clusterName=None, nodegroupName=None, fargateProfileName=None, addonName=None,
            message=f"No cluster found for name: {cluster_name}.")


def _list_nodegroups(self, cluster_name, *args, **kwargs):
    _known_cluster(self, cluster_name)
    return _moto_list_nodegroups(self, cluster_name, *args, **kwargs)


def _list_fargate_profiles(self, cluster_name, *args, **kwargs):
    _known_cluster(self, cluster_name)
    return _moto_list_fargate_profiles(self, cluster_name, *args, **kwargs)


# --- EKS cluster identity ----------------------------------------------------------------
# AWS: every cluster has its own OIDC issuer (https://oidc.eks.<region>.amazonaws.com/id/<32 hex>);
# moto draws one id at import time and gives it to every cluster, so IRSA providers would collide.
_moto_create_cluster = eks.EKSBackend.create_cluster


def _create_cluster(self, *args, **kwargs):
    cluster = _moto_create_cluster(self, *args, **kwargs)
    issuer_id = eks.random.get_random_hex(32).upper()
    cluster.identity = {
        "oidc": {"issuer": f"https://oidc.eks.{self.region_name}.amazonaws.com/id/{issuer_id}"}
    }
    return cluster


# --- EKS Fargate profiles ------------------------------------------------------------------
_moto_create_fargate_profile = eks.EKSBackend.create_fargate_profile


def _create_fargate_profile(self, fargate_profile_name, cluster_name, selectors, *args, **kwargs):
    # AWS: the eks- prefix is reserved; at most 5 selectors; at most 10 profiles per cluster.
    if fargate_profile_name and fargate_profile_name.lower().startswith("eks-"):
        raise _invalid("Fargate profile name cannot start with the reserved prefix 'eks-'.")
    if selectors and len(selectors) > MAX_FARGATE_SELECTORS:
        raise _invalid(f"Fargate Profile cannot have more than {MAX_FARGATE_SELECTORS} selectors.")
    cluster = self.clusters.get(cluster_name)
    if cluster and len(cluster.fargate_profiles) >= MAX_FARGATE_PROFILES_PER_CLUSTER:
        raise ResourceLimitExceededException(
            message=f"Cluster {cluster_name} already has {MAX_FARGATE_PROFILES_PER_CLUSTER} Fargate profiles."
        )
    return _moto_create_fargate_profile(
        self, fargate_profile_name, cluster_name, selectors, *args, **kwargs
    )


# --- IAM OIDC thumbprints ------------------------------------------------------------------
# AWS: each thumbprint is exactly 40 characters (ValidationError, from the API model's length
# constraint), lowercase or uppercase hex (InvalidInput), at most 5 per provider (InvalidInput
# "Thumbprint list must contain fewer than 5 entries."). UpdateOpenIDConnectProviderThumbprint
# replaces the list and requires at least one entry. moto checks only > 40 chars and > 5, and
# only on create.
def _check_thumbprints(thumbprints, required):
    thumbprints = thumbprints if isinstance(thumbprints, list) else ([thumbprints] if thumbprints else [])
    if any(len(t) != 40 for t in thumbprints):
        raise ValidationError(
            f"1 validation error detected: Value '{thumbprints}' at 'thumbprintList' failed to "
            "satisfy constraint: Member must satisfy constraint: [Member must have length less "
            "than or equal to 40, Member must have length greater than or equal to 40]"
        )
    if len(thumbprints) > MAX_THUMBPRINTS:
        raise InvalidInput("Thumbprint list must contain fewer than 5 entries.")
    if required and not thumbprints:
        raise InvalidInput("Thumbprint list must contain at least one entry.")
    if any(not THUMBPRINT.match(t) for t in thumbprints):
        raise InvalidInput("Thumbprint must be the hex-encoded SHA-1 hash of a certificate.")
    return thumbprints


_moto_create_oidc = iam.IAMBackend.create_open_id_connect_provider
_moto_update_thumbprints = iam.IAMBackend.update_open_id_connect_provider_thumbprint


def _create_open_id_connect_provider(self, url, thumbprint_list, client_id_list, tags):
    # Since 2024 the list is optional on create (IAM then fetches the thumbprint itself).
    thumbprints = _check_thumbprints(thumbprint_list, required=False)
    return _moto_create_oidc(self, url, thumbprints, client_id_list, tags)


def _update_open_id_connect_provider_thumbprint(self, arn, thumbprint_list):
    self.get_open_id_connect_provider(arn)  # NoSuchEntity before input errors, as IAM does
    thumbprints = _check_thumbprints(thumbprint_list, required=True)
    return _moto_update_thumbprints(self, arn, list(thumbprints))


# --- KMS MACs with a key that is not enabled -------------------------------------------------
# AWS: GenerateMac/VerifyMac need an Enabled key (KMS API reference, "Key states of AWS KMS
# keys"): a disabled key answers DisabledException, a key pending deletion
# KMSInvalidStateException (both 400). moto 5.2 signs and verifies with them.
class DisabledException(JsonRESTError):
    code = 400

    def __init__(self, key_id):
        super().__init__("DisabledException", f"{key_id} is disabled.")


class KMSInvalidStateException(JsonRESTError):
    code = 400

    def __init__(self, key_id):
        super().__init__("KMSInvalidStateException", f"{key_id} is pending deletion.")


def _usable_key(backend, key_id):
    key = backend.keys[backend.any_id_to_key_id(key_id)]
    if key.key_state == "PendingDeletion":
        raise KMSInvalidStateException(key.arn)
    if key.key_state != "Enabled":
        raise DisabledException(key.arn)


_moto_generate_mac = kms.KmsBackend.generate_mac
_moto_verify_mac = kms.KmsBackend.verify_mac


def _generate_mac(self, message, key_id, *args, **kwargs):
    _usable_key(self, key_id)
    return _moto_generate_mac(self, message, key_id, *args, **kwargs)


def _verify_mac(self, message, key_id, *args, **kwargs):
    _usable_key(self, key_id)
    return _moto_verify_mac(self, message, key_id, *args, **kwargs)


# A presigned request (SigV4 in the query, as eks-steward's request proofs are) names its access
# key in X-Amz-Credential (<key>/<date>/<region>/sts/aws4_request), not in an Authorization header;
# moto read only the header (or the old SigV2 AWSAccessKeyId), so every presigned GetCallerIdentity
# came back as the default user. Like moto in general, the signature itself is not verified.
_moto_sts_access_key = sts_responses.TokenResponse.get_access_key


def _sts_access_key(self):
    credential = self.querystring.get("X-Amz-Credential")
    if "Authorization" not in self.headers and credential:
        return credential[0].split("/")[0]
    return _moto_sts_access_key(self)


def apply() -> None:
    sts_responses.TokenResponse.get_access_key = _sts_access_key
    kms.KmsBackend.generate_mac = _generate_mac
    kms.KmsBackend.verify_mac = _verify_mac
    eks.EKSBackend.tag_resource = _tag_resource
    eks.EKSBackend.untag_resource = _untag_resource
    eks.EKSBackend.list_tags_for_resource = _list_tags_for_resource
    eks.EKSBackend.update_nodegroup_config = _update_nodegroup_config
    eks.EKSBackend.create_nodegroup = _create_nodegroup
    eks.EKSBackend.create_fargate_profile = _create_fargate_profile
    eks.EKSBackend.create_cluster = _create_cluster
    eks.EKSBackend.list_nodegroups = _list_nodegroups
    eks.EKSBackend.list_fargate_profiles = _list_fargate_profiles
    iam.IAMBackend.create_open_id_connect_provider = _create_open_id_connect_provider
    iam.IAMBackend.update_open_id_connect_provider_thumbprint = (
        _update_open_id_connect_provider_thumbprint
    )
