"""What the local Dask workers' fork server imports before it forks them (flows/workers.py): the pipeline, with
the garbage collector off meanwhile and its objects frozen after, as `news-etl run` does in its own process."""
import gc

gc.disable()
import flows.pipeline  # noqa: E402,F401  (imported for its side effect: the modules a batch needs)

gc.freeze()
gc.enable()
