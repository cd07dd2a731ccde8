from transforms.extract.triggers import Heads, Scanner, windows

SCANNER = Scanner({"month": Heads(("Mar", "May")), "unit": Heads((), prefixes=("year",)),
                   "fraction": Heads(("alf",), anywhere=True)})


def test_scanner_scan_whole_words_end_at_a_word_boundary():
    text = "Mark came in Mar, not in May or Mayor"
    assert SCANNER.scan(text)["month"] == [(13, 16), (25, 28)]


def test_scanner_scan_prefixes_run_on_but_start_at_a_word_boundary():
    text = "two years ago, a yearly event, not layears"
    assert SCANNER.scan(text)["unit"] == [(4, 8), (17, 21)]


def test_scanner_scan_anywhere_counts_every_occurrence():
    assert SCANNER.scan("half of behalf")["fraction"] == [(1, 4), (11, 14)]


def test_scanner_scan_names_every_grammar_even_without_hits():
    assert SCANNER.scan("nothing here") == {"month": [], "unit": [], "fraction": []}


def test_windows_merge_overlapping_reaches():
    assert windows([(50, 54), (10, 14), (20, 24)], 5, 5, 60) == [(5, 29), (45, 59)]
