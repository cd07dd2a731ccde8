"""Find name mentions: runs of capitalised words, typed by gazetteers, lexicons and the words around them.

One regex pass per text finds candidate runs ("Korean Central News Agency", "Mr Kim", "Sea of Japan");
each run is then resolved into zero or more typed mentions. Types are PERSON, ORG, GPE, LOC, NORP and
UNKNOWN (a single capitalised word with no evidence yet: the merge step decides, e.g. a surname of a
person named in full elsewhere in the article).
"""
from __future__ import annotations

import re

from transforms.extract import gazetteer, lexicon, tables
from transforms.extract.names import GIVEN_NAMES
from transforms.extract.runs import (
    _ARTICLES,
    _CAP,
    _TOKEN,
    _UPPER,
    GENERATIONS,
    Mention,
    _known,
    resolve,
    with_generation,
)
from transforms.segment import DATELINE

__all__ = ["Mention", "find_mentions", "mostly_upper"]

# Joiners inside a name: "Sea of Japan", "Procter & Gamble", "Korean People's Army", "Workers' Party".
_JOIN = r"(?: (?:of|of the|for|for the|de|del|della|da|di|du|van|von|der|den|le|la|al|bin|and|&|upon|on) |['’]s |['’] | )"
_RUN = re.compile(rf"(?=[{_UPPER}])(?<![\w'’])(?:{_CAP})(?:{_JOIN}(?:{_CAP}))*(?: \d{{1,2}}\b(?![.,:]?\d))?")
_ACRONYM_DEF = re.compile(r" \(([A-Z][A-Za-z&]{1,7})\)")
_NEVER_NAMES = frozenset(w for w in lexicon.LONE_NOT_NAMES - lexicon.HONORIFICS
                         if w not in gazetteer.orgs() and w not in gazetteer.places())
