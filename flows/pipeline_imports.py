"""The pipeline's modules, imported with the garbage collector off and frozen after: what the flow's process
(`news-etl run`) and the local workers' fork server (flows/workers.py) import first. Those ~1M objects live as
long as the process; Python's full collections over them while they were made took ~0.4 s (measured), and
frozen they stay out of every later one."""
import gc

gc.disable()
import flows.pipeline  # noqa: E402,F401  (imported for its side effect: the modules a batch needs)

gc.freeze()
gc.enable()
