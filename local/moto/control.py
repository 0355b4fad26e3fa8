"""The control endpoint for options.py, and moto's reset returning the options to start-up values.

    GET  /eks-steward/options                          -> 200 {all options}
    POST /eks-steward/options {"transitionSeconds": 2}  -> 200 {all options}
         an unknown name or a bad value                -> 400 {"message": ...}, nothing changed
    GET  /eks-steward/transitions                      -> 200 {"pendingSeconds": 0.42}: until the
                                                          last EKS transition under way ends
    POST /eks-steward/transitions                      -> 200 {"pendingSeconds": 0}: every
                                                          transition under way ends now
    POST /eks-steward/nodegroup-status {"account", "region", "cluster", "nodegroup",
         "status": "DEGRADED" | "ACTIVE"}             -> 200 {"status", "health"}: the group as
                                                          EKS leaves it after a failed scale-out
                                                          (or a successful one); a bad status, an
                                                          unknown group or one in a transition
                                                          -> 400 {"message": ...}
"""
import json
from urllib.parse import parse_qs

from moto import server
from moto.moto_api._internal.models import MotoAPIBackend
from werkzeug.wrappers import Request, Response

import lifecycle
import options

PATH = "/eks-steward/options"
TRANSITIONS = "/eks-steward/transitions"
NODEGROUP_STATUS = "/eks-steward/nodegroup-status"


def _handle(environ, start_response):
    request = Request(environ)
    status = 200
    if request.method == "GET":
        body = options.current()
    elif request.method == "POST":
        try:
            body = options.update(json.loads(request.get_data(as_text=True) or "{}"))
        except (ValueError, options.OptionError) as e:  # JSONDecodeError is a ValueError
            status, body = 400, {"message": str(e)}
    else:
        status, body = 405, {"message": "GET or POST"}
    return Response(json.dumps(body), status=status, mimetype="application/json")(
        environ, start_response
    )


def _nodegroup_status(environ, start_response):
    request = Request(environ)
    status = 200
    if request.method != "POST":
        status, body = 405, {"message": "POST"}
    else:
        try:
            ask = json.loads(request.get_data(as_text=True) or "{}")
            body = lifecycle.set_nodegroup_status(
                ask.get("account"), ask.get("region"), ask.get("cluster"), ask.get("nodegroup"),
                ask.get("status"),
            )
        except (ValueError, AttributeError) as e:  # StatusError and JSONDecodeError are ValueErrors
            status, body = 400, {"message": str(e)}
    return Response(json.dumps(body), status=status, mimetype="application/json")(
        environ, start_response
    )


class _App(server.DomainDispatcherApplication):
    """moto's server application, answering the control path itself."""

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == PATH:
            return _handle(environ, start_response)
        if environ.get("PATH_INFO") == NODEGROUP_STATUS:
            return _nodegroup_status(environ, start_response)
        if environ.get("PATH_INFO") == TRANSITIONS:
            if environ.get("REQUEST_METHOD") == "POST":
                lifecycle.end_all()
            body = {"pendingSeconds": lifecycle.pending_seconds()}
            return Response(json.dumps(body), mimetype="application/json")(
                environ, start_response
            )
        return super().__call__(environ, start_response)

    def infer_service_region_host(self, environ, path):
        # A presigned request (SigV4 in the query, as eks-steward's request proofs are) names its
        # service in X-Amz-Credential; moto read only the Authorization header, so it answered a
        # presigned STS GetCallerIdentity as S3's ListBuckets. On AWS the host decides
        # (sts.<region>.amazonaws.com); here the credential scope does.
        if not environ.get("HTTP_AUTHORIZATION"):
            query = parse_qs(environ.get("QUERY_STRING", ""))
            scope = query.get("X-Amz-Credential", [""])[0].split("/")
            if len(scope) == 5 and scope[3] == "sts":
                return f"sts.{scope[2]}.amazonaws.com"
        return super().infer_service_region_host(environ, path)


_moto_reset = MotoAPIBackend.reset


def _reset(self):
    _moto_reset(self)
    options.reset()


def apply():
    server.DomainDispatcherApplication = _App  # moto.server.main builds its app from this name
    MotoAPIBackend.reset = _reset
