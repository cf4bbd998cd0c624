"""A speaker's words around a reporting cue: its name, its role, and its kind."""

from __future__ import annotations

import re
from collections.abc import Iterator

from index.compare.attribution.lexicon import (
    _AFTER_NAME,
    _AMBIGUOUS_OUTLETS,
    _COMMON_BEFORE,
    _CONNECTORS,
    _EDGE,
    _HONORIFICS,
    _INSTITUTIONS,
    _LOWER_HEADS,
    _NOT_NAMES,
    _ORG_HEADS,
    _OUTLET_HEADS,
    _OUTLET_NOUNS,
    _PREPOSITIONS,
    _ROLE_MODIFIERS,
    _TOKEN,
    _Cite,
    _is_cap,
    _is_role,
    _outlet_key,
)
from index.compare.attribution.unnamed import _UNNAMED


def _kind(
    text: str, name: str, at_start: bool, audience: bool, ents: dict[int, str], pos: int
) -> str | None:
    """Outlet, institution or person for a proper name, or None when it is no speaker."""
    low = name.lower()
    last = low.split()[-1]
    if _outlet_key(name) and (audience or low not in _AMBIGUOUS_OUTLETS):
        return "outlet"
    if last in _OUTLET_HEADS and len(name.split()) > 1:
        return "outlet"
    if audience:
        # "told The Post": a lone head word after "The" is a paper; whom else one "told" is none
        the = text[max(0, pos - 4) : pos] == "The "
        return "outlet" if the and low in _OUTLET_HEADS else None
    label = ents.get(pos)
    words = low.split()
    heads = [i for i, w in enumerate(words) if w in _ORG_HEADS]
    if (
        low in _INSTITUTIONS
        or label in ("ORG", "PLACE")
        or (heads and (heads[-1] == len(words) - 1 or words[heads[-1] + 1] in _CONNECTORS))
    ):
        return "institution"
    if re.fullmatch(r"(?:[A-Z]\.?){2,6}|[A-Z]{2,6}", name.replace("&", "")):
        return "institution"  # an acronym: "USGS", "NP&CP"
    if label == "GROUP" or low in _NOT_NAMES:
        return None
    if (
        len(name.split()) == 1
        and at_start
        and (
            any(b.lower() in _COMMON_BEFORE for b, _ in _occurrences(text, low))
            or (low.endswith("s") and bool(_occurrences(text, low)))  # "Workers" and "20 workers"
            or (label != "PERSON" and not _capitalised_inside(text, name))
        )
    ):
        return None  # "Officials said", "People told": a common noun capitalised by position
    return "person"


def _occurrences(text: str, word: str) -> list[tuple[str, str]]:
    """The word before and the word after each whole-word occurrence of ``word`` in ``text``."""
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            before = text[max(0, at - 30) : at].split()[-1:]
            after = text[end : end + 30].split()[:1]
            out.append((before[0] if before else "", after[0] if after else ""))
        at = text.find(word, end)
    return out


def _capitalised_inside(text: str, word: str) -> bool:
    """True when ``word`` is capitalised somewhere other than at a sentence start ("Palomino"), or
    inside a longer name ("Pentland" of "Pentland Industries PLC", "Seymour" of "Ann Seymour")."""
    for before, after in _occurrences(text, word):
        inside = before and (before[-1].islower() or before[-1] in ",;" or _is_cap(before))
        if _is_cap(after) or (inside and not before.endswith((".", "!", "?", '"', "”"))):
            return True
    return False


def _split(toks: list[tuple[int, int, str]]) -> tuple[str | None, list[tuple[int, int, str]]]:
    """Split a run of words into a role and a name ("Ukrainian President", "Volodymyr Zelensky")."""
    k = max((i for i, t in enumerate(toks) if _is_role(t[2])), default=-1)
    if k < 0:
        return None, toks
    rest = toks[k + 1 :]
    if rest and rest[0][2] in ("of", "for", "on"):
        # "Secretary of State Antony Blinken": the role runs on; the name is the last two words.
        if len(rest) < 4:
            return None, []
        k, rest = len(toks) - 3, toks[-2:]
    role = " ".join(t[2] for t in toks[: k + 1])
    return role, rest