_ALL_BUT = {case: bytes(sorted(set(range(256)) - set(letters))) for case, letters in
            (("upper", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"), ("lower", b"abcdefghijklmnopqrstuvwxyz"))}
_RESULT_LINE = re.compile(r"^[A-Z][\w.'’ -]{1,40}? \d{1,3} [A-Z][\w.'’ -]{1,40}? \d{1,3}\b")
# A line that is nothing but a result, in any article: "Everton 2 Fulham 1", "Parma ( 6 ) v Lazio ( 3 )".
_SIDE = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
_SIDE_SCORE = r"(?:\d{1,3}|\(\s?\d{1,3}\s?\))"
_RESULT_ROW = re.compile(rf"^{_SIDE} {_SIDE_SCORE}(?: v| -)? {_SIDE}(?: {_SIDE_SCORE})?\s*\.?$")


_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|across|throughout)\s$")
_PLACE_WORD_ENDS = "nrest"  # the last letters of those words: any other before the space rules them out unsearched
_LOCATED_BEFORE = re.compile(r"\b(?:in|near|outside|across|throughout|to|from|at|of|visit|visited|visiting)"
                             r"\s(?:the\s)?$")
# "a stake in Southcorp", "his role in Closer", "a flaw in Firefox": "in" after these is no place.
_HOLDING_BEFORE = re.compile(r"\b(?:stakes?|shares?|holdings?|interests?|investments?|invest|invested|investing|roles?"
                             r"|starring|starred|stars|appeared|appears|parts?|flaws?|bugs?|holes?|vulnerabilit(?:y|ies)"
                             r"|features?|changes?|versions?)\sin\s$", re.IGNORECASE)  # "Shares in Tesla rose"
_TEAM_CONTEXT = re.compile(r"\s\d{1,3}-\d{1,3}\b")  # "Clyde 0-5 Celtic": the names around a score are teams
_SCORE_BEFORE = re.compile(r"\b\d{1,3}-\d{1,3}\s$")
_THE_BEFORE = re.compile(r"\b[Tt]he\s$")
_THE = ("the ", "The ")
_CLUB_ROLE_AFTER = re.compile(r"(?:['’]s)?\s(?:manager|boss|striker|midfielder|defender|goalkeeper|keeper|winger"
                              r"|coach|captain|forward|full-back|centre-back|team-mate|fans|supporters|squad)\b")
_VERSUS_AFTER = re.compile(r"\sv\s[A-Z]")
_CLOSES_LINE_UP_ENTRY = re.compile(r"(?:,\s(?:capt|captain|c)\.?)?\)")
# A word before a club role is a club ("Wolves caretaker boss Stuart Gray", "Pompey coach Kevin Bond"); not
# after a possessive: "Wenger's squad" is a manager's.
_CLUB_ROLE_NEXT = re.compile(r"\s(?:manager|boss|chief|caretaker|chairman|striker|midfielder|defender|goalkeeper"
                             r"|keeper|winger|coach|captain|full-back|centre-back|fans|supporters|squad)\b")
_VERSUS_BEFORE = re.compile(r"\bv\s$")


def find_mentions(loc: int, text: str, body: str, weak: bool, sport: bool,
                  seen: dict[str, bool] | None = None) -> list[Mention]:
    """All typed mentions in one paragraph / title / headline. `body` is the article's text, used to tell
    a sentence-initial common word ("Pictures released ...") from a name: the word appears in lower case.
    `seen` memoises that test for one article."""
    seen = {} if seen is None else seen
    out: list[Mention] = []
    # An all-capitals headline is read in title case (same length, same offsets): only known names and
    # names repeated from the body survive in titles anyway, and the surfaces come from the original text.
    scan = text.title().replace("'S", "'s").replace("’S", "’s") if weak and mostly_upper(text) else text
    dateline = _dateline(text, weak) if text[:2].isupper() else None
    if dateline:
        out.extend(_dateline_names(loc, dateline))
    if weak and _headline_case(scan):
        return out + [m for m in _known_only(loc, scan, text, sport, body) if not dateline or m.start >= dateline.end()]
    results = sport and _RESULT_LINE.match(text) is not None or _RESULT_ROW.match(text) is not None
    shaped, covered = tables.row_mentions(loc, text)
    out.extend(shaped)
    slug = tables.SLUG.match(text) if text[:2].isupper() and mostly_upper(text) else None
    # An acronym in brackets after a run (" (SNP)") or a club before it ("Traille (Biarritz)") is in one text in
    # ten: the others skip the looks for them.
    bracketed = " (" in text
    for run in _RUN.finditer(scan):
        run_text, run_start = run.group(), run.start()
        if dateline and run_start < dateline.end() or covered and _inside(covered, run_start):
            continue
        if slug and run_start < slug.end():  # "SOCCER - ", "RUGBY UNION - ": a subject, unless a known name
            known = _known([(t.group(), run_start + t.start()) for t in _TOKEN.finditer(run_text.title())], sport)
            if known:
                out.append(Mention(loc, known.start, known.end, text[known.start:known.end], known.name,
                                   known.type, known.canonical, None, False, True))
            continue
        if run_text in _NEVER_NAMES:
            continue  # "The", "But", "He": about half of all runs, and never a name on their own
        if run_text in GENERATIONS:  # "Donald Trump, Jr.": the son's name, not a name of its own
            if out and out[-1].type == "PERSON" and out[-1].end == run_start - 2 and text[out[-1].end] == ",":
                out[-1] = _extended(out[-1], run.end(), text)
            continue
        # "SOCCER - LEEDS HOLD CHELSEA", "WASHINGTON (AP) -", "KATE BOULDUAN:"
        if not weak and run_text.isupper() and _shouted(run_text):
            found = _shouted_names(loc, run_text.title().replace("'S", "'s").replace("’S", "’s"), run_start,
                                   text, sport, body)
            if found is not None:
                out.extend(found)
                continue
        initial = _sentence_initial(text, run_start)
        first = _first_word(run_text)
        if first in tables.LABELS and (initial or text.startswith((" :", ":"), run.end())):
            # "Scorers :", "Results of National ...", "Wales - Tries : Kruger": a section of a results report
            run_text, run_start = _after_label(run_text, run_start)
            if not run_text:
                continue
            first = _first_word(run_text)
        common = initial and _in_lower_case(first, body, seen)
        found = (bracketed and (_defined_by_acronym(text, run) or sport and _club_in_line_up(text, run))
                 or _resolve_cached(run_text, initial, common, sport))
        for template in found:
            m = _place(template, run_start, loc, weak, text, sport)
            if m.name in lexicon.HONORIFICS and text[max(0, m.start - 4):m.start] in _THE:
                continue  # "the Queen", "the Home Secretary": a title on its own is no one's name (gold convention)
            if m.type == "UNKNOWN" and " " not in m.name:
                m.common_word = _in_lower_case(m.name, body, seen) or not sport and _dictionary_word(m, text)
            if results and m.type in ("UNKNOWN", "PERSON", "GPE") and m.canonical not in gazetteer.countries():
                m.type, m.initial, m.guess = "ORG", False, False  # "Leeds 2 Middlesbrough 1": two clubs
            out.append(m)
        if bracketed and found and out:  # the last mention, if this run's ("(SNP)" after it)
            _link_acronym_definition(text, run.end(), out[-1])
    if shaped:
        out.sort(key=lambda m: m.start)
    return out


_LABEL = re.compile(r"\S+ (?:(?:of|for|from|in) )?(?:the )?")


def _after_label(run_text: str, run_start: int) -> tuple[str, int]:
    """The run less its opening label and the joiner after it: "Results of National Basketball Association"."""
    cut = _LABEL.match(run_text)
    return ("", run_start) if cut is None else (run_text[cut.end():], run_start + cut.end())


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(start <= at < end for start, end in spans)


def _dateline(text: str, weak: bool) -> re.Match | None:
    """The dateline opening `text`; one closed by a bare dash only in the body ("NEW YORK - Republican ..."): a
    title so shaped is a kicker ("EXCLUSIVE - Roger Stone: ...")."""
    dateline = DATELINE.match(text)
    if dateline is None or not weak or dateline.group("region") or ")" in dateline.group() \
            or not dateline.group().endswith(("- ", "– ", "— ")):
        return dateline
    return None


_AGENCY = re.compile(r"\(([A-Z][\w ]{1,20})\)")


def _dateline_names(loc: int, dateline: re.Match) -> list[Mention]:
    """"MOSCOW, Aug 30 (Reuters) -", "LEEDS 1996-08-30", "VALENCIA , Spain 1996-09-14": the place a story was filed
    from (a city even in a match report, and even when no gazetteer knows it), its region, and the agency."""
    out = []
    for group in ("place", "region"):
        if dateline.group(group):
            start, end = dateline.span(group)
            surface = dateline.group(group)
            name = surface.title().replace("'S", "'s").replace("’S", "’s") if surface.isupper() else surface
            if name not in gazetteer.places() and name.rstrip(".") in gazetteer.places():  # "Calif.": "Calif"
                name, surface, end = name.rstrip("."), surface.rstrip("."), start + len(surface.rstrip("."))
            canonical, type_ = gazetteer.places().get(name, (name, "GPE"))
            m = Mention(loc, start, end, surface, name, type_, canonical)
            m.located = True
            out.append(m)
    agency = _AGENCY.search(dateline.group(), dateline.end("region") if dateline.group("region") else 0)
    if agency:
        name = agency.group(1)
        start = dateline.start() + agency.start(1)
        out.append(Mention(loc, start, start + len(name), name, name, "ORG", gazetteer.orgs().get(name)))
    return out


def _dictionary_word(m: Mention, text: str) -> bool:
    """A lone word the dictionary has in lower case, with no "the" before it ("the House"), no person's
    words around it ("the album Musicology by Prince", "Usher said") and no organisation's noun before it
    ("the start-up Android", "the band Oasis", "fund manager Vanguard")."""
    return lexicon.common_word(m.name) and text[max(0, m.start - 4):m.start] != "the " \
        and not _PERSON_BEFORE.search(text, max(0, m.start - 24), m.start) and not ONLY_A_PERSON_AFTER.match(text, m.end) \
        and not _ORG_NOUN_BEFORE.search(text, max(0, m.start - 24), m.start)


# Nouns that introduce an organisation by name in any news style: the name after them is no common word.
_ORG_NOUN_BEFORE = re.compile(r"\b(?:company|firm|start-?up|group|bank|carmaker|maker|manufacturer|retailer|brand"
                              r"|airline|insurer|lender|fund|manager|band|label|club|network|broadcaster|newspaper"
                              r"|magazine|chain|giant|rival|operator|developer|platform|charity|party)\s$")


def _extended(m: Mention, end: int, text: str) -> Mention:
    suffix = with_generation(m, text[m.end + 2:end], end)
    return Mention(m.loc, m.start, end, text[m.start:end], suffix.name, "PERSON", None, m.honorific, m.initial,
                   m.weak)


def _club_in_line_up(text: str, run: re.Match) -> list[Mention] | None:
    """"Damien Traille (Biarritz)", "Gordon Ross (Leeds Tykes)": in a match report, a name in brackets after a
    player's is his club (a country stays a national side; "(Nunez 56)" is a substitute)."""
    start, run_text = run.start(), run.group()
    if start < 3 or text[start - 2:start] != " (" or not text[start - 3].isalpha() or run_text[-1].isdigit() \
            or not _CLOSES_LINE_UP_ENTRY.match(text, run.end()) \
            or gazetteer.places().get(run_text, ("", ""))[0] in gazetteer.countries():  # "(US)", "(Wales)"
        return None
    return [Mention(0, 0, len(run_text), run_text, run_text, "ORG")]


def _defined_by_acronym(text: str, run: re.Match) -> list[Mention] | None:
    """"International Association of Athletics Federations (IAAF)": a run whose initials spell the acronym
    in brackets after it is one organisation, however its words would split on their own."""
    definition = _ACRONYM_DEF.match(text, run.end())
    if not definition or " " not in run.group():
        return None
    acronym = definition.group(1).replace("&", "")
    words = [t for t in run.group().split() if t[:1].isupper() and t not in _ARTICLES]
    first = run.group().split(" ", 1)[0]
    cut = len(first) + 1 if first in _ARTICLES else 0
    if "".join(w[0] for w in words) != acronym:
        return None
    name = run.group()[cut:]
    return [Mention(0, cut, len(run.group()), name, name, "PRODUCT" if name in lexicon.PRODUCT_PHRASES else "ORG")]


def mostly_upper(text: str, sample: int = 400) -> bool:
    """Nine letters in ten are capitals (judged on the first `sample` characters: it is a per-article test)."""
    # Counted on ASCII bytes, whose C translate deletes the other bytes: a regex findall building a list of
    # 400 one-letter strings was ~2% of staging (profiled).
    head = text[:sample].encode("ascii", "ignore")
    upper, lower = len(head.translate(None, _ALL_BUT["upper"])), len(head.translate(None, _ALL_BUT["lower"]))
    return upper + lower >= 4 and upper >= 9 * lower


def _headline_case(text: str) -> bool:
    """"Japan Signs Deal With Microsoft": most words capitalised, so capitals say nothing about names."""
    words = text.split()
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) * 4 >= len(words) * 3


def _known_only(loc: int, scan: str, text: str, sport: bool, body: str) -> list[Mention]:
    """In a headline-case title: known names (longest first), and each other capitalised word on its own so
    it can still join a name from the body ("Kim" -> Kim Jong Un)."""
    out, caps = [], mostly_upper(text)
    for run in _RUN.finditer(scan):
        tokens = [(m.group(), run.start() + m.start()) for m in _TOKEN.finditer(run.group())]
        i = 0
        while i < len(tokens):
            found, size = _known_at(tokens, i, text, sport, body, caps)
            if found is None and caps:
                found, size = _given_name_and_surname(tokens, i, text, body)
            if found is None:
                word = tokens[i][0]
                if word[:1].isupper() and word not in lexicon.LONE_NOT_NAMES:
                    found = Mention(0, tokens[i][1], tokens[i][1] + len(word), word, word, "UNKNOWN")
            if found:  # a person named in full stands on its own, even in capitals
                out.append(Mention(loc, found.start, found.end, text[found.start:found.end], found.name, found.type,
                                   found.canonical, None, False, found.type != "PERSON"))
            i += size
    return out


def _known_at(tokens: list[tuple[str, int]], i: int, text: str, sport: bool, body: str, caps: bool
              ) -> tuple[Mention | None, int]:
    """The longest known name (up to four words) starting at token i, and its size in tokens (1 when none).
    `caps`: the text is in capitals, where the article's own mixed-case names count as known too."""
    found = _acronym(tokens[i], text, sport) if caps else None
    if found:
        return found, 1
    for size in range(min(4, len(tokens) - i), 0, -1):
        found = _known(tokens[i:i + size], sport)
        if caps and found and found.type == "GPE" and found.canonical in gazetteer.towns():
            found = _town_in_capitals(found, text, sport, body)
        if caps and found is None and size > 1:
            found = _written_in_the_body(tokens[i:i + size], body)
        if found:
            return found, size
    return None, 1


def _written_in_the_body(tokens: list[tuple[str, int]], body: str) -> Mention | None:
    """Words in capitals that the article writes as one name in mixed case ("KESKO FINANCE" after "Kesko Finance"):
    one weak mention, which joins that name's entity."""
    if any(not t[:1].isupper() or t in _ARTICLES for t, _ in tokens[:1] + tokens[-1:]):
        return None
    start, end = tokens[0][1], tokens[-1][1] + len(tokens[-1][0])
    phrase = " ".join(t for t, _ in tokens)
    return Mention(0, start, end, phrase, phrase, "UNKNOWN", weak=True) if f"{phrase} " in body else None


_DETERMINER_BEFORE = re.compile(r"\b(?:A|AN|THE|THIS|THAT|HIS|HER|ITS|THEIR|OUR|NEW|NO)\s$")


# Given names that are English words too ("TRUMP WILL MEET", "FANS SUE CLUB"): in capitals, a person only when the
# article writes the surname in mixed case.
_WORDLIKE_GIVEN_NAMES = frozenset("Will May Sue Rob Mark Hope Grace Rose Frank Bill Guy Jack Pat Art Drew Ray Don"
                                  " Gene Nick Max Dean Rich Chase Joy Faith Dawn Sky Page Lane Win Bud Glen Herb Said"
                                  " Lord Christian Angel Miles Norman Jan Rod Ruby Heather".split())


def _given_name_and_surname(tokens: list[tuple[str, int]], i: int, text: str, body: str
                            ) -> tuple[Mention | None, int]:
    """"KATE BOULDUAN", "PRESIDENT BILL CLINTON": a given name and the name word after it, in capitals; not "A BILL
    BACKED BY" (a determiner before, a verb form after)."""
    word, at = tokens[i]
    if word not in GIVEN_NAMES or i + 1 >= len(tokens) or _DETERMINER_BEFORE.search(text, max(0, at - 6), at):
        return None, 1
    surname = tokens[i + 1][0]
    if surname in lexicon.LONE_NOT_NAMES or not surname[:1].isupper() \
            or len(surname) > 5 and surname.endswith(("ed", "ing")) \
            or word in _WORDLIKE_GIVEN_NAMES and surname not in body:
        return None, 1
    end = tokens[i + 1][1] + len(surname)
    return Mention(0, at, end, "", f"{word} {surname}", "PERSON"), 2


_IN_CAPITALS_BEFORE = re.compile(r"\b(?:IN|AT|NEAR|FROM|TO|OF)\s$")


def _town_in_capitals(found: Mention, text: str, sport: bool, body: str) -> Mention | None:
    """A town's name in a line in capitals: a club in a match report ("PARMA BEAT LAZIO"), unless after "IN";
    and no place at all when the article never writes it in mixed case and it is not a prominent place ("CHINA IN
    SURPRISE DEFEAT": Surprise, Arizona, is a city of 140,000)."""
    if found.name not in body and found.canonical not in gazetteer.prominent():
        return None
    if sport and not _IN_CAPITALS_BEFORE.search(text, max(0, found.start - 6), found.start):
        found.type = "ORG"
    return found


# Words that are acronyms of known names too ("WHO WAS OSCAR?"): in capitals, the word is far likelier.
_FUNCTION_WORDS = frozenset("who it is am an as at on in or if me we he do go so no up aim can may will was are".split())


def _acronym(token: tuple[str, int], text: str, sport: bool) -> Mention | None:
    """A known acronym in a line in capitals, read before its title case hides it ("UN ENVOY": UN, not "Un"); only
    there: "USA TODAY" in a line of prose is a newspaper's name."""
    word, at = token
    original = text[at:at + len(word)]
    if len(original) > 5 or original == word or not original.isupper() or original.lower() in _FUNCTION_WORDS:
        return None
    return _known([(original, at)], sport)


def _shouted(run_text: str) -> bool:
    """A run in capitals (the caller's test) that is not an acronym: a word of five letters or more, or two words
    of three or more."""
    long_words = [w for w in run_text.split() if len(w) >= 3 and w.isalpha()]
    return any(len(w) >= 5 for w in long_words) or len(long_words) >= 2


def _shouted_names(loc: int, scan: str, offset: int, text: str, sport: bool, body: str) -> list[Mention] | None:
    """Names in a run in capitals (`scan` is it in title case): known names, a given name and the word after it
    ("KATE BOULDUAN"), and each other word on its own, weak, so it can only join a name the article writes in
    mixed case ("CLINTON:" after "Hillary Clinton"). None when the run itself is a known name in capitals."""
    tokens = [(m.group(), offset + m.start()) for m in _TOKEN.finditer(scan)]
    out, i, caps = [], 0, mostly_upper(text)
    while i < len(tokens):
        found, size = _known_at(tokens, i, text, sport, body, caps)
        if found is None:
            found, size = _given_name_and_surname(tokens, i, text, body)
        if found is None:
            word = tokens[i][0]
            if word[:1].isupper() and word not in lexicon.LONE_NOT_NAMES and word not in tables.LABELS:
                found = Mention(0, tokens[i][1], tokens[i][1] + len(word), word, word, "UNKNOWN")
        if found:
            weak = found.type == "UNKNOWN"
            out.append(Mention(loc, found.start, found.end, text[found.start:found.end], found.name, found.type,
                               found.canonical, None, False, weak))
        i += size
    return out


def _first_word(run_text: str) -> str:
    cut = run_text.find(" ")
    return run_text if cut < 0 else run_text[:cut]


def _in_lower_case(word: str, body: str, seen: dict[str, bool]) -> bool:
    """The word in lower case followed by a space, comma or full stop somewhere in the body."""
    found = seen.get(word)
    if found is None:
        found = seen[word] = _followed_by_a_break(f" {word.lower()}", body)
    return found


def _followed_by_a_break(needle: str, body: str) -> bool:
    # One scan for the needle, then a look at the next character: most names never occur in lower case, and
    # three scans of the body (one per ending) were 3.5% of staging (profiled).
    at = body.find(needle)
    while at >= 0:
        if body[at + len(needle):at + len(needle) + 1] in (" ", ",", "."):
            return True
        at = body.find(needle, at + 1)
    return False


# The characters before a run's space that can make it sentence-initial: after any other ("said Blair", "Brown,
# Blair") the run is mid-sentence, as most are, without the walk back below.
_INITIAL_CUES = frozenset(" \"“‘'(”’.!?:;-–—•*")


def _sentence_initial(text: str, start: int) -> bool:
    if start >= 2 and text[start - 1] == " " and text[start - 2] not in _INITIAL_CUES:
        return False
    if start and text[start - 1] in "\"“‘":
        return True  # the first word of a quotation is capitalised like a sentence's
    i = start - 1
    while i >= 0 and text[i] in " \"“‘'(":
        i -= 1
    if i >= 0 and text[i] in "\"”’'" and i > 0:
        i -= 1  # a closing quote after the full stop: `wise." Then`
    return i < 0 or text[i] in ".!?:;" or (text[i] in "-–•*" and not text[:i].strip()) \
        or text[i] in "-–—" and text[i - 2:i] == ") " and DATELINE.match(text) is not None  # "(Reuters) - Floods"


_CACHE: dict[tuple, list[Mention]] = {}
_CACHE_MAX = 200_000


def _resolve_cached(run_text: str, initial: bool, common: bool, sport: bool) -> list[Mention]:
    """Runs repeat within and across articles ("Mr Blair", "US"): resolve each distinct one once.
    Templates carry offsets relative to the run; they are copied, never handed out."""
    key = (run_text, initial, common, sport)
    found = _CACHE.get(key)
    if found is None:
        tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(run_text)]
        found = [m for m in resolve(tokens, initial, common, sport) if m is not None]
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[key] = found
    return found


