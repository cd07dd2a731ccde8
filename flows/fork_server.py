"""What the local workers' fork server imports (flows/workers.py): the pipeline, imported with the collector
off and frozen (flows/pipeline_imports.py), and a quick, quiet end.

The server ends with the run, through the interpreter's normal exit. Objects frozen in reference cycles are
never freed there, DuckDB's among them, and DuckDB's bindings report each as a leak: ~50 "nanobind: leaked ..."
lines on the run's terminal after its summary. Unfreezing them first costs the server a ~0.4 s collection
(measured) that the run's output pipe waits for. The server has nothing to write or close by then (it only
forks workers, which end with os._exit and never run this), so it skips the teardown instead.

The server ends when the run's process does (multiprocessing closes its pipe); each worker it forks is killed
by the kernel when the server ends (flows/lifeline.py), so no worker outlives a run killed with SIGKILL."""
import atexit
import logging
import os
import signal
import sys
from functools import partial

import flows.pipeline_imports  # noqa: F401  (imported for its side effect)
from flows.lifeline import die_with_parent

os.register_at_fork(after_in_child=partial(die_with_parent, signal.SIGKILL))

# The workers forked from here would log their start and stop at INFO (~30 lines per run, each worker's
# address, memory and scratch folder): only warnings, as in the flow's process (flows/workers.py).
logging.getLogger("distributed").setLevel(logging.WARNING)


def _end_without_teardown() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


atexit.register(_end_without_teardown)
