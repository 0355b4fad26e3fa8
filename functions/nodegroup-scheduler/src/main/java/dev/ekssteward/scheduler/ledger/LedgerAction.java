package dev.ekssteward.scheduler.ledger;

import dev.ekssteward.shared.pipeline.Action;

/** The changes a run makes to the scheduler's own parameters; one executor carries out each. */
public sealed interface LedgerAction extends Action permits PauseScaleDowns, UpdateRecordIndex {}