def _place(t: Mention, offset: int, loc: int, weak: bool, text: str, sport: bool) -> Mention:
    start, end = t.start + offset, t.end + offset
    type_, canonical = t.type, t.canonical
    if type_ == "GPE" and canonical in gazetteer.towns() and (
            _CLUB_ROLE_AFTER.match(text, end) or _VERSUS_AFTER.match(text, end)
            or _VERSUS_BEFORE.search(text, max(0, start - 3), start)):
        type_, canonical = "ORG", None  # "Newcastle manager Graeme Souness", "Burnley v Blackburn": the clubs,
        # in short transfer and fixture stories too, which have too few sport words to be read as match reports
    possessive = text.startswith(("'s", "’s"), end)
    if type_ in ("UNKNOWN", "GPE") and not possessive:
        after_in = text[start - 2:start - 1] in _PLACE_WORD_ENDS and _PLACE_BEFORE.search(
            text, max(0, start - 12), start) and not _HOLDING_BEFORE.search(text, max(0, start - 24), start)
        if type_ == "UNKNOWN" and after_in:
            type_ = "GPE"  # "a summit in Gyeongju": an unknown name after "in" is a place
        elif type_ == "GPE" and sport and not after_in and canonical in gazetteer.towns():
            type_, canonical = "ORG", None  # "Gloucester beat Leeds": towns in a match report are clubs
    if sport and type_ in ("UNKNOWN", "PERSON") and " " not in t.name and (
            _TEAM_CONTEXT.match(text, end) or _SCORE_BEFORE.search(text, max(0, start - 9), start)
            or _THE_BEFORE.search(text, max(0, start - 4), start) or _CLUB_ROLE_NEXT.match(text, end)):
        # a side in a score line, or "the Falcons": a team, not a player (the score is evidence enough)
        return Mention(loc, start, end, text[start:end], t.name, "ORG", canonical, t.honorific, False, weak)
    if not sport and canonical is None and type_ in ("UNKNOWN", "ORG", "LOC", "PERSON") and t.honorific is None \
            and text.startswith(", ", end) and _in_a_region(text, end + 2):
        type_ = "GPE"  # "Chappaqua, New York", "Deerfield Beach, Fla.", "Eindhoven, Netherlands": a town
    m = Mention(loc, start, end, text[start:end], t.name, type_, canonical, t.honorific, t.initial, weak)
    m.possessive = possessive
    if type_ in ("GPE", "LOC"):
        m.located = _LOCATED_BEFORE.search(text, max(0, start - 16), start) is not None
    if t.guess:
        m.guess = True
        m.cue = bool(_PERSON_BEFORE.search(text, max(0, start - 24), start) or PERSON_AFTER.match(text, end))
    return m


