"""Opt-in EKS realism that plain moto lacks and that tests written against it would trip over.
Each reads its switch from options.py on every call; apply() runs after patches.py and
lifecycle.py, so these come first:
- request-limit faults (requestLimitShare, requestLimitSeed);
"""
from moto.eks import models as eks
from moto.eks.exceptions import InvalidRequestException
from moto.eks.responses import EKSResponse

import options

# --- Request-limit faults ------------------------------------------------------------------
# AWS: under load EKS answers HTTP 400 InvalidRequestException "Request limit exceeded." (not
# ThrottlingException), which the SDKs do not retry (aws/aws-sdk#652, aws/aws-sdk-go-v2#2368).
# Option requestLimitShare: the share of EKS calls answered so; requestLimitSeed repeats them.
REQUEST_LIMIT_MESSAGE = "Request limit exceeded."


def _error_response(response, error):
    """The error as moto's own call_action would answer it."""
    headers = {**dict(error.get_headers()), "status": error.code}
    status, headers, body = response._transform_response(
        response.response_headers, (error.description, headers)
    )
    headers, body = response._enrich_response(headers, body)
    return status, headers, body


_moto_call_action = None


def _call_action(self):
    if options.request_limited():
        return _error_response(self, InvalidRequestException(message=REQUEST_LIMIT_MESSAGE))
    return _moto_call_action(self)


# --- Wrappers around what EKSBackend holds at apply() -------------------------------------
_inner = {}


WRAPPED = {}


def apply() -> None:
    global _moto_call_action
    for name, wrapper in WRAPPED.items():
        _inner[name] = getattr(eks.EKSBackend, name)
        setattr(eks.EKSBackend, name, wrapper)
    _moto_call_action = EKSResponse.call_action
    EKSResponse.call_action = _call_action
