"""text -> Article: title, paragraphs in blank-line sections, trailing related headlines.

Two shapes are read the same way: every non-empty line is a paragraph, blank lines separate sections.
- A first section of one short line is the title when it does not end a sentence with "." (the BBC shape), or
  when it does but reads like a headline (the US shape: "City council backs new tram plan."): no quotation,
  no sentence break inside unless in Title Case, and not opening like prose with a determiner or pronoun.
- Lines directly after the last paragraph that do not end a sentence and look like headlines are the related
  headlines (the seed shape). This is deliberately conservative: a list, a results table or a one-line
  paragraph that merely lacks terminal punctuation stays in the body.
"""
from __future__ import annotations

import re

from transforms.model import Article, BadInput, Paragraph

_CLOSERS = "\"”'’)]"
_SENTENCE_END = ".!?;:…"
_TITLE_MAX_WORDS = 20
_HEADLINE_WORDS = range(4, 26)
_MIN_HEADLINES = 2
_HEADLINE_START = re.compile(r"[A-Z0-9‘'“\"]")
_FULL_STOP_TITLE_MAX_WORDS = 16
_QUOTE_MARKS = ('"', "“", "”", "''")
_KICKER = re.compile(r"^[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}: ")
# Prose opens with these far more often than a headline does ("The minister resigned on Monday.").
_PROSE_OPENERS = frozenset(
    "the a an this that these those it he she they we i you his her its their our my there here".split())
# A paragraph is one line. The longest in the 2,205 BBC articles is 2,572 characters; a line of megabytes is
# a dump without line breaks, and extracting facts from it costs seconds and yields noise.
MAX_PARAGRAPH_CHARS = 100_000
# The longest BBC article has 74 paragraphs and 25 kB. Attributing a quote compares it with the people named
# before it, so a book-length file would cost minutes (8,000 paragraphs: 7 s); these bound a file at ~0.5 s.
MAX_PARAGRAPHS = 2_000
MAX_ARTICLE_CHARS = 1_000_000
# A wire dateline opening a line: the place in capitals (a region after a comma), then a date or the agency
# ("LONDON 1996-08-30", "VALENCIA , Spain 1996-09-14", "MOSCOW, Aug 30 (Reuters) -", "WASHINGTON (AP) -",
# "NEW YORK - Republican ..."; not the subject slug of a headline in capitals, "SOCCER - LEEDS HOLD ...").
_AGENCY = r"\([A-Z][\w ]{1,20}\) ?[-–—]"
DATELINE = re.compile(r"(?P<place>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]*){0,3})"
                      r"(?: ?, (?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}))?,? "
                      rf"(?:\d{{4}}-\d\d-\d\d\b|{_AGENCY}|[-–—] (?=[A-Z][a-z])"
                      rf"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{{1,2}}\b(?: ?{_AGENCY})?)")


def segment(text: str, title: str | None = None) -> Article:
    """`title`: the article's title when its metadata gives one. The text's first line is then the title only
    when it reads the same (a file repeating its title); otherwise it stays in the body."""
    blocks = _blocks(text)
    if not blocks:
        raise BadInput("no paragraphs: the file holds only blank lines")
    lines = [line for block in blocks for line in block]
    longest = max(lines, key=len)
    if len(longest) > MAX_PARAGRAPH_CHARS:
        raise BadInput(f"line of {len(longest):,} characters (limit {MAX_PARAGRAPH_CHARS:,}): "
                       "not article text; a file without line breaks?")
    if len(lines) > MAX_PARAGRAPHS or len(text) > MAX_ARTICLE_CHARS:
        raise BadInput(f"{len(lines):,} lines, {len(text):,} characters (limits {MAX_PARAGRAPHS:,} and "
                       f"{MAX_ARTICLE_CHARS:,}): longer than any news article")
    # Related headlines are only recognised after a body; a file of nothing else has lost its article.
    if len(lines) >= _MIN_HEADLINES and all(_looks_like_headline(line) for line in lines):
        raise BadInput(f"no body: all {len(lines)} lines look like headlines and none ends a sentence")
    if title is not None:
        if len(blocks) > 1 and len(blocks[0]) == 1 and " ".join(blocks[0][0].split()) == " ".join(title.split()):
            blocks.pop(0)
    elif len(blocks) > 1 and _is_title(blocks[0], blocks[1]):
        title = blocks.pop(0)[0]
    elif len(blocks) > 1 and _is_title_over_deck(blocks[0]):
        title = blocks[0].pop(0)
    blocks, headlines = _split_related_headlines(blocks)
    paragraphs = []
    for section_index, block in enumerate(blocks):
        for line in block:
            paragraphs.append(Paragraph(len(paragraphs), section_index, line))
    return Article(title, tuple(paragraphs), tuple(headlines))


def _blocks(text: str) -> list[list[str]]:
    blocks, current = [], []
    for line in text.split("\n"):
        line = line.strip()
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_title(block: list[str], next_block: list[str]) -> bool:
    line = block[0]
    if len(block) != 1 or len(line.split()) > _TITLE_MAX_WORDS:
        return False
    ends_with_full_stop = line.endswith(".") and not line.endswith("...")  # a trailing ellipsis is a title
    return not ends_with_full_stop or _reads_like_headline(line, next_block[0])


def _is_title_over_deck(block: list[str]) -> bool:
    """A headline ended by ";" over a one-line deck, in one block ("Jobs report gives Democrats a lift;")."""
    return len(block) == 2 and block[0].endswith(";") and len(block[0].split()) <= _TITLE_MAX_WORDS


def _reads_like_headline(line: str, next_line: str) -> bool:
    """A line ending with a full stop that is still a headline: no quotation, and Title Case, a kicker, or
    headline grammar (no sentence break; a determiner or pronoun opening only over a much longer lede)."""
    words = line.split()
    if any(mark in line for mark in _QUOTE_MARKS):
        return False
    if _title_case(words) or _KICKER.match(line):  # "Lynch: No outside influence on FBI probe."
        return True
    if len(words) > _FULL_STOP_TITLE_MAX_WORDS or re.search(r"\b[a-z]{2,}[.!?] [A-Z]", line[:-1]):
        return False
    prose_opening = words[0].strip("‘'(").lower() in _PROSE_OPENERS
    return not prose_opening or len(next_line.split()) >= 2 * len(words)


def _title_case(words: list[str]) -> bool:
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) * 4 >= len(long_words) * 3


def _split_related_headlines(blocks: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    last = blocks[-1]
    cut = len(last)
    while cut > 0 and _looks_like_headline(last[cut - 1]):
        cut -= 1
    if len(last) - cut < _MIN_HEADLINES or cut == 0:
        return blocks, []
    # Headlines follow a paragraph that ends a sentence, but not one that introduces a list ("Results:").
    lead_in = last[cut - 1].rstrip(_CLOSERS)
    if not _ends_sentence(lead_in) or lead_in.endswith(":"):
        return blocks, []
    return blocks[:-1] + [last[:cut]], last[cut:]


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS).endswith(tuple(_SENTENCE_END))


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return (
        not _ends_sentence(line)
        and "\t" not in line
        and len(words) in _HEADLINE_WORDS
        and bool(_HEADLINE_START.match(line))
        and sum(w[0].isalpha() for w in words) * 2 > len(words)
    )