_REGION = re.compile(r"[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}")


def _in_a_region(text: str, start: int) -> bool:
    """A US state (or its AP abbreviation) or a country starts at `start`."""
    m = _REGION.match(text, start)
    if m is None:
        return False
    words = m.group().split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size]).rstrip(".")
        place = gazetteer.places().get(name) or gazetteer.places().get(name + ".")
        if place and place[1] == "GPE" and place[0] not in gazetteer.towns():
            return True
    return False


# Words around a name that only a person takes: "said X", "analyst X", "X, 45,", "X, who", "X said".
_PERSON_BEFORE = re.compile(r"(?:\b(?:said|says|told|by|with|named|" + "|".join(lexicon.ROLE_NOUNS) + r"|owner"
                            r"|analyst|economist|spokesman|spokeswoman|wife|husband|son|daughter|brother|sister)"
                            r"|[Mm]r|[Mm]rs|[Mm]s|[Dd]r|[,.!?][\"”])\s$")
_ONLY_A_PERSON_AFTER = (r"(?:,\s(?:\d{1,3},|who\b)|\sof\s[A-Z][\w&'’.\-]*(?:\s[A-Z][\w&'’.\-]*){0,2}\s(?:said|says|told)\b"
                        r"|\s(?:said|says|told|added|explained|admitted|insisted|believes|thinks|wrote|was\sborn)\b)")
