from flows.discover import Plan, SeenFile
from flows.pipeline import batches_of


def _plan(n: int) -> Plan:
    return Plan(to_load=[SeenFile(f"f{i:05d}.txt", 1, 1, "sha", f"a{i}", "new") for i in range(n)])


def _sizes(n: int, batch_size: int, workers: int) -> list[int]:
    return [len(b) for b in batches_of(_plan(n), batch_size, workers)]


def test_batches_of_splits_evenly_into_a_multiple_of_the_workers():
    sizes = _sizes(44_100, 2000, 2)
    assert len(sizes) == 24 and set(sizes) == {1837, 1838} and sum(sizes) == 44_100


def test_batches_of_keeps_the_files_in_path_order_once_each():
    batches = batches_of(_plan(7), 3, 2)
    assert [f.path for b in batches for f in b.files] == [f"f{i:05d}.txt" for i in range(7)]
    assert [len(b) for b in batches] == [2, 2, 2, 1]


def test_batches_of_never_exceeds_the_batch_size_nor_makes_empty_batches():
    assert _sizes(2001, 2000, 2) == [1001, 1000]
    assert _sizes(3, 1, 2) == [1, 1, 1]
    assert _sizes(2000, 2000, 2) == [2000]
    assert _sizes(0, 2000, 2) == []


def test_batches_of_one_worker_fills_batches_in_turn():
    assert _sizes(5, 2, 1) == [2, 2, 1]
