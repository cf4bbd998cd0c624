"""Reporting cues in one sentence ("X said", "said X", "according to X", "X told CNN") and the
speakers they attribute to."""

from __future__ import annotations

import re

from index.compare.attribution.lexicon import (
    _BARE_INSTITUTIONS,
    _BE,
    _EDGE,
    _GAP,
    _INST_MODIFIERS,
    _LOWER_HEADS,
    _NEGATION,
    _NOUN_VERBS,
    _OUTLET_NOUNS,
    _PARTICIPLES,
    _REJECT,
    _SAYING,
    _STATEMENT_NOUNS,
    _TELL,
    _VERB,
    _Cite,
    _is_role,
    _lowered,
    _words,
)
from index.compare.attribution.speakers import (
    _adjective,
    _appositive,
    _role_after,
    _run_back,
    _run_fwd,
    _speaker,
)
from index.compare.attribution.unnamed import _HEAD

_NOT_ADVERBS = _words("family assembly supply rally italy july ally bully belly")


def _gap_start(text: str, s: int, pos: int) -> int:
    """Where the words of ``_GAP`` (and years) before ``pos`` begin."""
    p = pos
    while p > s:
        q = p
        while q > s and text[q - 1].isspace():
            q -= 1
        k = q
        while k > s and not text[k - 1].isspace():
            k -= 1
        w = text[k:q].lower()
        adverb = len(w) > 4 and w.endswith("ly") and w.isalpha() and w not in _NOT_ADVERBS
        if not w or (w not in _GAP and not (w.isdigit() and len(w) == 4) and not adverb):
            break  # "State media proudly reported": adverbs stand between, "family" does not
        p = k
    return p


# Matched against the text lowered (ASCII only, so offsets hold): much faster than [Aa] classes.
_CUE_FWD = re.compile(
    r"\b(?:according to (?:an? |the )?reports? (?:by|from|in)|"
    r"according to (?:an? |the )?(?:press )?(?:release|statement)s? (?:by|from)|"
    r"according to|citing|"
    r"(?:cited|quoted|reported|announced|confirmed|stated|revealed|described) by|"
    r"(?:an?|the|in a) (?:report|statement|interview|broadcast) (?:from|by|in|with|on)|"
    r"in an interview with|speaking to)\s+"
)


_CUE_HINT = re.compile(r"accord|citing| by |interview|speaking|report|statement|broadcast")


_INST_BACK = re.compile(
    r"(?:^|(?<=\s))(?P<np>(?:(?:[Tt]he|[A-Z][\w.’'-]*)\s+)?(?:(?:[A-Z][\w.’'-]*|"
    + "|".join(sorted(_INST_MODIFIERS))
    + r")\s+){0,3}(?:"
    + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in sorted(_BARE_INSTITUTIONS))
    + r"))\s*$"
)


_INST_FWD = re.compile(
    r"(?:the\s+)?(?P<np>(?:(?:[A-Z][\w.’'-]*|" + "|".join(sorted(_INST_MODIFIERS)) + r")\s+){0,3}"
    r"(?:" + "|".join(sorted(_BARE_INSTITUTIONS)) + r"))\b"
)


# "A Defence Ministry statement said": the body that issued it; "the statement said": as "it said".
_STATEMENT = re.compile(
    r"(?:^|(?<=\s))(?:[Aa]n?\s+|[Tt]he\s+|[Ii]ts\s+)?(?P<name>(?:(?:[A-Z][\w.’'-]*|"
    + "|".join(sorted(_INST_MODIFIERS | _BARE_INSTITUTIONS | _LOWER_HEADS | {"cabinet"}))
    + r")\s+){0,4})(?:statement|report|announcement|communiqu[eé]|press release|release)\s*$"
)


_LIST_LINE = re.compile(
    r"^[ \t]*(?:[*•-][ \t]*)?(?P<np>[A-Z][^\n\"“:]{0,50}?)[ \t]+[-–—:][ \t]+[\"“]",
    re.MULTILINE,
)


