"""Merge an article's mentions into canonical entities with aliases.

Full names and known names make entities first; short forms then attach to them: "Mr Kim" and "Kim" to
"Kim Jong Un", "Cescau" to "Patrick Cescau", an acronym to the name it abbreviates or was defined for
("Scottish National Party (SNP)"), a typo'd acronym to a near-identical one (KNCA after KCNA).
Title and headline words are only trusted when they are known names or repeat a body entity; headlines
never add entities to the article (they are about other articles).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from transforms.extract import gazetteer, lexicon
from transforms.extract.entities import Mention
from transforms.extract.names import FIRST_NAMES, GIVEN_NAMES

_SCORED_TYPES = ("PERSON", "ORG", "GPE", "LOC")
_INITIAL_SKIP = frozenset("of the for and & de du da van von der".split())


@dataclass(slots=True)
class Cluster:
    name: str
    type: str
    order: int
    mentions: list[Mention] = field(default_factory=list)
    tokens: tuple[str, ...] = ()
    headline_only: bool = False


class Merger:
    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.persons: list[Cluster] = []  # the PERSON clusters, in order: short forms are matched against them
        self.by_last: dict[str, list[Cluster]] = {}  # persons of two or more words by surname, in order
        self.by_first: dict[str, list[Cluster]] = {}  # ... and by first word ("Kim" of Kim Jong Un)
        self.by_key: dict[tuple[str, str], Cluster] = {}
        # The first cluster (in order) of each name outside headlines, of each first word among organisations of
        # two or more words, and of each initials among organisations and places of two or more words: looked up
        # for every short form, where scanning the article's clusters was ~2% of staging (profiled).
        self.first_by_name: dict[str, Cluster] = {}
        self.first_org_by_first_word: dict[str, Cluster] = {}
        self.first_by_initials: dict[str, Cluster] = {}
        self.acronym_defs: dict[str, Cluster] = {}
        self.of_mention: dict[tuple[int, int], Cluster] = {}
        self.sport = False

    def add(self, mention: Mention, cluster: Cluster) -> None:
        cluster.mentions.append(mention)
        self.of_mention[(mention.loc, mention.start)] = cluster
        if mention.acronym_of:
            self.acronym_defs[mention.acronym_of] = cluster

    def new(self, mention: Mention, name: str, type_: str, headline_only: bool = False) -> Cluster:
        cluster = Cluster(name, type_, len(self.clusters), tokens=tuple(name.split()), headline_only=headline_only)
        self.clusters.append(cluster)
        if type_ == "PERSON":
            self.persons.append(cluster)
            if len(cluster.tokens) > 1:
                self.by_last.setdefault(cluster.tokens[-1], []).append(cluster)
                self.by_first.setdefault(cluster.tokens[0], []).append(cluster)
        self.by_key[(type_, name)] = cluster
        if not headline_only:
            self.first_by_name.setdefault(name, cluster)
        if len(cluster.tokens) > 1 and type_ in ("ORG", "GPE", "LOC"):
            self.first_by_initials.setdefault(_initials(cluster.tokens), cluster)
            if type_ == "ORG":
                self.first_org_by_first_word.setdefault(cluster.tokens[0], cluster)
        self.add(mention, cluster)
        return cluster


def merge(mentions: list[Mention], headline_locs: frozenset[int], sport: bool = False):
    """-> (clusters of the article, clusters seen only in headlines, {(loc, start): cluster})."""
    merger = Merger()
    merger.sport = sport
    strong = [m for m in mentions if _is_strong(m) and m.loc not in headline_locs and not m.weak]
    for m in strong:
        _attach_strong(merger, m)
    # Mid-sentence short forms first, so a sentence-initial one, then an unknown word of a title or in capitals, can
    # join what they made ("LAZIO" over "Parma beat Lazio").
    # Those the strong pass took (about six in ten) would be skipped below: they are left out before the sort.
    waiting = [m for m in mentions if (m.loc, m.start) not in merger.of_mention]
    for m in sorted(waiting, key=lambda m: (m.initial, m.weak and m.type == "UNKNOWN")):
        if (m.loc, m.start) in merger.of_mention:
            continue
        _attach_short(merger, m, m.loc in headline_locs)
    _drop_unproven_people(merger)
    article = [c for c in merger.clusters if not c.headline_only]
    headline = [c for c in merger.clusters if c.headline_only]
    return article, headline, merger.of_mention


def _drop_unproven_people(merger: Merger) -> None:
    """A capitalised pair with no given name, no title, no short form and no person-like words around it is
    as likely a film, band or product ("Million Dollar Baby", "Snow Patrol") as a person: leave it out."""
    keep = []
    for c in merger.clusters:
        if c.type == "PERSON" and all(m.guess and not m.cue for m in c.mentions) \
                and len({m.text for m in c.mentions}) == 1:
            for m in c.mentions:
                merger.of_mention.pop((m.loc, m.start), None)
            continue
        keep.append(c)
    merger.clusters = keep


def _is_strong(m: Mention) -> bool:
    """Names that stand on their own: known names, multi-word names, typed acronyms."""
    if m.type == "UNKNOWN" or m.initial and m.canonical is None:
        return False
    return m.canonical is not None or " " in m.name or m.type in ("GPE", "LOC", "NORP")


def _attach_strong(merger: Merger, m: Mention) -> None:
    if m.name.isupper() and len(m.name) >= 2:  # an acronym of a name given earlier
        target = merger.acronym_defs.get(m.name) or _by_initials(merger, m.name)
        if target:
            merger.add(m, target)
            return
    person = _person_named_like_a_place(merger, m)
    if person is not None:
        merger.add(m, person)  # "Kennedy said" after "Charles Kennedy": him, not the town
        return
    name = m.canonical or m.name
    if m.type == "ORG":
        name = _without_legal_suffix(name)
    existing = merger.by_key.get((m.type, name))
    if existing:
        merger.add(m, existing)
        return
    if m.type == "PERSON":
        longer = _person_containing(merger, m.name.split())
        if longer:
            merger.add(m, longer)
            return
    merger.new(m, name, m.type)


def _person_named_like_a_place(merger: Merger, m: Mention) -> Cluster | None:
    """The person, with a given name, whose surname this lone place name is, unless it follows "in", "to"..."""
    if m.type not in ("GPE", "LOC") or " " in m.name or m.located or m.canonical in gazetteer.countries():
        return None
    return _person_surnamed(merger, m.name)


def _person_surnamed(merger: Merger, surname: str) -> Cluster | None:
    """The latest person named in full, with a given name, whose surname this is."""
    people = [c for c in merger.by_last.get(surname, ()) if c.tokens[0] in GIVEN_NAMES]
    return people[-1] if people else None


_LEGAL_SUFFIXES = ("Inc", "Inc.", "Ltd", "Ltd.", "Limited", "Plc", "plc", "PLC", "Corp", "Corp.", "Co", "Co.",
                   "LLC", "LLP", "AG", "SA", "NV", "GmbH", "Corporation", "Company")


def _without_legal_suffix(name: str) -> str:
    """"Apple Inc." and "Apple" are one company: the legal form is not part of the canonical name."""
    head, _, last = name.rpartition(" ")
    return head.rstrip(",") if head and last in _LEGAL_SUFFIXES else name


def _person_containing(merger: Merger, tokens: list[str]) -> Cluster | None:
    """The latest person already named in full whose name ends with these tokens: "Jong Un" -> "Kim Jong Un"."""
    for c in reversed(merger.by_last.get(tokens[-1], ()) if tokens else ()):
        if len(c.tokens) > len(tokens) and list(c.tokens[-len(tokens):]) == tokens:
            return c
    return None


def _attach_short(merger: Merger, m: Mention, in_headline: bool) -> None:
    target = _find_target(merger, m)
    if target:
        merger.add(m, target)
        return
    if m.type == "UNKNOWN" and not in_headline:
        same = merger.first_by_name.get(m.name)
        if same is not None:  # "Bollywood" seen as a place after "in", "LAZIO" in a title over "Lazio 1": the
            merger.add(m, same)  # other mentions are that place, that club
            return
    if m.weak and m.canonical is None and not (in_headline and m.type != "UNKNOWN"):
        return  # a capitalised title word nobody vouches for
    if m.type == "UNKNOWN" and m.common_word:
        return  # "Life", "Shoes", "Prejudice": a word of a title, written in lower case elsewhere
    if m.initial and m.type == "UNKNOWN" and len(m.name) >= 7 and m.name.endswith(_ADVERB_ENDINGS):
        return  # "Hopefully", "Obviously", "Unfortunately" opening a sentence of a match report: no player
    if m.initial and m.honorific is None and not (merger.sport and m.type == "UNKNOWN" and " " not in m.name) \
            and not _vouched_name(m) and not _camel_case(m.name):
        return  # a sentence-initial capital on its own proves nothing (in a match report it is most often a
        # player: line-ups and scorer lists start with names)
    type_ = m.type
    if type_ == "UNKNOWN":
        if in_headline or m.weak:
            return
        # An unexplained mid-sentence name: in a match report most often a player (line-ups, scorers),
        # elsewhere most often a company, club or body.
        type_ = "PERSON" if merger.sport or _given_name(m.name) else "GPE" if m.name in gazetteer.small_towns() \
            else "ORG"  # "Tiffany, Lara and Barron"; "the plant at Dingolfing"
    name = m.canonical or m.name
    existing = merger.by_key.get((type_, name))
    if existing and existing.headline_only == in_headline:
        merger.add(m, existing)
    else:
        merger.new(m, name, type_, headline_only=in_headline)


def _given_name(word: str) -> bool:
    """A census first name (1 in 10,000 or more) that is neither a place nor a dictionary word: "Tiffany",
    "Barron"; not "Hope", "Rich" (the hand list of given names is typed before)."""
    return word in FIRST_NAMES and word not in gazetteer.places() and not lexicon.common_word(word)


_ADVERB_ENDINGS = ("ally", "fully", "ously", "ately", "ively", "ently", "antly", "ibly", "ably")


def _camel_case(name: str) -> bool:
    """"OpenAI", "YouTube", "PayPal": a capital inside a lower-case word is a brand's, never a common word's."""
    return " " not in name and any(c.islower() for c in name[1:3]) and any(c.isupper() for c in name[2:])


def _vouched_name(m: Mention) -> bool:
    """"Maciej Sundra, 34, said": a first name and a surname opening a sentence, which the words around call a
    person. Not three words ("Cinematographer John Mathieson": the first is a description), not "Wembley Stadium"."""
    words = m.name.split()
    return m.cue and len(words) == 2 and words[1] not in lexicon.ORG_SUFFIXES


def _find_target(merger: Merger, m: Mention) -> Cluster | None:
    """The entity a short form refers to, or None."""
    if m.canonical:
        for type_ in (m.type, "ORG", "GPE", "LOC"):
            c = merger.by_key.get((type_, m.canonical))
            if c:
                return c
    tokens = m.name.split()
    if m.type == "ORG" and m.canonical is None and len(tokens) == 1 and not m.name.endswith("s"):
        person = _person_surnamed(merger, m.name)
        if person:  # "Henman fans" after "Tim Henman": typed a club by the words around it alone ("Lions",
            return person  # "Wolves": a plural is the team)
    same = merger.by_key.get((m.type, m.name))
    if same:
        return same
    if m.type in ("UNKNOWN", "ORG") and m.canonical is None and len(tokens) == 1 and m.name.endswith("s") \
            and m.name[:-1] in merger.by_last:
        return _person_surnamed(merger, m.name[:-1])  # "the Clintons", "the Trumps": the family, by its member
    if m.type in ("PERSON", "UNKNOWN") and len(tokens) <= 2:
        person = _person_by_part(merger, tokens, m.honorific is not None)
        if person:
            return person
    if m.name in merger.acronym_defs:
        return merger.acronym_defs[m.name]
    if m.name.isupper() and len(m.name) >= 2:
        return _by_initials(merger, m.name) or _near_acronym(merger, m.name)
    if m.type == "UNKNOWN" and len(tokens) == 1:
        return _org_by_first_word(merger, tokens[0])
    return None


def _person_by_part(merger: Merger, tokens: list[str], has_honorific: bool) -> Cluster | None:
    if len(tokens) == 1:  # the common case, by index: the latest person with this surname, else (after a
        # title) the first whose name starts with it
        by_surname = merger.by_last.get(tokens[0])
        if by_surname:
            return by_surname[-1]
        by_first = merger.by_first.get(tokens[0])
        if by_first and (has_honorific or _only_one_called(by_first, tokens[0])):
            return by_first[0]
        return None
    best = None
    for c in merger.persons:
        if c.type != "PERSON" or len(c.tokens) <= len(tokens):
            continue
        if list(c.tokens[-len(tokens):]) == tokens:
            best = c  # the surname: later full names win ties (the most recent person named)
        elif best is None and has_honorific and list(c.tokens[:len(tokens)]) == tokens:
            best = c  # family name first ("Mr Kim" for Kim Jong Un)
    return best


def _only_one_called(people: list[Cluster], first_name: str) -> bool:
    """"Steven" after "Steven Gerrard": a given name alone is the one person of the article named so."""
    return first_name in GIVEN_NAMES and len({id(c) for c in people}) == 1


def _initials(tokens: tuple[str, ...]) -> str:
    return "".join(t[0] for t in tokens if t not in _INITIAL_SKIP and t[:1].isupper())


def _by_initials(merger: Merger, acronym: str) -> Cluster | None:
    return merger.first_by_initials.get(acronym)


def _near_acronym(merger: Merger, acronym: str) -> Cluster | None:
    """A typo'd acronym (KNCA after KCNA): same letters in another order, or one letter different."""
    for c in merger.clusters:
        for form in {c.name, *(x.name for x in c.mentions)}:
            if form.isupper() and len(form) == len(acronym) >= 3 and form != acronym and _one_edit(form, acronym):
                return c
    return None


def _one_edit(a: str, b: str) -> bool:
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diffs) == 1:
        return True
    return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]


def _org_by_first_word(merger: Merger, word: str) -> Cluster | None:
    return merger.first_org_by_first_word.get(word)


def scored(cluster: Cluster) -> bool:
    return cluster.type in _SCORED_TYPES
