"""Who a quote's speaker phrase refers to: a name in it, or, for "he" and "the minister", a person before it.

Used by extract_facts once per article, after entities are merged into clusters: `SpeakerResolver(...)` is
handed to the quote grammars (quotes.py), which call it with each speaker phrase they find.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from transforms.extract import lexicon, quotes
from transforms.extract.names import FEMALE_NAMES, GIVEN_NAMES
from transforms.extract.runs import by_place


class SpeakerResolver:
    """Maps a speaker phrase to an entity cluster: a person (else any name) mentioned inside the phrase or
    its apposition. A pronoun or role noun ("he", "the minister") refers back, sentence by sentence, to the
    subject of the nearest sentence with a fitting person: the speaker of a quote there, else the person it
    opens with (news sentences put the subject first; objects, possessives and names inside quotation marks
    are passed over), agreeing in gender when the name tells. A role noun first looks for a person
    introduced with that role ("Home Secretary David Blunkett" for "the home secretary"). "The company" and
    other organisation roles take the most recent organisation."""

    def __init__(self, of_mention, mentions, quoted, texts=None) -> None:
        self.of_mention, self.mentions, self.quoted = of_mention, mentions, quoted
        self.texts = texts or {}
        self.built = False  # the indexes below are built on first use: most texts have no quote to resolve
        self.speakers = {}  # (loc, start) of a reporting clause's subject -> its cluster, as resolved
        self.pronouns = {}  # memo: (loc, start) of a sentence-opening pronoun -> its antecedent
        self.sentences = {}  # loc -> sentence start offsets
        self.genders = {}  # id(cluster) -> "m", "f" or None
        self.openers = {}  # (loc, sentence) -> what _find_opener found
        self.in_sentence = {}  # (loc, sentence) -> the persons named in it, in order; loc -> True once done

    def _build(self) -> None:
        of_mention, quoted = self.of_mention, self.quoted
        self.built, self.outside, self.outside_ends = True, [], {}
        self.ordered_at, self.outside_at, self.persons, self.person_keys = {}, {}, {}, []
        for m in sorted(self.mentions, key=by_place):
            key = (m.loc, m.start)
            cluster = of_mention.get(key)
            if cluster is None:
                continue
            self.ordered_at.setdefault(m.loc, []).append((m.start, m.end, cluster))
            # Antecedents for "he said": outside quotation marks, and not a possessive ("Mr Mallon's arguments").
            spans = quoted.get(m.loc)  # most paragraphs have none: no call then
            if not m.possessive and not (spans and _inside(spans, m.start)):
                self.outside.append((key, cluster))
                self.outside_at.setdefault(m.loc, []).append((key, cluster))
                self.outside_ends[key] = m.end
                if cluster.type == "PERSON" and not cluster.headline_only:
                    self.persons[id(cluster)] = cluster
                    self.person_keys.append(key)

    def __call__(self, loc: int, start: int, end: int, who: str):
        found = self._resolve(loc, start, end, who)
        if found is not None:
            self.speakers[(loc, start)] = found
        return found

    def _resolve(self, loc: int, start: int, end: int, who: str):
        if not self.built:
            self._build()
        kind = quotes.role_kind(who)
        # a mention may start before the phrase: "Sen." Elizabeth Warren, where the grammar's phrase starts later
        inside = [(max(mstart, start), c) for mstart, mend, c in self.ordered_at.get(loc, ()) if start < mend and mstart < end]
        # The person the phrase ends on ("Kasabian's singer Tom Meighan"), else the first in its apposition.
        in_who = [c for mstart, c in inside if mstart < start + len(who) and c.type == "PERSON"]
        person = in_who[-1] if in_who else next((c for _, c in inside if c.type == "PERSON"), None)
        if person is not None and _HONORIFIC_GENDER.get(who.split(" ", 1)[0]) not in (None, _gender(person)):
            person = self._namesake(loc, start, person, _HONORIFIC_GENDER[who.split(" ", 1)[0]]) or person
        inside = [c for _, c in inside]
        if person or (inside and kind is None):
            named = person or inside[0]
            if named.type in ("PERSON", "ORG", "GPE"):
                return named
            # not a nationality ("said the American" is a person not named here), unless it is the surname of a
            # person named before: "Mark Cuban ... Cuban said"
            return self._namesake(loc, start, None, None, who.rsplit(" ", 1)[-1]) if who[:1].isupper() else None
        if kind is None:  # a name no entity was found in: the person of that surname named before
            last = who.rsplit(" ", 1)[-1]
            return self._namesake(loc, start, None, None, last) if last[:1].isupper() else None
        if kind == "ORG":  # "a Fifa spokesman", "the Tesco website", "an Eton spokesperson": the organisation
            named = next((c for c in inside if c.type == "ORG"), None) or next(  # named in the phrase (a place:
                (c for c in inside if c.type == "GPE" and "-based" not in who), None)  # its firm, not "Canada-based")
            if named is not None:
                return named
        gender = _GENDER_OF_PRONOUN.get(who.lower()) or _gender_of_role(who.split()[-1].lower())
        if kind == "PERSON":
            if who.lower() not in quotes.PRONOUNS:
                titled = self._titled(loc, start, who)
                if titled is not None:
                    return titled
            if len(self.persons) > 1:  # with one person named, the fallback below finds them (faster)
                # '"The changes proposed by Lord Dubs were a mistake," he said.': a person named before a
                # clause that closes its sentence is what was said, not who said it. An epithet is not a person
                # its sentence names as an object ("Reacting to a remark by Tim Phillips, the American said"),
                # and refers to someone named just before.
                text, pronoun = self.texts.get(loc, ""), who.lower() in quotes.PRONOUNS
                closing = pronoun and start >= 2 and text[start - 2] in _AFTER_CLAUSE_OR_QUOTE \
                    and _CLOSING_CLAUSE.match(text, end)
                skip = "all" if closing else None if pronoun else "objects"
                if not pronoun and self._introduced_unnamed(loc, start, who):
                    return None  # "An American tourist was there. ... said the American": no one named
                found = self._subject_before(loc, start, gender, skip_here=skip)
                if found is not None:
                    return found
        if kind == "ORG" and who.lower() not in quotes.PRONOUNS:
            named = self._org_called(loc, start, who.split()[-1].lower())
            if named is not None:
                return named
        fallback = None
        for key, cluster in reversed(self.outside):
            if key >= (loc, start) or cluster.type != kind or cluster.headline_only:
                continue
            if gender is None or kind != "PERSON" or _gender(cluster) in (gender, None):
                return cluster
            fallback = fallback or cluster
        return fallback

    def _namesake(self, loc: int, pos: int, person, gender: str | None, surname: str | None = None):
        """"Mr. Trump" when the surname was last given to Ivanka Trump: the most recent person named before with
        that surname (`person`'s, else `surname`) and the honorific's gender (Donald Trump)."""
        surname = surname or _surname(person.name)
        for key, cluster in reversed(self.outside):
            if key < (loc, pos) and cluster.type == "PERSON" and cluster is not person and not cluster.headline_only \
                    and _surname(cluster.name) == surname and (gender is None or _gender(cluster) == gender):
                return cluster
        return None

    def _org_called(self, loc: int, pos: int, head: str):
        """"The union said": the most recent organisation in the last 3 paragraphs whose name has that word
        (Transport and General Workers' Union)."""
        for key, cluster in reversed(self.outside):
            if key >= (loc, pos) or cluster.type != "ORG" or cluster.headline_only:
                continue
            if key[0] < loc - 3:
                break
            if head in cluster.name.lower().split():
                return cluster
        return None

    def _fits(self, cluster, gender: str | None) -> bool:
        if gender is None:
            return True
        known = self.genders.get(id(cluster), "?")
        if known == "?":
            known = self.genders[id(cluster)] = _gender(cluster)
        return known in (gender, None)

    def _sentence_starts(self, loc: int) -> list[int]:
        starts = self.sentences.get(loc)
        if starts is None:
            text = self.texts.get(loc, "")
            starts = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)
                            if not _ABBREVIATION.search(text, max(0, m.start() - 4), m.start() + 1)]
            self.sentences[loc] = starts
        return starts

    def _introduced_unnamed(self, loc: int, pos: int, who: str) -> bool:
        """"the American" after "an American" (this paragraph or the one before): someone never named. Only for a
        people or an age: "a striker" may be the player named next; "an American company" is no person."""
        head = who.split()[-1]
        if not (head.endswith("-year-old") or head in lexicon.DEMONYMS):
            return False
        pattern = re.compile(rf"\b[Aa]n?\s(?:[\w\-]+\s)?{re.escape(head)}\b(?!\s(?:{quotes.ORG_NOUNS})\b)")
        before = self.texts.get(loc - 1, "") if loc else ""
        return bool(pattern.search(self.texts.get(loc, ""), 0, pos) or pattern.search(before))

    def _subject_before(self, loc: int, pos: int, gender: str | None, look_back: int = 3, skip_here: str | None = None):
        """The subject of the nearest sentence (this one up to `pos`, then back) with a fitting person: the
        speaker of a quote there, a pronoun opening it, the person an inverted reporting clause closing it names
        ("..., argued Mr Howard."), else the first person named. In this sentence, `skip_here` passes over "all"
        persons but a reporting clause's subject, or the "objects" of a preposition."""
        first_loc = max(0, loc - look_back)
        said_in: dict[tuple[int, int], object] = {}
        for key, c in self.speakers.items():  # in the order resolved, which is the order of the text
            if first_loc <= key[0] and key < (loc, pos) and c.type == "PERSON" and self._fits(c, gender):
                said_in[self._sentence_of(*key)] = c
        here = self._sentence_of(loc, pos)
        sentence = here
        while sentence[0] >= first_loc:
            said = said_in.get(sentence)
            if said is not None:
                return said
            opener = self._opening_pronoun(sentence) if sentence != here else None
            if opener is not None and (gender is None or opener[1] in (None, gender)):
                antecedent = self._pronoun_antecedent(sentence[0], opener[0], opener[1], opener[2])
                if antecedent is not None and self._fits(antecedent, gender):
                    return antecedent
            persons = self._persons_in(sentence)
            if skip_here and sentence == here:
                text = self.texts[loc]
                if skip_here == "objects":
                    persons = [(key, c) for key, c in persons if not _AFTER_PREPOSITION.search(
                        text, max(0, key[1] - 40), key[1])]
                else:  # but 'Mr Osborne said: "...," he said.' is Mr Osborne's
                    persons = [(key, c) for key, c in persons if _SPEAKS_AFTER.match(text, self.outside_ends[key])]
            if persons and sentence != here:
                key, c = persons[-1]
                if self._fits(c, gender) and self._reports(sentence, key):
                    return c
            for n, (key, c) in enumerate(persons):
                if key < (loc, pos) and self._fits(c, gender):
                    asked = persons[n + 1] if n + 1 < len(persons) and sentence != here else None
                    if asked and self._fits(asked[1], gender) and _ASKED.fullmatch(
                            self.texts[key[0]], self.outside_ends[key], asked[0][1]):
                        return asked[1]  # "X asked Y whether ...": the answer after it is Y's
                    return c
            sentence = self._previous_sentence(sentence)
        return None

    def _reports(self, sentence: tuple[int, int], key: tuple[int, int]) -> bool:
        """The mention at `key` is the subject of a reporting clause closing the sentence (", argued Mr Howard.")."""
        text, starts = self.texts.get(key[0], ""), self._sentence_starts(key[0])
        end = starts[sentence[1] + 1] if sentence[1] + 1 < len(starts) else len(text)
        return bool(_INVERTED_CLAUSE.search(text, max(starts[sentence[1]], key[1] - 40), key[1])
                    and _SENTENCE_END.match(text, self.outside_ends[key], end))

    def _persons_in(self, sentence: tuple[int, int]) -> list:
        loc = sentence[0]
        if loc not in self.in_sentence:
            for key, c in self.outside_at.get(loc, ()):
                if c.type == "PERSON" and not c.headline_only:
                    self.in_sentence.setdefault(self._sentence_of(*key), []).append((key, c))
            self.in_sentence[loc] = True
        return self.in_sentence.get(sentence, ())

    def _previous_sentence(self, sentence: tuple[int, int]) -> tuple[int, int]:
        loc, n = sentence
        if n:
            return loc, n - 1
        return (loc - 1, len(self._sentence_starts(loc - 1)) - 1) if loc else (-1, 0)

    def _sentence_of(self, loc: int, pos: int) -> tuple[int, int]:
        starts = self._sentence_starts(loc)
        return loc, bisect_right(starts, pos) - 1

    def _opening_pronoun(self, sentence: tuple[int, int]):
        """(position, gender or None, phrase) of a pronoun or role noun phrase opening the sentence."""
        if sentence not in self.openers:
            self.openers[sentence] = self._find_opener(sentence)
        return self.openers[sentence]

    def _find_opener(self, sentence: tuple[int, int]):
        loc, n = sentence
        start = self._sentence_starts(loc)[n]
        m = _OPENING_PRONOUN.match(self.texts.get(loc, ""), start)
        if not m or _inside(self.quoted.get(loc, ()), start):
            return None  # a "He" inside a quotation is someone the speaker talks about
        if m.group("p"):
            return m.start("p"), _GENDER_OF_PRONOUN[m.group("p").lower()], m.group("p")
        role = m.group("role")
        while role.count(" ") and role.split()[-1].lower() not in lexicon.ROLE_NOUNS:
            role = role.rsplit(" ", 1)[0]
        return (m.start("role"), None, role) if role.split()[-1].lower() in lexicon.ROLE_NOUNS else None

    def _pronoun_antecedent(self, loc: int, pos: int, gender: str | None, phrase: str):
        key = (loc, pos)
        if key not in self.pronouns:
            self.pronouns[key] = None  # no cycles
            found = self._titled(loc, pos, phrase) if phrase.lower() not in quotes.PRONOUNS else None
            self.pronouns[key] = found or self._subject_before(loc, pos, gender)
        return self.pronouns[key]

    def _titled(self, loc: int, pos: int, role: str):
        """The person named with this role just before the name ("Home Secretary David Blunkett") or at the
        head of an apposition after it ("X, the chief executive,"), the more role words shared the better,
        then the most recent."""
        words = role.lower().split()[1:]
        if not words or words[-1] not in lexicon.ROLE_NOUNS:
            return None
        best, best_score = None, 0
        for (mloc, mstart), cluster in reversed(self.outside):
            if (mloc, mstart) >= (loc, pos) or cluster.type != "PERSON" or cluster.headline_only:
                continue
            text, mend = self.texts.get(mloc, ""), self.outside_ends[(mloc, mstart)]
            context = _ROLE_BEFORE.search(text, max(0, mstart - 50), mstart)
            # with the mention itself, whose honorific may be the role: "Chancellor Gordon Brown"
            context = ((context.group() if context else "") + text[mstart:mend]).lower()
            after = _APPOSITION.match(text, mend)
            if after:
                context += " " + after.group("head").lower()
            if not _has_word(context, words[-1]) or any(
                    _has_word(context, q) and q not in words for q in _ROLE_QUALIFIERS):
                continue  # "shadow chancellor Oliver Letwin" is not "the chancellor"
            score = sum(_has_word(context, w) for w in words)
            if score > best_score:
                best, best_score = cluster, score
        return best

    def subject_of(self, loc: int, pos: int):
        """(cluster, text) of the subject of the sentence at `pos`: a pronoun or role noun opening it, else the
        first person or organisation named in it before `pos`."""
        if not self.built:
            self._build()
        sentence = self._sentence_of(loc, pos)
        opener = self._opening_pronoun(sentence)
        if opener is not None and opener[0] < pos:
            found = self._pronoun_antecedent(loc, opener[0], opener[1], opener[2])
            return (found, opener[2]) if found is not None else None
        text = self.texts.get(loc, "")
        for key, c in self.outside_at.get(loc, ()):
            if key[1] >= pos:
                break
            if c.type in ("PERSON", "ORG") and not c.headline_only and self._sentence_of(*key) == sentence:
                return c, text[key[1]:self.outside_ends[key]]
        return None

    def carried_on(self, q):
        """The person a paragraph-opening quote with no cue carries on from: the subject of the paragraph
        before (`Smith praised Jones.` then `"He was unstoppable."` is Smith's)."""
        if not self.built:
            self._build()
        return self._subject_before(q.loc, q.start, None, look_back=1) if q.loc else None

    def _person_named(self, lo: tuple[int, int], hi: tuple[int, int]) -> bool:
        keys = self.person_keys
        i = bisect_left(keys, lo)
        return i < len(keys) and keys[i] < hi

    def person_between(self, prev, q):
        """The subject of the last sentence between quote `prev` and quote `q` that has a person for subject:
        a reporting clause's speaker, a sentence-opening pronoun's or role noun's antecedent, else the first
        person named in it (outside quotes). Objects ("He praised Jones") are not new speakers."""
        if not self.built:
            self._build()
        if not self.persons or len(self.persons) == 1 and prev.speaker in self.persons.values():
            return None  # nobody else could have taken over
        lo, hi = (prev.loc, prev.end), (q.loc, q.start)
        said_in = {}
        for key, c in self.speakers.items():
            if lo <= key < hi and c.type == "PERSON":
                said_in[self._sentence_of(*key)] = c
        if not said_in and not self._person_named(lo, hi):
            return None  # nobody named in between: the quote goes on
        sentence, first = self._sentence_of(*hi), self._sentence_of(*lo)
        while sentence >= first:
            if sentence in said_in:
                return said_in[sentence]
            opener = self._opening_pronoun(sentence)
            if opener is not None and lo <= (sentence[0], opener[0]) < hi:
                found = self._pronoun_antecedent(sentence[0], opener[0], opener[1], opener[2])
                if found is not None:
                    return found
            for key, c in self._persons_in(sentence):
                if lo <= key < hi:
                    return c
            sentence = self._previous_sentence(sentence)
        return None


