"""How fast this machine runs Python today, on a fixed workload that none of the project's code touches.

Nearly the same extractor ran 1,141 articles/s one day and 804 eleven days later on "the same" 2-core
machine (a shared host's CPU is not a constant). A benchmark figure alone cannot say whether the code or the
machine moved; this one can, because its workload never changes: the extractor's kind of work (a regex over
text, dict and tuple churn, small function calls) on a fixed synthetic text. `news-etl bench` measures it
before its first run and after its last (`machine.start.*`, `machine.end.*`: the machine drifts within
minutes too), and compares `extract_only` figures of two days through their ratio to the end one
(`extract_only.articles_per_reference_loop`).
"""
from __future__ import annotations

import gc
import re
import time

# Never edit the workload: its figure is only comparable with itself.
_TEXT = " ".join(f"Minister{i % 97} said on Monday the {i % 13}th talks in London were 'useful', "
                 f"adding: \"We have {i % 31} offers.\"" for i in range(200))
_WORD = re.compile(r"\b[A-Z][a-z]+\d*\b|\d+")
_EXPECTED_TOP = (("London", 200), ("Monday", 200), ("We", 200))


def _spans(text: str) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _WORD.finditer(text)]


def reference_loop() -> tuple[tuple[str, int], ...]:
    """One pass of the workload; returns the three most frequent capitalised words (checked, so that no
    interpreter can skip the work)."""
    counts: dict[str, int] = {}
    for word, _ in _spans(_TEXT):
        if not word.isdigit():
            counts[word] = counts.get(word, 0) + 1
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])


def reference_loops_per_s(seconds: float = 0.5, rounds: int = 3) -> float:
    """Passes of `reference_loop` per CPU second of this process, best of `rounds` rounds of ~`seconds`."""
    if reference_loop() != _EXPECTED_TOP:
        raise AssertionError(f"the reference workload gave {reference_loop()}, not {_EXPECTED_TOP}")
    best = 0.0
    collecting = gc.isenabled()
    gc.disable()  # the workload makes no cycles: without this, its speed would depend on the caller's heap
    try:
        for _ in range(rounds):
            loops, start = 0, time.process_time()
            while (elapsed := time.process_time() - start) < seconds:
                reference_loop()
                loops += 1
            best = max(best, loops / elapsed)
    finally:
        if collecting:
            gc.enable()
    return round(best, 1)
