"""Direct quotations and who said them.

Quote marks are paired by their side (an opening mark follows a space, a closing one follows a word), so
a quote re-opened after a collapsed paragraph break (`wise. "He lacks`) starts a new span, and a quote left
open at the end of a paragraph runs to its end (news style omits the closing mark when the quote goes on).
Speakers come from the cue around the quote: `, X said`, `said X`, `X said:` / `X told reporters that`
before it (or ending the paragraph before), `according to X`, a participle clause (`X hit back, saying`);
pronouns and role nouns ("he", "the leader") resolve to the subject of the nearest sentence naming a
fitting person, or to the person introduced with that role (see `speakers.SpeakerResolver`); organisation roles
("the company", "the union") to a recent organisation; a quote with no cue continues the previous quote's
speaker unless someone else became a sentence's subject in between.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.extract import lexicon

# Reporting verbs of US and agency house styles ("Clinton proclaimed", "Trump shot back"), beside the lexicon's.
_REPORTING_VERBS = frozenset((
    "proclaimed proclaims asserted asserts contended contends emphasized emphasised emphasizes demanded demands"
    " pledged pledges scoffed scoffs mused muses chided chides interjected blogged demurred assured assures"
    " yelled yells shouted shouts chanted chant chants screamed").split()) | {
    "put it", "puts it", "shot back", "fired back"}


def one_of(words: list[str], depth: int = 0) -> str:
    """The alternation of `words`, tried in their order, grouped by their first three letters: `re` tries each
    branch of a flat alternation in turn (some 150 reporting verbs at every place a verb may start), but only the
    group of the letter there. The same matches: words that both match at one place share their first letters,
    and each group keeps their order."""
    if depth == min(3, *map(len, words)) or len(words) == 1:
        return "|".join(re.escape(w[depth:]) for w in words)
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[depth], []).append(word)
    return "|".join(f"{re.escape(c)}(?:{one_of(group, depth + 1)})" for c, group in groups.items())


SPEECH_VERB = one_of(sorted(lexicon.SPEECH_VERBS | _REPORTING_VERBS, key=len, reverse=True))  # longest first
_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|\d{1,2}\b|of|the|de|van|von|&)){0,6}"  # Radio 1
# A full stop after a word of four letters or more, then a capital, inside a matched name: a sentence end.
_SENTENCE_IN_NAME = re.compile(r"(?<=[a-z][a-z][a-z][a-z])\.\s+(?=[A-Z])")
# After a role noun phrase, the name in apposition to it: "the company's chief executive, Terry Leahy".
_ROLE_THEN_NAME = re.compile(r"(?:['’]s)?(?:\s+[\w\-]+){0,4},\s+[A-Z][^,.;:\"“”]{0,40}")  # "his best friend at Lehigh, X"
_VOICE = r"(?:statement|spokesman|spokeswoman|spokesperson|representative|lawyer|website|source|campaign|office)"
# "The Tories are also thought likely to": a passive, not a speaker (auxiliaries are not part of a noun phrase).
_NOT_AUX = r"(?!(?:is|are|was|were|be|been|being|will|would|could|should|can|may|might|must|not)\b)"
# A lower-case word of a title before a name ("chairman", "shop owner"), not a link between two phrases
# ("Wenger after watching Henry").
_TITLE_WORD = (r"(?!(?:after|before|and|or|but|with|without|as|at|in|on|for|to|of|by|from|when|while|who|which"
               r"|that|than|against|over|under|during|beat|beats|met|meets)\b)[a-z][\w\-]*(?<!ing)")
_WHO = (
    rf"\b(?:(?:[Aa]|[Tt]he|[Aa]n)\s{_VOICE}\s(?:from|for|at|of)\s(?:the\s)?{_NAME}(?:\s[a-z]+){{0,4}}"  # a statement from Chelsea
    rf"|{_NAME}['’]s?\s{_VOICE}"  # Chelsea's statement
    rf"|(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:{_NOT_AUX}[\w\-]+\s+){{0,3}}?{_NOT_AUX}[\w\-]+"  # the leader
    r"|(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)\b"  # not the start of "Wenger" or "Italy"
    rf"|(?:[A-Z][\w'’.\-]*\s){{1,2}}(?:{_TITLE_WORD}\s(?:of\s(?:the\s)?)?){{1,3}}{_NAME}"  # KSE chairman Yaseen Lakhani
    rf"|(?:{_TITLE_WORD}\s(?:of\s(?:the\s)?)?){{0,3}}{_NAME})"  # shop owner Hayriye Evren, former secretary of state X
)
# An apposition between the speaker and the verb: "Tevfik Aksoy, chief economist at Deutsche Bank, told".
# also "X, who presents Y tells" and "A spokesman for the British Phonographic Industry (BPI) said"
# ("Jeff Joseph, from the Consumer Electronics Association (CEA) told"; "Digby Jones, director general of the
# Confederation of British Industry (CBI), said")
_APP = (r"(?P<app>(?:\s\([^()\"“”]{1,40}\))?"  # "Rep. Zoe Lofgren (D-Calif.), who introduced a bill, said"
        r"(?:(?:,(?:[^,\"“”()]|\([A-Z][\w&]{1,8}\)){2,120}){1,2}(?:,|\s\([A-Z][\w&]{1,8}\)(?=\s))"
        r"|,\swho\s(?![A-Z])[^,.\"“”]{2,60}?(?=\s))"  # not "Bannon, who Beck called": Beck is the subject
        r"|\s\([^()\"“”]{1,40}\),?|,)?")  # "Gov. John Kasich (R-OH), said"
# "has also said", "emphatically proclaimed", "on Wednesday called" (US style puts the day before the verb)
_ADVERB = (r"(?:(?:also|later|then|has|had|have|previously|recently|will|would|[a-z]{3,}ly|[a-z]{3,}ed\sand"
           r"|on\s(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+){0,2}")  # "smiled and said"
_AFTER_WHO_VERB = re.compile(rf"\s*[,.!?]?\s*(?P<who>{_WHO}){_APP}\s+{_ADVERB}(?P<verb>{SPEECH_VERB})\b")
_AFTER_VERB_WHO = re.compile(rf"\s*[,.!?]?\s*(?P<verb>{SPEECH_VERB})\s+(?P<who>{_WHO})")
# A list attribution after a quote, with no verb: '"...," Dana Reyes, NBC News.' (a person, then an outlet).
_LISTED_AFTER = re.compile(rf"\s*(?P<who>{_NAME})(?P<verb>,)\s+(?:the\s)?{_NAME}\.?\s*(?:$|[\"“])")
# A quote signed on the next line: '-President Obama, tweeting after the speech.'
_SIGNED = re.compile(rf"[-–—]\s*(?P<who>{_WHO})(?P<verb>[,.])")
# The same clauses closing the sentence a few words after the quote: '"unlikely" that he can win, said X.'
_LATER = r"(?:[^.!?\"“”]|(?<=[A-Z])\.){0,160}?,\s+"
_LATER_VERB_WHO = re.compile(rf"{_LATER}(?P<verb>{SPEECH_VERB})\s+(?P<who>{_WHO})(?=\s*(?:[,.!?(]|$))")
_LATER_WHO_VERB = re.compile(rf"{_LATER}(?P<who>{_NAME}|[Hh]e|[Ss]he){_APP}\s+{_ADVERB}(?P<verb>{SPEECH_VERB})"
                             r"(?:\s[^.!?\"“”,]{0,40})?[.!?]")
_ACCORDING = re.compile(rf"\s*[,.]?\s*(?:(?:he|she|they) (?:said|added),\s*)?(?P<verb>according to)\s+(?P<who>{_WHO})")
# A character of a clause: no sentence end, but the full stops of "U.S." and "D.C." are inside it.
_CLAUSE_CHAR = r"(?:[^.!?]|(?<=[A-Z])\.)"
# The reported clause may run on before a short quote: `He said it would make the law "tolerable"`.
_BEFORE = re.compile(rf"(?P<who>{_WHO}){_APP}\s+{_ADVERB}(?P<verb>{SPEECH_VERB})\b(?P<tail>{_CLAUSE_CHAR}{{0,150}}?)[:,]?\s*$")
# The verb before its subject, just before the quote: 'Because of the calendar, explained Rosenberg, "with ...'
_BEFORE_INVERTED = re.compile(rf",\s+(?P<verb>{SPEECH_VERB})\s+(?P<who>{_WHO})\s*[,:]\s*$")
# "Mr Blair is saying:", "she was telling reporters that"
_PROGRESSIVES = ("saying", "telling", "adding", "warning", "insisting", "arguing", "claiming", "calling", "labeling",
                 "labelling", "describing", "predicting", "pledging", "vowing")
_BEFORE_PROGRESSIVE = re.compile(rf"(?P<who>{_WHO}){_APP}\s*(?:\s(?:is|was|are|were|has\s+been|had\s+been)|['’]s)\s+"
                                 rf"(?P<verb>{'|'.join(_PROGRESSIVES)})\b(?P<tail>{_CLAUSE_CHAR}{{0,150}}?)[:,]?\s*$")
# A passive reporting verb before the quote and its agent after it.
_PASSIVE = re.compile(r"\b(?:branded|described|called|dubbed|labelled|labeled|termed)\b")
_BY_AGENT = re.compile(rf"\s*(?P<verb>by)\s+(?P<who>{_WHO})")
# A speaker's name and a colon opening the sentence or a bulleted line: '- Blackburn boss Mark Hughes: "..."'.
_NAME_AFTER_DASH = re.compile(rf"\s[\-–]\s(?P<who>{_NAME})\s?(?P<verb>:)\s*(?:[\"“]|'')$")
_NAME_THEN_COLON = re.compile(rf"[\s\-–•*]*(?P<who>{_WHO})\s?(?P<verb>:)\s*(?:[\"“]|'')$")
# A participle clause reporting speech: its subject is the sentence's ("X hit back, saying: ...", "X was
# quoted as saying").
# ... or an infinitive of purpose: "Sanders took to Twitter to say the system was "rigged"".
_PARTICIPLE = re.compile(r"(?:(?:,|\bas|\bby|\bupon|\b(?:statement|tweet|post|letter|interview))\s+|\bto\s(?=say\b|write\b|tweet\b|"
                         r"declare\b|argue\b|insist\b|warn\b|complain\b))(?P<verb>say|write|tweet|declare|argue|insist|"
                         r"warn|complain|saying|adding|insisting|arguing|claiming|warning|describing|"
                         r"calling|branding|declaring|stating|explaining|noting|telling|complaining|admitting|"
                         r"stressing|urging|joking|suggesting|tweeting|accusing|writing|stating|noting|mocking|"
                         r"chiding|proclaiming|quipping|pledging|vowing|labeling|labelling|citing)\b(?:[^.!?\"“”]|(?<=[A-Z])\.){0,150}?"
                         r"[:,]?\s*$")
_ANY_VERB = re.compile(rf"\b(?:{SPEECH_VERB})\b")  # a cheap test before the grammars that need one
_CLAUSE = re.compile(rf"(?P<who>{_WHO}){_APP}\s+{_ADVERB}(?P<verb>{SPEECH_VERB})\b")
# `"... spin doctors." Graham Robb said the campaign ...`: after a quote that ended its sentence, a
# reporting clause that goes on to report something else starts a new sentence about a new quote.
_CLAUSE_GOES_ON = re.compile(r"\s+(?:that\s|the\s|it\s|he\s|she\s|they\s|[a-z]+\s[a-z]+)")
_ANY_END = re.compile(r"[.!?]")
_INTRODUCES = re.compile(r"[^.!?\"“”]{0,80}?:\s*(?:[\"“]|$)")
PRONOUNS = _PRONOUNS = frozenset("he she they we i it".split())
# "the government said" names no one in particular (its ministers are people), so it is not resolved.
_ORG_ROLES = frozenset("company firm group club party ministry department agency bank union"
                       " organisation organization council board spokesman spokeswoman spokesperson station channel"
                       " network broadcaster newspaper magazine paper studio label website team side body watchdog"
                       " regulator charity committee commission corporation airline retailer carrier"
                       " manufacturer operator alliance association federation institute foundation trust society"
                       " coalition consortium league".split())
ORG_NOUNS = "|".join(sorted(_ORG_ROLES))  # "an American company": a role noun after a people's name
_DETERMINERS = frozenset("the a an its his her their".split())
_NOT_SPEAKERS = frozenset("But However And So Yet Meanwhile Now Then Also".split())
_S_VERBS = frozenset("says tells adds".split())  # after "Standard & Poor's" these still report speech
# What may follow a lazily matched "the X" before the phrase's end: a role noun, then a name.
_ROLE_AFTER_NAME = re.compile(rf"(?:(?:\s+[a-z][\w\-]*){{0,2}}?\s+(?:{'|'.join(sorted(lexicon.ROLE_NOUNS))})\b)?"
                              r"(?:\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})?")
# Two apostrophes stand for a double quote mark in some house styles (the New York Times' archive text).
_MARK = re.compile("''|[\"“”]")
_OPENERS = " \t([{—–-/:"
_SHORT_WORDS = 3


@dataclass(slots=True)
class RawQuote:
    loc: int
    start: int
    end: int
    text: str
    speaker: object | None = None  # a Cluster
    surface: str | None = None
    cue: str | None = None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of double quote marks."""
    if '"' not in text and "“" not in text and "”" not in text and "''" not in text:
        return []  # most paragraphs quote no one: four substring tests are cheaper than the scan for marks
    spans, pending = [], None
    # A paragraph opened by a straight mark never closed, with curly quotes inside, is an excerpt from another
    # article: the mark sets it off, and the curly ones are the quotes in it.
    skip = 1 if text.startswith('"') and text.count('"') == 1 and ("“" in text or "”" in text) else 0
    for mark in _MARK.finditer(text, skip):
        i, ch, after = mark.start(), mark.group(), mark.end()
        straight = ch != "“" and ch != "”"
        opening = ch == "“" or (straight and (i == 0 or text[i - 1] in _OPENERS))
        if opening and pending is not None and (after == len(text) or text[after] == " ") and (
                straight or text[i - 1] in ",.!?"):
            opening = False  # a lone mark between spaces, or a mistyped `here,“ said`, closes what is open
        if opening:
            if pending is not None:  # re-opened without closing: the earlier quote ended here
                spans.append((pending, i))
            pending = after
        elif pending is not None:
            spans.append((pending, i))
            pending = None
    if pending is not None:
        spans.append((pending, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(loc: int, text: str, resolver, spans: list[tuple[int, int]] | None = None) -> list[RawQuote]:
    out = []
    spans = quote_spans(text) if spans is None else spans
    for n, (start, end) in enumerate(spans):
        q = RawQuote(loc, start, end, text[start:end])
        close = min(end + (2 if text.startswith("''", end) else 1), len(text))
        nxt = spans[n + 1][0] - 1 if n + 1 < len(spans) else len(text)
        prev_end = spans[n - 1][1] + 1 if n else 0
        _resolve_speaker(q, text, close, nxt, prev_end, resolver)
        if q.cue is None:
            _participle(q, text, prev_end, resolver)
        if q.cue is None and not (q.text[:1].isupper() and _looks_like_term(q.text)):  # not a title: ''Today'' show
            _closing_clause(q, text, close, nxt, resolver)
            if q.cue is None:
                _possessor(q, text, resolver)
        if q.cue is None and not _looks_like_term(q.text) and not _subject_words(q, text, resolver):
            _last_reporting_clause(q, text, prev_end, resolver)
        if q.cue is None and _looks_like_term(q.text) and (q.text[:1].isupper() or not _subject_words(q, text, resolver)):
            continue  # titles, names, nicknames, and terms no one in the sentence uses: nobody is quoted
        out.append(q)
    return out


def _possessor(q: RawQuote, text: str, resolver) -> None:
    """`Obama's "if you like your plan, you can keep it" promise`: the words of the one whose they are."""
    opened = _opening_mark(text, q.start)
    m = _POSSESSOR.search(text, max(0, opened - 60), opened)
    if m:
        _set(q, m, 0, resolver)
        if getattr(q.speaker, "type", None) not in ("PERSON", "ORG"):
            q.speaker = q.cue = q.surface = None


_POSSESSOR = re.compile(r"(?<![\w'’])(?P<who>[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,3})(?P<verb>['’]s?)\s$")


def _subject_words(q: RawQuote, text: str, resolver) -> bool:
    """`Clinton supports "appropriate pay raises"`, `Moore thanked him for "stepping up"`: a short lower-case
    fragment inside a sentence whose subject is a person or organisation is the subject's words (cue: the
    verb after the subject)."""
    opened = _opening_mark(text, q.start)
    start = _sentence_start(text, opened)
    if start >= opened:
        return False
    found = resolver.subject_of(q.loc, opened)
    if found is None or found[0].type not in ("PERSON", "ORG"):
        return False
    at = text.find(found[1], start, opened)
    verb = _VERB_AFTER_SUBJECT.match(text, at + len(found[1])) if at >= 0 else None
    if verb is None:
        return False
    q.speaker, q.surface, q.cue = found[0], found[1], verb.group("verb")
    return True


# The verb after a sentence's subject: "Trump further summed up", "Sanders has consistently pushed".
_VERB_AFTER_SUBJECT = re.compile(r"(?:,[^,\"“”]{1,80},)?\s+(?:(?:has|have|had|also|further|then|later|still|even|again|once|[a-z]+ly)\s+){0,2}(?P<verb>[a-z]+)\b")


def _looks_like_term(inner: str) -> bool:
    """Few words, or a few capitalised ones: a term, title or name, unless exclaimed or asked ("Stay there!",
    not a title such as "Mamma Mia!")."""
    words = inner.split()
    if inner.rstrip()[-1:] in ("!", "?") and not all(w[:1].isupper() for w in words):
        return False
    return len(words) <= _SHORT_WORDS or (len(words) <= 6 and inner.rstrip()[-1:] not in ".,!?;:" and
                                          sum(w[:1].isupper() for w in words) * 2 > len(words))


def _resolve_speaker(q: RawQuote, text: str, close: int, nxt: int, prev_end: int, resolver) -> None:
    after = text[close:min(nxt, close + 120)]
    # The quote ended its sentence (inside the marks or just after them): what follows starts a new one.
    ended = q.text.rstrip()[-1:] in (".", "?", "!") or after[:1] in (".", "?", "!")
    for pattern in (_AFTER_WHO_VERB, _AFTER_VERB_WHO, _ACCORDING):
        m = pattern.match(after)
        if m and pattern is _AFTER_WHO_VERB and _SENTENCE_IN_NAME.search(m.group("who")):
            continue  # `said Bill Smith. Tom Jones agreed`: that verb belongs to the next sentence
        if m and ended and pattern is not _ACCORDING and _INTRODUCES.match(after, m.end()):
            break  # `"... stage." Mark Oaten said: "This is ...`: the clause introduces the next quote
        if m and not (ended and pattern is _AFTER_WHO_VERB and (
                _CLAUSE_GOES_ON.match(after, m.end())  # `"... spin doctors." Graham Robb said the campaign`
                or nxt < close + 120 and not _ANY_END.search(after, m.end()))):  # `"..." X called Y a "liar."`
            _set(q, m, close, resolver)
            return
    opened = _opening_mark(text, q.start)
    listed = _LISTED_AFTER.match(after) if after[:1] in (",", " ") and ended is False else None
    if listed and "," in q.text[-1:]:
        _set(q, listed, close, resolver)
        if getattr(q.speaker, "type", None) == "PERSON":
            return
        q.speaker = q.cue = q.surface = None
    before_start = _sentence_start(text, opened)
    stop = max(before_start, opened)
    agent = _BY_AGENT.match(after) if _PASSIVE.search(text, before_start, stop) else None
    if agent:  # 'branded a "humiliating retreat" by the Tories': the agent said it, not the sentence's subject
        _set(q, agent, close, resolver)
        if getattr(q.speaker, "type", None) in ("PERSON", "ORG"):
            return
        q.speaker = q.cue = q.surface = None
    m = _BEFORE.search(text, before_start, stop) if _ANY_VERB.search(text, before_start, stop) else None
    while m:  # the reporting clause nearest the quote: "When the government announced it, Tony Blair said ..."
        if _ANY_VERB.search(text, m.end("verb"), stop) is None:
            break  # no later verb, so no nearer clause (the cheap test saves most of the searches)
        nearer = _BEFORE.search(text, m.end("verb"), stop)
        if nearer is None:
            break
        if _reports(nearer):  # not "Ms Gavron said she thought Mr Livingstone's comments were"
            m = nearer
        else:
            break
    if (m is None or m.end() < opened - 1) and any(text.find(v, before_start, stop) >= 0 for v in _PROGRESSIVES):
        m = _BEFORE_PROGRESSIVE.search(text, before_start, stop)
    if m is not None and m.group("app") == ",":  # "the schedule, explained Jim Rosenberg, "...": inverted
        m = _BEFORE_INVERTED.search(text, m.start("app"), stop) or m
    if m and m.end() >= opened - 1:
        _set(q, m, 0, resolver)
        return
    m = _NAME_THEN_COLON.match(text, before_start, q.start) if text.find(":", before_start, q.start) >= 0 else None
    if m is None and text.find(" - ", before_start, q.start) >= 0:  # "Pollsters agree - Carl Bialik: “..."
        m = _NAME_AFTER_DASH.search(text, before_start, q.start)
    if m:
        _set(q, m, 0, resolver)
        if getattr(q.speaker, "type", None) not in ("PERSON", "ORG"):  # 'Title: "Fahrenheit 9/11"': no one
            q.speaker = q.cue = q.surface = None


def _closing_clause(q: RawQuote, text: str, close: int, nxt: int, resolver) -> None:
    """`it has used "velvet gloves" in Central Asia, said Nargis Kassenova.`: a reporting clause closing the
    sentence the quote is in speaks for it."""
    if q.text.rstrip()[-1:] in (".", "?", "!") or text[close:close + 1] in (".", "?", "!") or \
            _ANY_VERB.search(text, close, nxt) is None:
        return  # the quote ended its sentence
    for pattern in (_LATER_VERB_WHO, _LATER_WHO_VERB):
        m = pattern.match(text, close, nxt)
        if m:
            _set(q, m, 0, resolver)
            if getattr(q.speaker, "type", None) not in ("PERSON", "ORG"):
                q.speaker = q.cue = q.surface = None
            return


def _participle(q: RawQuote, text: str, prev_end: int, resolver) -> None:
    """`Mr Brown defended the plan, saying it was "fair"`: the speaker is the subject of the sentence."""
    opened = _opening_mark(text, q.start)
    start = max(prev_end, q.start - 170, _sentence_start(text, opened))
    m = _PARTICIPLE.search(text, start, max(start, opened))
    if m and m.end() >= opened - 1:
        found = resolver.subject_of(q.loc, m.start())
        if found is not None:
            q.speaker, q.surface, q.cue = found[0], found[1], m.group("verb")


def introduced_before(q: RawQuote, loc: int, text: str, resolver) -> None:
    """A paragraph ending `Prime Minister Tony Blair said:` introduces the quote that opens the next one."""
    text = text.rstrip()
    if not text.endswith(":"):
        return
    m = _BEFORE.search(text, _sentence_start(text, len(text) - 1))
    if m:
        _set(q, m, 0, resolver, loc)


def signed_below(q: RawQuote, text: str, loc: int, next_text: str, resolver) -> None:
    """A paragraph that is one quote, signed by the next one ('-President Obama, tweeting ...'): the signer's."""
    if q.start > 1 or q.end < len(text.rstrip()) - 2:
        return
    m = _SIGNED.match(next_text)
    if m:
        _set(q, m, 0, resolver, loc)
        if getattr(q.speaker, "type", None) not in ("PERSON", "ORG"):
            q.speaker = q.cue = q.surface = None


def _last_reporting_clause(q: RawQuote, text: str, prev_end: int, resolver) -> None:
    """`Ms Tymoshenko said prosecutors had a list. "We will return ...`: an uncued quote after a reported
    clause (and no quote in between) is that clause's speaker's."""
    last = None
    stop = max(prev_end, _opening_mark(text, q.start))
    verb_ends = [verb.end() for verb in _ANY_VERB.finditer(text, prev_end, stop)]
    if not verb_ends:
        return
    # Every clause ends on a verb, and nothing in one looks past its verb: no clause after the last verb, so
    # the search stops there instead of trying every word up to the quote.
    for m in _CLAUSE.finditer(text, prev_end, verb_ends[-1]):
        if _reports(m):
            last = m
    if last is not None:
        _set(q, last, 0, resolver)


def _opening_mark(text: str, start: int) -> int:
    """Where the mark opening a quote that starts at `start` is: one character before, or two for ''."""
    return start - 2 if text.startswith("''", start - 2) else start - 1


def _sentence_start(text: str, pos: int) -> int:
    cut = max(text.rfind(". ", 0, pos), text.rfind("? ", 0, pos), text.rfind("! ", 0, pos))
    while cut > 0 and text[cut] == "." and _ABBREVIATION_END.search(text, max(0, cut - 5), cut + 1):
        # "the U.S. politicians", "Mr. Trump": an abbreviation's full stop ends no sentence
        cut = max(text.rfind(". ", 0, cut), text.rfind("? ", 0, cut), text.rfind("! ", 0, cut))
    return cut + 2 if cut >= 0 else 0


_ABBREVIATION_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Rev|No|vs)"
                               r"|(?<![\w.])[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$")