def _speaker(
    text: str, toks: list[tuple[int, int, str]], s: int, audience: bool, ents: dict[int, str]
) -> _Cite | None:
    """A named speaker from a run of words, or None."""
    while toks and (
        toks[0][2].lower() in _NOT_NAMES
        # a connector opens no name unless the name is the recognizer's ("La Voz", "De Beers")
        or (toks[0][2].lower() in _CONNECTORS and toks[0][0] not in ents)
    ):
        toks = toks[1:]
    if toks and toks[-1][2] in _LOWER_HEADS and len(toks) > 1 and _is_cap(toks[-2][2]):
        # "The District Attorney's office says": a body named by a name and a lower-case head.
        k = next(i for i, t in enumerate(toks) if _is_cap(t[2]))
        st, en = toks[k][0], toks[-1][1]
        return _Cite(text[st:en], st, en, "institution", None)
    if not toks or not _is_cap(toks[-1][2]):
        return None  # "a Western diplomat": a description, not a name
    whole = " ".join(t[2] for t in toks)
    # "The Hollywood Reporter says": a paper, though "reporter" is a role
    if _outlet_key(whole) and (audience or whole.lower() not in _AMBIGUOUS_OUTLETS):
        return _Cite(whole, toks[0][0], toks[-1][1], "outlet", None)
    role, name_toks = _split(toks)
    if role and not name_toks and len(toks) > 1:
        # "the U.S. Department of Justice disclosed": "Justice" ends a body's name, not a title
        st, en = toks[0][0], toks[-1][1]
        if _kind(text, " ".join(text[st:en].split()), st == s, audience, ents, st) == "institution":
            return _Cite(" ".join(text[st:en].split()), st, en, "institution", None)
    k = max((i for i, t in enumerate(toks) if _is_role(t[2])), default=-1)
    if role and name_toks and k + 1 < len(toks) and toks[k + 1][2] in ("of", "for", "on"):
        tail = " ".join(t[2] for t in name_toks)
        if _kind(text, tail, False, False, ents, name_toks[0][0]) != "person":
            return None  # "expert for the ... Transportation Safety Board": a body, no name
    nouns = [i for i, t in enumerate(toks[:-1]) if t[2] in _OUTLET_NOUNS]  # lower case only
    if role is None and nouns:
        k = nouns[-1]
        role, name_toks = " ".join(t[2] for t in toks[: k + 1]), toks[k + 1 :]
        if name_toks:
            st, en = name_toks[0][0], name_toks[-1][1]
            return _Cite(text[st:en], st, en, "outlet", role)
    while name_toks and name_toks[0][2].lower() in _HONORIFICS:
        name_toks = name_toks[1:]
    of = next((j for j, t in enumerate(name_toks) if j and t[2] in ("of", "from", "at")), 0)
    if of and all(_is_cap(t[2]) or t[2] in _CONNECTORS for t in name_toks[:of]):
        # "Larry Kroon of the Wasilla Bible Church": a person, then where the person works.
        left = text[name_toks[0][0] : name_toks[of - 1][1]]
        right = text[name_toks[of][0] : name_toks[-1][1]]
        if _kind(text, left, name_toks[0][0] == s, False, ents, name_toks[0][0]) == "person" and (
            _kind(text, re.sub(r"^\w+\s+(?:the\s+)?", "", right), False, False, ents, -1)
            != "person"
        ):
            name_toks = name_toks[:of]
            role = f"{role}, {right}" if role else right
    if not name_toks or not all(_is_cap(t[2]) or t[2].lower() in _CONNECTORS for t in name_toks):
        return None
    st, en = name_toks[0][0], name_toks[-1][1]
    name = " ".join(text[st:en].split()).removesuffix("'s").removesuffix("’s")
    kind = _kind(text, name, st == s, audience, ents, st)
    if kind is None or re.fullmatch(r"[A-Z][a-z]{2,4}\.", name):
        return None  # "Golden, Colo., said": a state's abbreviation ends a place, names no one
    if text[st:en].endswith(("'s", "’s")):
        en -= 2
    return _Cite(name, st, en, kind, role)


def _words_back(text: str, s: int, pos: int, most: int) -> Iterator[tuple[int, int, str]]:
    """The words of ``text[s:pos]`` from the last one back, at most ``most`` of them."""
    end = pos
    for _ in range(most):
        while end > s and text[end - 1].isspace():
            end -= 1
        start = end
        while start > s and not text[start - 1].isspace():
            start -= 1
        if start == end:
            return
        yield start, end, text[start:end]
        end = start


def _run_back(text: str, s: int, pos: int) -> list[tuple[int, int, str]] | None:
    """The words of a name (and a role before it) that end at ``pos``; None after a preposition."""
    run: list[tuple[int, int, str]] = []
    for st, _end, w in _words_back(text, s, pos, 14):
        core = w.strip(_EDGE)
        edge_before = w[0] in _EDGE
        if w[-1] in ",;:" or (w[-1] in _EDGE and w[-1] not in "()"):
            if not run:
                return []  # '..., AF447," said Air France': a quotation, not its speaker
            break  # a clause or a quotation ends here
        low = core.lower()
        ok = _is_cap(core) or _is_role(core) or low in _ROLE_MODIFIERS or low in _CONNECTORS
        ok = ok or core in _OUTLET_NOUNS
        ok = ok or (low in ("and", "the") and bool(run) and (_is_role(run[0][2]) or low == "the"))
        if not ok:
            if low in _PREPOSITIONS and run:
                head = run[0][2].lower()
                if low == "and" and (head in _ROLE_MODIFIERS or _is_role(run[0][2])):
                    break  # "campaigner and former U.S. Vice President Al Gore": roles joined
                if low == "and" and any(_is_role(t[2]) for t in run[1:]):
                    break  # "Venezuelan Energy and Mines Minister Aturo Hernandez Grisanti"
                return None
            break
        off = st + w.index(core)
        run.insert(0, (off, off + len(core.rstrip(",;:")), core.rstrip(",;:")))
        if edge_before:
            break
    if run and run[0][2] in _AFTER_NOUN:
        return None  # "in her hometown of Wasilla, the church's minister said": a place
    return run