ONLY_A_PERSON_AFTER = re.compile(_ONLY_A_PERSON_AFTER)
# With what follows a title too ("Ray, a biopic of", "The Downfall, the story of"): cues, not proof.
PERSON_AFTER = re.compile(rf"{_ONLY_A_PERSON_AFTER}|,\s(?:an?\s|the\s|(?:[a-z\-]+\s){{1,3}}(?:of|at|for|with)\b)"
                          r"|\s(?:and\shis|and\sher)\b|['’]s\s(?:wife|husband|son|daughter|father|mother|career|death)\b")


def _link_acronym_definition(text: str, end: int, last: Mention) -> None:
    """"Scottish National Party (SNP)": remember the expansion on the acronym's mention (made next)."""
    if last.end != end:
        return
    definition = _ACRONYM_DEF.match(text, end)
    if definition and last.type in ("ORG", "GPE", "LOC", "PRODUCT", "UNKNOWN") \
            and _abbreviates(definition.group(1), last.name):
        last.acronym_of = definition.group(1)


def _abbreviates(acronym: str, name: str) -> bool:
    """"SNP" for "Scottish National Party", "Opec" for "Organisation of Petroleum Exporting Countries", "BoE" for
    "Bank of England"; not "(Treviso)" after a player's name or "(Sun)" after a headline it quotes."""
    words = name.replace("-", " ").split()
    letters = acronym.replace("&", "").lower()
    return letters in ("".join(w[0] for w in words).lower(),
                       "".join(w[0] for w in words if w not in _ACRONYM_SKIPS).lower())


_ACRONYM_SKIPS = frozenset("of for the and & de du la le des on in".split())