def _reports(m: re.Match) -> bool:
    """Not "Mr Livingstone's comments were" nor "Sir Edward's hopes of" (a possessive and a noun), nor "However,
    said" (no one); "Standard & Poor's believes that" and "Moody's warns:" report (what follows is reported)."""
    who, verb = m.group("who"), m.group("verb")
    possessive_noun = who.endswith(("'s", "’s")) and verb.endswith("s") and verb not in _S_VERBS \
        and _REPORTED_NEXT.match(m.string, m.end("verb")) is None
    return who not in _NOT_SPEAKERS and not possessive_noun and _PLURAL_NOUN_SUBJECT.match(m.string, m.end("verb")) is None


_PREPOSITION_BEFORE = re.compile(r"\b(?:at|in|on|by|for|with|from|of|to|after|before|during|since|over|under)\s+$")
_REPORTED_NEXT = re.compile(r"\s*(?::|\sthat\b)")  # not a quote: 'Ginsburg's comments "show bias"'
# "his anti-Muslim remarks were": the "verb" was a plural noun, the subject of the verb after it
_PLURAL_NOUN_SUBJECT = re.compile(r"(?<=s)\s+(?:were|are|have|had)\b")


def _set(q: RawQuote, m: re.Match, offset: int, resolver, loc: int | None = None) -> None:
    who, who_start = m.group("who"), m.start("who")
    if not _reports(m):
        return
    cut = _SENTENCE_IN_NAME.search(who)
    if cut:  # "said coach Bill Smith. He praised ...": the name ended with its sentence
        if m.start("verb") < who_start:
            who = who[:cut.start() + 1]
        else:
            who, who_start = who[cut.end():], who_start + cut.end()
    if who.endswith(".") and not who.endswith(("Mr.", "Mrs.", "Ms.", "Dr.")):
        who = who[:-1]  # the full stop ends the sentence, not the name
    elif m.start("verb") < who_start and who.split(" ", 1)[0].lower() in _DETERMINERS:
        more = _ROLE_AFTER_NAME.match(m.string, who_start + len(who))
        if more and more.end() > more.start():  # "said the Chelsea star": a player, not the club; "said his
            who = m.string[who_start:more.end()]  # coach Peter Stanley": the coach
    if m.start("verb") > who_start and (who.rsplit(" ", 1)[-1] in ("and", "but") or (
            who.split(" ", 1)[0].lower() in _DETERMINERS and role_kind(who) is None
            and _PREPOSITION_BEFORE.search(m.string, max(0, who_start - 12), who_start))):
        # "Trump called on her to resign from her post and said", "Trump at the time said": the verb's subject
        # is the sentence's
        found = resolver.subject_of(q.loc if loc is None else loc, offset + who_start)
        if found is not None:
            q.speaker, q.surface, q.cue = found[0], found[1], m.group("verb")
        return
    q.cue = m.group("verb")
    q.surface = who
    app = m.groupdict().get("app")
    end = offset + (m.end("app") if app else who_start + len(who))
    if not app and m.start("verb") < who_start and who.lower() not in _PRONOUNS and (
            role_kind(who) or who.split(" ", 1)[0].lower() in _DETERMINERS):
        named = _ROLE_THEN_NAME.match(m.string, who_start + len(who))
        if named:  # `said the company's chief executive, Terry Leahy`, `said the festival's director, Craig Prater`:
            # the name in apposition speaks
            end = offset + named.end()
            q.surface = m.string[who_start:named.end()].rstrip()
    q.speaker = resolver(q.loc if loc is None else loc, offset + who_start, end, who)
    if q.speaker is None and app == "," and m.start("verb") > who_start and who.split(" ", 1)[0] in ("a", "an"):
        # "The candidate has mocked a disabled reporter, referred to them as "rapists"": a list of what the
        # subject did, whose object is no speaker
        found = resolver.subject_of(q.loc if loc is None else loc, offset + who_start)
        if found is not None:
            q.speaker, q.surface = found