# '..., he said.', '"...," he told the BBC.': a reporting clause closing its sentence
_AFTER_CLAUSE_OR_QUOTE = (",", '"', "”")
_CLOSING_CLAUSE = re.compile(rf"\s+(?:also\s+)?(?:{quotes.SPEECH_VERB})\b[^.!?\"“”:\d]{{0,40}}[.!?](?:\s|$)")
_INVERTED_CLAUSE = re.compile(rf",\s(?:{quotes.SPEECH_VERB})\s(?:[a-z][\w\-]*\s){{0,3}}$")  # ", argued " Mr Howard
# the subject of a reporting clause: "X said", "X, for the Lib Dems, added"
_SPEAKS_AFTER = re.compile(rf"(?:,[^,.\"“”]{{1,60}},)?\s+(?:also\s+)?(?:{quotes.SPEECH_VERB})\b")
# "by All England Club chairman " Tim Phillips: the object of a preposition, a few words on
_AFTER_PREPOSITION = re.compile(r"\b(?:by|to|with|from|for|of|against|on|at|about|over|beat|beating)"
                                r"\s(?:[\w\-]+\s){0,4}$")
_ASKED = re.compile(r"\s+(?:asked|had asked|pressed|questioned)\s+")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s*$")
# A sentence ends at . ! or ? (perhaps inside a closing quote mark) before a capital or an opening quote.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Prof|Gen|Rev|No|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr)|(?<![\w.])[A-Z])\.[\"”’']?\s*$")
# an opening adverbial phrase may come first: "In three separate interviews, the justice ..."
_OPENING_PRONOUN = re.compile(r"(?:(?:But|And|However,|Yet|So|Now|Then|Later,?|Earlier,?|Instead,?|Meanwhile,?|Still,?)"
                              r"\s+|(?:In|On|At|After|During|Before|Speaking|Asked|Last)\s[^,.!?\"“”]{1,50},\s+)?(?:(?P<p>[Hh]e|[Ss]he)|(?P<role>[Tt]he(?:\s[\w\-]+){1,3}))\s+(?![\"“])")