_ROLE_THEN_NAME = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+)?(?P<role>[^,.;\"“”]{3,80}?),\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w.’'-]*){1,3}?)\s*[.,;]?\s*$"
)


_NAME_WITH = re.compile(
    r"(?:^|(?<=\s))(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s+(?:with|of|from|at)\s+"
    r"(?P<role>(?:the\s+)?[A-Z][^,;:\"“”()]{1,60}?)\s*$"
)


_NAME_OUTLET = re.compile(
    r"(?:^|(?<=\s))(?:[Tt]he\s+)?(?!(?:The|A|An|This|That|Its|Their|His|Her)\s)"
    r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?:"
    + "|".join(sorted(_OUTLET_NOUNS))
    + r")\s*$"
)


def _subject(text: str, s: int, p: int, verb: str, ents: dict[int, str]) -> _Cite | None:
    """The speaker whose words end at ``p``, right before a reporting verb."""
    w0 = max(s, p - 200)  # a speaker is never further back; bounds the anchored searches
    last = text[max(s, p - 40) : p].split()[-1:]
    lw = last[0].lower().strip(_EDGE) if last else ""
    if lw in ("he", "she", "it") and last[0][-1:].isalpha():
        kind = "it" if lw == "it" else "he"
        return _Cite(lw, p - len(lw), p, kind, None)
    run = _run_back(text, s, p)
    if run:
        cite = _speaker(text, run, s, False, ents)
        if cite is not None:
            if verb in _NOUN_VERBS and cite.kind == "person" and " " not in cite.name:
                return None  # "Smith reports": too often a noun after a name
            return cite
    sm = _STATEMENT.search(text, w0, p) if lw in _STATEMENT_NOUNS else None
    if sm:  # "a Defence Ministry statement said"; "the statement said" is "it said"
        np = re.sub(r"[’']s$", "", sm.group("name").strip())
        if not np:
            return _Cite("it", sm.start(), p, "it", None)
        return _Cite(np, sm.start("name"), sm.start("name") + len(np), "institution", None)
    om = _NAME_OUTLET.search(text, w0, p) if lw in _OUTLET_NOUNS else None
    if om:  # "Wired magazine has suggested"
        return _Cite(om.group("name"), om.start("name"), om.end("name"), "outlet", None)
    nw = _NAME_WITH.search(text, max(s, p - 120), p) if run is None else None
    if nw:  # "Marcelo Furtado with Greenpeace in Brazil says"
        c = _speaker(text, _run_back(text, s, nw.end("name")) or [], s, False, ents)
        if c is not None and c.kind == "person":
            return _Cite(c.name, c.start, c.end, c.kind, c.role or nw.group("role"))
    if verb not in _NOUN_VERBS and lw in _BARE_INSTITUTIONS:
        im = _INST_BACK.search(text, w0, p)
        if im and not re.search(
            r"\b(?:of|from|by|with|for)\s+$", text[max(s, im.start() - 8) : im.start()]
        ):
            np = re.sub(r"^[Tt]he\s+", "", im.group("np"))
            return _Cite(np, p - len(np), p, "institution", None)
    return None


def _cites(text: str, s: int, e: int, ents: dict[int, str], low: str = "") -> list[_Cite]:
    """Citations in the sentence ``text[s:e]``; a pronoun speaker comes back with kind "he"/"it".

    ``low`` is ``_lowered(text)`` when the caller has it.
    """
    low = low or _lowered(text)
    if _PARTY.search(text, s, e):
        # "Rep. Nick Rahall, D-W.Va., said": a party and state, blanked (offsets kept)
        text = text[:s] + _PARTY.sub(_blank, text[s:e]) + text[e:]
        low = _lowered(text)
    out: list[_Cite] = []
    for m in _VERB.finditer(text, s, e):
        verb = m.group(0)
        to = verb.endswith(" to")  # "disclosed to the Kyiv Independent": the outlet heard it
        verb = verb.removesuffix(" to")
        if verb == "continued" and not re.match(r"\s*[,:]?\s*[\"“]", text[m.end() : m.end() + 4]):
            continue  # "Jowell continued, "..."" reports; "the rain continued" does not
        if verb in _REJECT and not _SAYING.match(text, m.end(), e):
            continue
        p = _gap_start(text, s, m.start())
        be = _BE.search(text[max(s, p - 16) : p]) if verb in _PARTICIPLES else None
        if be:  # "Authorities are now saying"
            be_at = max(s, p - 16) + be.start()
            p, verb = be_at, "says"
        while p > s and text[p - 1].isspace():
            p -= 1
        if verb in _NOUN_VERBS:
            if not re.match(
                r"\s+(?:that|it|he|she|they|the|an?|there|its|his|her)\b", text[m.end() :]
            ):
                continue  # "the IPCC report made": a noun
            verb = "said"  # "The British government claims that ...": a verb after all
        if _NEGATION.search(text, max(s, p - 14), p):
            continue
        if verb.endswith("ed") and _PASSIVE.search(text, max(s, p - 24), p):
            continue  # "10,000 people are reported as marching": what is told, not who tells
        tail = text[max(s, p - 3) : p]
        cite: _Cite | None = None
        if verb in _PARTICIPLES:
            if not tail.rstrip().endswith(","):
                continue
            # "But Clark defended the new regulations, saying ...": the sentence's subject speaks.
            lead = re.match(r"(?:(?:But|And|However|Yet|Still),?\s+)?", text[s:e])
            run = _run_fwd(text, s + (lead.end() if lead else 0), e)
            c = _speaker(text, run, s, False, ents) if run else None
            nxt = text[c.end : c.end + 30].split()[:1] if c is not None else []
            if c is not None and c.end < p and not (nxt and re.match(_HEAD + r"\b", nxt[0])):
                out.append(c)
            continue
        if tail.rstrip().endswith(","):
            # "Jan Egeland, the UN's emergency relief coordinator, said"
            q = text.rindex(",", s, p)
            cite = _appositive(text, s, q, ents)
            np_at = max(s, text.rfind(",", s, q) + 1)
            if cite is None and re.match(r"\s*(?:the\s+)?[A-Z]", text[np_at:q]):
                cite = _subject(
                    text, s, q, verb, ents
                )  # "the General Accounting Office, GAO, said"
            if cite is None:
                # "..., his agent Marc Cornstein, told ESPN": a role and a name between commas
                c = _subject(text, s, q, verb, ents)
                cite = c if c is not None and c.kind == "person" and c.role else None
        else:
            cite = _subject(text, s, p, verb, ents)
            if (
                cite is not None
                and " " not in cite.name
                and text[s : cite.start].rstrip()[-1:] == ","
            ):
                # "Charles Andrew, an analyst who follows Phillips for John S. Herold Inc of
                # Greenwich, Conn said": "Conn" ends an appositive; the name is before it.
                cite = _appositive(text, s, p, ents, strict=True) or cite
            if cite is None and "," in text[max(s, p - 100) : p]:
                # "Bernard Reed, manager of the London options exchange said" (no closing comma)
                cite = _appositive(text, s, p, ents, strict=True)
        if cite is None and re.search(r"[,\"“”’]\s*$", tail) and verb not in _TELL:
            # "..., said Prime Minister Jane Doe": the speaker follows the verb.
            after = (
                m.end()
                + len(text[m.end() : m.end() + 3])
                - len(text[m.end() : m.end() + 3].lstrip().removeprefix(","))
            )
            run = _run_fwd(text, after, e)  # "...,” said, Becky Buell, ..." (a stray comma)
            c = _speaker(text, run, s, False, ents) if run else None
            if c is not None and not _adjective(text, c, e):
                cite = _Cite(c.name, c.start, c.end, c.kind, c.role or _role_after(text, c.end, e))
            rn = _ROLE_THEN_NAME.match(text, m.end(), e) if cite is None else None
            if rn and any(_is_role(w) for w in rn.group("role").split()):
                # "..., said the Central Mat-Su fire chief, James Steele."
                nm = rn.group("name")
                if nm.endswith(".") and not re.search(r"\b[A-Z]\.$", nm):
                    nm = nm[:-1]  # the sentence's full stop
                cite = _Cite(
                    nm, rn.start("name"), rn.start("name") + len(nm), "person", rn.group("role")
                )
        elif cite is not None and cite.role is None and cite.kind == "person":
            role = _role_after(text, cite.end, m.start())
            cite = _Cite(cite.name, cite.start, cite.end, cite.kind, role)
        if cite is not None:
            out.append(cite)
        if verb in _TELL or to:  # "told CNN": the outlet heard it
            run = _run_fwd(text, m.end(), e)
            c = _speaker(text, run, s, True, ents) if run else None
            if c is not None and not _adjective(text, c, e):
                out.append(c)
    if not _CUE_HINT.search(low, s, e):
        return out
    for m in _CUE_FWD.finditer(low, s, e):
        cue = m.group(0).lower()
        audience = cue.rstrip().endswith(" to") and not cue.startswith("according")
        audience = audience or cue.startswith("speaking")
        run = _run_fwd(text, m.end(), e)
        c = _speaker(text, run, s, audience, ents) if run else None
        owner = _OWNER.match(text, c.end, e) if c is not None else None
        if c is not None and owner:
            # "according to Paris' mayor Bertrand Delanoe", "Iran's seismologic center": the
            # speaker is what the name owns
            c = _owned(text, s, c, owner.end(), e, audience, ents)
        if c is not None and _adjective(text, c, e):
            continue
        if c is None and not audience:
            im = _INST_FWD.match(text, m.end(), e)
            if im:
                c = _Cite(im.group("np"), im.start("np"), im.end("np"), "institution", None)
        if c is not None:
            kind = c.kind
            if kind == "person" and " " not in c.name and re.search(r"release|statement", cue):
                kind = "institution"  # "a press release by Greenpeace": bodies issue releases
            out.append(_Cite(c.name, c.start, c.end, kind, c.role or _role_after(text, c.end, e)))
    return out


# a party and its state after a legislator's name: ", D-W.Va.,", "(R-Texas)", "(D-New York)"
_PARTY = re.compile(r"\s*(?:,\s*|\()(?:D|R|I)-[A-Z][A-Za-z.]*(?:\s[A-Z][a-z.]+)?(?:,|\))")
_PASSIVE = re.compile(r"\b(?:are|is|was|were|be|been|being)(?:\s+(?:now|still|also|widely))?\s*$")
# a possessive after a name, before a lower-case word ("Iran's seismologic center")
_OWNER = re.compile(r"(?:['’]s?)?\s+(?=[a-z])")


def _blank(m: re.Match[str]) -> str:
    """A party tag as spaces, its closing comma kept: "Rahall, D-W.Va., said" is "Rahall ..., said"
    (an appositive's end), "In Congress, Rep. Markey, D-Mass., called ... and said" no appositive
    of Congress."""
    t = m.group(0)
    return " " * (len(t) - 1) + "," if t.endswith(",") else " " * len(t)


def _owned(
    text: str, s: int, owner: _Cite, at: int, e: int, audience: bool, ents: dict[int, str]
) -> _Cite | None:
    """The speaker a name owns, the words from ``at`` on: a role and a name ("Paris' mayor
    Bertrand Delanoe"), else a body ("Iran's seismologic center"), else none."""
    if not re.match(r"['’]", text[owner.end : owner.end + 1]):
        return owner  # no possessive: "according to Reuters on Monday" is Reuters'
    run = _run_fwd(text, at, e)
    c = _speaker(text, run, s, audience, ents) if run else None
    if c is not None and c.kind == "person":
        role = text[owner.start : c.start].strip()
        return _Cite(c.name, c.start, c.end, c.kind, role)
    if _OWNER_SAYS.match(text, at, e):
        return owner  # "according to the NYPD's statement": the NYPD's words
    im = _INST_FWD.match(text, at, e) or _OWNED_BODY.match(text, at, e)
    if im:
        np_end = im.end("np")
        return _Cite(text[owner.start : np_end], owner.start, np_end, "institution", None)
    return None


# what a source issues: its own words ("the NYPD's statement")
_OWNER_SAYS = re.compile(
    r"(?:official\s+|own\s+|latest\s+|written\s+)?(?:statement|report|release|announcement|account|figures)\b"
)
# a body named by lower-case words after its owner ("Iran's seismologic center")
_OWNED_BODY = re.compile(
    r"(?P<np>(?:[a-z][\w-]*\s+){0,3}?(?:"
    + "|".join(sorted(_LOWER_HEADS | _BARE_INSTITUTIONS | {"center", "centre", "institute"}))
    + r"))\b"
)


def _list_cites(text: str, ents: dict[int, str]) -> list[tuple[int, int, _Cite]]:
    """``AP - "..."`` lines: a source, then the words it is quoted saying."""
    out = []
    for m in _LIST_LINE.finditer(text):
        run = _run_fwd(text, m.start("np"), m.end("np"))
        c = _speaker(text, run, m.start("np"), False, ents) if run else None
        if c is not None and c.end == m.end("np") and c.kind != "person":
            line_end = text.find("\n", m.end())
            out.append((m.start(), len(text) if line_end < 0 else line_end, c))
    return out