def continue_speakers(quotes: list[RawQuote], named_between=None, carried_on=None, max_gap: int = 1) -> None:
    """A quote with no cue of its own continues the previous quote's speaker (same or previous paragraph),
    unless another person became the subject in between (`named_between(prev, q)`): then it is most likely
    theirs. With no quote just before, a quote opening a paragraph is the words of the person the paragraph
    before was about (`carried_on(q)`)."""
    prev = None
    for q in quotes:
        if q.cue is None and prev is not None and prev.speaker is not None and q.loc - prev.loc <= max_gap:
            other = named_between(prev, q) if named_between else None
            if other is not None and other is not prev.speaker:
                q.speaker, q.surface = other, None
            else:
                q.speaker, q.surface, q.cue = prev.speaker, prev.surface, prev.cue
        elif q.cue is None and q.speaker is None and carried_on is not None and q.start <= 1:
            q.speaker = carried_on(q)
        if q.speaker is not None or q.cue is not None:  # 'The report said: "..."' ends the previous speaker's run
            prev = q


def role_kind(who: str) -> str | None:
    """'PERSON' or 'ORG' for a pronoun or role noun phrase, None for a name."""
    words = who.split()
    if who.lower() in _PRONOUNS or who == "I":
        who = who.lower()
        return "ORG" if who in ("it", "they", "we") else "PERSON"
    if words[0].lower() in _DETERMINERS:
        head = words[-1].lower()
        if head in _ORG_ROLES:
            return "ORG"  # "the company", "a spokesman": the organisation
        if words[0].lower() in ("a", "an", "his", "her", "their"):
            return None  # "a judge claimed": someone new; "his former adviser": not the man named before
        # "the 45-year-old", "the Frenchman", "the businesswoman", "the American": only a person is called that
        person = head in lexicon.ROLE_NOUNS or head.endswith(("-year-old", "man", "woman")) or _one_of_a_people(
            words[-1])
        return "PERSON" if person else None
    return None


def _one_of_a_people(word: str) -> bool:
    """"American", "Scot", "Swiss": a demonym that is not a plural ("Americans"), nor a party's or a region's
    adjective ("by the Liberal" Democrats: the lazy phrase stops at its first word)."""
    return word in lexicon.DEMONYMS and word not in _NOT_A_PEOPLE and not (
        word.endswith("s") and word[:-1] in lexicon.DEMONYMS)


_NOT_A_PEOPLE = frozenset("Western Eastern Northern Southern Latin Tory Labourite Republican Democrat Democratic"
                          " Conservative Liberal Socialist Communist Nazi Olympic Olympian European Anglo".split())