# The role words written right before a name, and the head of an apposition after one (not "a friend of
# the leader": the role must come before any "of", "for" or "at").
_ROLE_BEFORE = re.compile(r"(?:[A-Za-z][\w\-]*\s){1,4}$")
# A role with one of these is another post: "shadow chancellor", "former chairman", "deputy leader".
_ROLE_QUALIFIERS = ("shadow", "former", "ex", "deputy", "vice", "assistant", "acting", "interim")
_APPOSITION = re.compile(r",\s(?P<head>(?:[\w\-]+\s){0,4}?[\w\-]+)(?=(?:\s(?:of|for|at|in|with)\s[^,.]{1,40})?,)")


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


_GENDER_OF_PRONOUN = {"he": "m", "she": "f"}
_FEMALE_ROLES = frozenset("actress chairwoman spokeswoman businesswoman mother wife daughter sister queen princess"
                          " woman girl grandmother widow".split())
_MALE_ROLES = frozenset("actor chairman businessman father husband son brother king prince man boy grandfather"
                        " widower".split())


def _gender_of_role(head: str) -> str | None:
    return "f" if head in _FEMALE_ROLES else "m" if head in _MALE_ROLES else None


def _gender(cluster) -> str | None:
    first = cluster.name.split()[0]
    if first in FEMALE_NAMES or any(m.honorific in _FEMALE_TITLES for m in cluster.mentions):
        return "f"
    if any(m.honorific in _MALE_TITLES for m in cluster.mentions):
        return "m"
    return "m" if first in GIVEN_NAMES else None


_HONORIFIC_GENDER = {"Mr.": "m", "Mr": "m", "Mrs.": "f", "Mrs": "f", "Ms.": "f", "Ms": "f", "Miss": "f"}


def _surname(name: str) -> str:
    words = [w for w in name.split() if w not in ("Jr.", "Jr", "Sr.", "Sr", "II", "III")]
    return words[-1] if words else name


_FEMALE_TITLES = frozenset("Mrs Mrs. Ms Ms. Miss Lady Dame Baroness Queen Princess Duchess Sister Actress".split())
_MALE_TITLES = frozenset("Mr Mr. Sir Lord King Prince Duke Father Brother Baron Earl".split())


def _inside(spans, pos: int) -> bool:
    for s, e in spans:
        if s <= pos < e:
            return True
    return False
