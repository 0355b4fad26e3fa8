package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.pipeline.Action;

/** What the tag enforcer changes: EKS tags, and the tags of node groups' Auto Scaling groups. */
public sealed interface TaggingAction extends Action permits ApplyTags, PropagateToAsg {}