# the lower-case connectors that, opening a run, join its name to a noun before it ("hometown
# of Wasilla"), not two words of one name ("Bank of America")
_AFTER_NOUN = frozenset(["of", "for", "on"])


def _run_fwd(text: str, pos: int, e: int) -> list[tuple[int, int, str]]:
    """The words of a role and a name that start at ``pos``."""
    run: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text, pos, min(e, pos + 160)):
        w = m.group(0)
        core = w.strip(_EDGE).rstrip(",;:")
        if not core or w[0] in "\"“‘'":
            break  # a quotation follows the verb: no speaker here ('said, "Under the plan ...')
        low = core.lower()
        if (not run and low in ("the", "a", "an")) or (w[0] in _EDGE and run):
            if w[0] in _EDGE:
                break
            continue
        if (run and low in _NOT_NAMES) or not (
            _is_cap(core)
            or _is_role(core)
            or low in _ROLE_MODIFIERS
            or low in _CONNECTORS
            or (low == "and" and run and _is_role(run[-1][2]))
        ):
            break  # a date or a lower-case word ends the name
        off = m.start() + w.index(core)
        run.append((off, off + len(core), core))
        if core != w.strip(_EDGE) or w[-1] in _EDGE:
            break  # a comma or a quote closes the name ("Dist. Atty. Steve Cooley" runs on)
    while run and run[-1][2].lower() in ("and", *_CONNECTORS):
        run.pop()
    if run and run[-1][2].endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", run[-1][2]):
        st, en, w = run[-1]
        run[-1] = (st, en - 1, w[:-1])  # a sentence's full stop, not an initial
    return run


_APPOS_FWD = re.compile(
    r",\s+(?P<app>(?:the|a|an|[A-Z][\w.’'-]*|[a-z]+(?= of\b))\b[^,;:\"“”()]{2,90}?)"
    r"\s*(?=[,.;]|$)"
)


def _adjective(text: str, c: _Cite, e: int) -> bool:
    """True when the name ``c`` qualifies a noun after it rather than naming the speaker."""
    nx = re.match(r"\s+([a-z][\w-]*)", text[c.end : min(e, c.end + 40)])
    if nx and nx.group(1) not in _AFTER_NAME:
        return True
    u = _UNNAMED.match(text, c.start, e)
    return u is not None and u.end() > c.end


# (whole words: "at the age of 91" opens no appositive, "in Beverly Hills, California, at the age
# of 91, her spokesman said" credited California)
_APP_START = re.compile(r"\s*(?:(?:the|a|an|another|his|her|its|their|one of)\b|[A-Z]|\d)")


def _appositive(
    text: str, s: int, q: int, ents: dict[int, str], strict: bool = False
) -> _Cite | None:
    """A speaker named before one or two appositives that end at ``q`` ("Charlotte Streck, the
    director of Climate Focus, a Rotterdam-based consultancy, said")."""
    commas = [m.start() for m in re.finditer(",", text[max(s, q - 160) : q])]
    base = max(s, q - 160)
    for c in reversed(commas[-2:]):
        apps = [a for a in text[base + c + 1 : q].split(",")]
        if not all(
            _APP_START.match(a)
            or (a.split() and (_is_role(a.split()[0]) or a.split()[0] in _ROLE_MODIFIERS))
            for a in apps
        ):
            continue
        first = apps[0].split()
        if first and first[0][:1].islower() and first[0].endswith("s") and _is_role(first[0][:-1]):
            continue  # "in Rio Grande do Sul, officials said": the officials speak, not the state
        with_role = [a.strip() for a in apps if any(_is_role(w) for w in a.split())]
        described = not strict and any(re.search(r"\b[a-z]{3,}", a) for a in apps)
        if not with_role and not described and not apps[0].strip()[:1].isdigit():
            continue  # "Paris, France, said" is a place, not an appositive
        run = _run_back(text, s, base + c)
        sp = _speaker(text, run, s, False, ents) if run else None
        if sp is not None and not with_role and sp.kind == "person" and described:
            with_role = [apps[0].strip()]  # "Crowley of GAO, Congress' investigative arm, said"
        elif sp is not None and not with_role and not apps[0].strip()[:1].isdigit():
            continue
        if sp is not None:
            roles = [r for r in (sp.role, *with_role[:1]) if r]
            return _Cite(sp.name, sp.start, sp.end, sp.kind, ", ".join(roles) or None)
    return None


def _role_after(text: str, end: int, e: int) -> str | None:
    m = _APPOS_FWD.match(text, end, e)
    if m and any(_is_role(w) for w in m.group("app").split()):
        return m.group("app")
    return None
