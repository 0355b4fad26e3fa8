"""Makes moto answer faster without changing what it answers. Applied by steward_moto.py.

moto's EKS checks each role ARN of CreateCluster and CreateNodegroup against the partitions that
a fresh boto3 Session lists; building that Session reads botocore's data files again, ~50-90 ms
a call and the bulk of each create (1,000 clusters x 5 node groups: ~10 minutes). The partitions
cannot change while the server runs, so the check gets one Session, built here, instead.
"""
import boto3
from moto.eks import utils


def apply() -> None:
    session = boto3.Session()
    session.get_available_partitions()  # loads the endpoint data once, before any thread asks
    utils.Session = lambda: session
