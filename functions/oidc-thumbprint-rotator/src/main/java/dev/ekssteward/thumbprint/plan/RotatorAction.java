package dev.ekssteward.thumbprint.plan;

import dev.ekssteward.shared.pipeline.Action;

/** What the rotator changes in IAM; each has one executor (see the {@code apply} package). */
public sealed interface RotatorAction extends Action permits UpdateThumbprints, CreateProvider {}
