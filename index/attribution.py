"""Who a report cites, in the forms news uses, and which of its sentences rest on each source.

A citation is a speaker next to a reporting cue: the subject of a reporting verb ("the UN said",
"Jan Egeland, the UN's emergency relief coordinator, said", "U.S. State Department spokesperson
Vedant Patel stated"), a speaker after one ("..., said Prime Minister Jane Doe"), the object of
"according to", "citing", "a report from", "in an interview with", the outlet a source "told", and
a list line ``AP - "..."``. Each speaker is split into a name and a role and sorted into a kind:
an ``outlet`` (news agencies, papers, broadcasters: a lexicon plus head words such as "Times",
"News"), an ``institution`` (bodies, agencies, governments, "police"), a ``person``, or an
``unnamed`` source described as such ("a senior U.S. official", "sources close to the talks"),
listed because fact-checkers want them. "He said" and "it said" give the sentence to the last
person, or outlet or institution, cited in the four sentences before.

What is not a citation: a capitalised word used as an adjective ("U.S. officials"), a name after a
preposition ("officials from France and Spain have noted"), a denial of speech ("would not say"),
datelines, bylines and "Reuter" sign-offs (no reporting cue touches them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.gazetteer import ORG_HEADS, ROLE_NOUNS, TITLES
from index.models import Entity
from index.sentences import split_sentences

__all__ = ["KINDS", "Source", "same_names", "sentence_sources", "sources"]

KINDS = ("person", "outlet", "institution", "unnamed")


@dataclass(frozen=True, slots=True)
class Source:
    """Someone a report cites.

    Attributes:
        name: The source as the report names it ("Jan Egeland", "BBC", "a senior U.S. official
            (unnamed)"); a person's fullest spelling in the report.
        start: Where the mention of ``name`` starts in the article text.
        end: Where it ends.
        unnamed: True for a described but unnamed source.
        kind: ``person``, ``outlet``, ``institution`` or ``unnamed``.
        role: What the report says the source is ("the UN's emergency relief coordinator"), if it
            says.
        claims: ``(start, end)`` of every sentence that cites the source, in text order.
    """

    name: str
    start: int
    end: int
    unnamed: bool = False
    kind: str = ""
    role: str | None = None
    claims: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not self.kind:
            object.__setattr__(self, "kind", "unnamed" if self.unnamed else "person")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- lexicons --------------------------------------------------------------------------------------

_VERBS = (
    "said|says|say|stated|states|told|tells|noted|notes|added|adds|commented|emphasized|emphasised|"
    "disclosed|announced|announces|reported|reports|report|wrote|writes|claimed|claims|analyzed|"
    "analysed|suggested|suggests|warned|warns|warn|explained|confirmed|confirms|confirm|insisted|"
    "argued|revealed|estimated|estimates|estimate|predicted|denied|declared|tweeted|acknowledged|"
    "admitted|stressed|asserted|alleged|cautioned|conceded|observed|remarked|replied|quoted|"
    "indicated|described"
)
# Verbs that are just as often nouns ("news reports", "the claims"): their subject must be a name.
_NOUN_VERBS = _words("reports report claims estimates estimate notes states")
_TELL = _words("told tells disclosed")
_VERB = re.compile(r"\b(?:" + _VERBS + r")\b")
# Outlets by name. Ambiguous ones (People, Time) count only where an audience is expected ("told").
_OUTLETS = {
    k.lower(): v
    for v, ks in {
        "AP": "AP|Associated Press|The Associated Press",
        "AFP": "AFP|Agence France-Presse|Agence France Presse",
        "BBC": "BBC|British Broadcasting Corporation|BBC News",
        "Reuters": "Reuters",
        "CNN": "CNN",
        "RT": "RT|RussiaToday|Russia Today",
    }.items()
    for k in ks.split("|")
} | {
    k.lower(): k
    for k in (
        "ABC|NBC|CBS|CNBC|MSNBC|NPR|PBS|Fox News|Sky News|Al Jazeera|Al Arabiya|Xinhua|TASS|ITAR-TASS|"
        "Interfax|RIA Novosti|Kyodo|Yonhap|Bloomberg|UPI|ANSA|EFE|DPA|dpa|PTI|IANS|Bernama|Antara|"
        "Jiji|NHK|KCNA|IRNA|Anadolu|Dow Jones|Politico|Axios|TMZ|USA Today|Variety|"
        "Newsweek|Der Spiegel|Spiegel|Le Monde|Le Figaro|El País|El Pais|Haaretz|Kommersant|Meduza|"
        "Vedomosti|Izvestia|Ukrainska Pravda|Wikinews|WikiNews|Economist|The Economist|E! News|"
        "Entertainment Tonight|Us Weekly|People|Time|The Hill|Hollywood Reporter|Deadline"
    ).split("|")
}
_AMBIGUOUS_OUTLETS = _words("people time variety deadline the hill")
_OUTLET_HEADS = _words(
    "times post news journal herald tribune gazette telegraph guardian chronicle observer press "
    "express monitor reporter examiner inquirer weekly magazine television tv radio broadcasting "
    "broadcaster network channel newspaper wire independent daily pravda"
)
_INSTITUTIONS = _words(
    "un u.n. nato eu who imf opec iaea unicef unhcr fbi cia nasa kremlin pentagon vatican knesset "
    "interpol fema usgs noaa icrc"
) | {"united nations", "red cross", "red crescent", "white house", "world bank", "european union",
     "state department", "downing street", "congress", "parliament"}
_ORG_HEADS = ORG_HEADS | _words(
    "survey observatory programme program unit directorate agencies centers centres ministries"
)
_ALIASES = {"united nations": "un", "u.n.": "un", "european union": "eu"}
_BARE_INSTITUTIONS = _words(
    "police authorities government military army navy ministry prosecutors prosecutor embassy "
    "coroner court"
)
_INST_MODIFIERS = _words(
    "local state federal national regional provincial city county military riot traffic border "
    "health foreign defence defense interior finance disaster emergency meteorological weather "
    "geological transport justice trade energy fire"
)
_ROLE_WORDS = ROLE_NOUNS | _words(
    "coordinator head expert researcher scientist professor member representative executive "
    "seismologist geologist editor owner resident survivor witness rep spokesperson commander "
    "chairman chairwoman president secretary-general under-secretary-general minister envoy "
    "chief cto cfo ceo coo negotiator mediator campaigner activist organiser organizer"
)
_ROLE_MODIFIERS = _words(
    "senior former acting deputy top chief foreign press emergency relief national regional "
    "local state assistant associate vice executive general special military civil defence "
    "defense security interior health finance police"
)
_HONORIFICS = _words("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady")
_MONTHS = "january february march april may june july august september october november december"
_NOT_NAMES = _words(
    "he she they it we i you this that these those there a an the his her their its our but and "
    "however meanwhile on in at by as also while when after before if so yet still then now "
    + _MONTHS
    + " monday tuesday wednesday thursday friday saturday sunday today yesterday"
)
_PREPOSITIONS = _words(
    "and or from of with in by for between to at on about against than over after before into "
    "among like toward towards near under per via nor"
)
_CONNECTORS = _words("of for on de du la van von der al bin")
_NEGATION = re.compile(
    r"(?:\bnot|n[’']t|\bnever|\bdeclined to|\brefused to|\bunable to|\bwould(?:n[’']t| not))\s*$"
)
_GAP_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|also|later|earlier|previously|further|again|then|would|will|could|"
    r"may|might|reportedly|publicly|recently|once|quickly|first|separately|(?:on\s+)?"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))*\s*$"
)
_TOKEN = re.compile(r"\S+")
_EDGE = "\"“”‘’'()[]"


# --- one sentence ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cite:
    name: str
    start: int
    end: int
    kind: str
    role: str | None


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def _is_role(w: str) -> bool:
    lw = w.lower().rstrip(".,").removesuffix("'s").removesuffix("’s")
    return lw in _ROLE_WORDS or lw in TITLES and lw not in _HONORIFICS or any(
        p in _ROLE_WORDS for p in lw.split("-") if len(lw.split("-")) > 1
    )


def _outlet_key(name: str) -> str | None:
    low = name.lower()
    if low in _OUTLETS:
        return _OUTLETS[low]
    if low.startswith("the ") and low[4:] in _OUTLETS:
        return _OUTLETS[low[4:]]
    return None


def _kind(name: str, at_start: bool, audience: bool, ents: dict[int, str], pos: int) -> str | None:
    """Outlet, institution or person for a proper name, or None when it is no speaker."""
    low = name.lower()
    last = low.split()[-1]
    if _outlet_key(name) and (audience or low not in _AMBIGUOUS_OUTLETS):
        return "outlet"
    if last in _OUTLET_HEADS and len(name.split()) > 1:
        return "outlet"
    if audience:
        return None  # whom someone "told" is a source only when it is an outlet
    label = ents.get(pos)
    words = low.split()
    heads = [i for i, w in enumerate(words) if w in _ORG_HEADS]
    if low in _INSTITUTIONS or label in ("ORG", "PLACE") or heads and (
        heads[-1] == len(words) - 1 or words[heads[-1] + 1] in _CONNECTORS
    ):
        return "institution"
    if re.fullmatch(r"(?:[A-Z]\.?){2,6}|[A-Z]{2,6}", name.replace("&", "")):
        return "institution"  # an acronym: "USGS", "NP&CP"
    if label == "GROUP" or low in _NOT_NAMES:
        return None
    if len(name.split()) == 1 and at_start and label != "PERSON":
        return None  # "Officials said", "Reports say": a common noun capitalised by position
    return "person"


def _strip(w: str) -> str:
    return w.strip(_EDGE).rstrip(",;:")


def _split(toks: list[tuple[int, int, str]]) -> tuple[str | None, list[tuple[int, int, str]]]:
    """Split a run of words into a role and a name ("Ukrainian President" + "Volodymyr Zelenskyy")."""
    k = max((i for i, t in enumerate(toks) if _is_role(t[2])), default=-1)
    if k < 0:
        return None, toks
    rest = toks[k + 1 :]
    if rest and rest[0][2].lower() in _CONNECTORS:
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
    while toks and (toks[0][2].lower() in _NOT_NAMES or toks[0][2].lower() in _CONNECTORS):
        toks = toks[1:]
    if not toks or not _is_cap(toks[-1][2]):
        return None  # "a Western diplomat": a description, not a name
    role, name_toks = _split(toks)
    while name_toks and name_toks[0][2].lower() in _HONORIFICS:
        name_toks = name_toks[1:]
    if not name_toks or not all(_is_cap(t[2]) or t[2].lower() in _CONNECTORS for t in name_toks):
        return None
    st, en = name_toks[0][0], name_toks[-1][1]
    name = text[st:en].removesuffix("'s").removesuffix("’s")
    kind = _kind(name, st == s, audience, ents, st)
    if kind is None or kind != "person" and role is not None and not audience:
        if kind in ("institution", "outlet") and role is None:
            pass
        else:
            return None  # "U.S. State Department said" is fine; "Minister of State" is no name
    return _Cite(name, st, st + len(name), kind, role)


def _run_back(text: str, s: int, pos: int) -> list[tuple[int, int, str]] | None:
    """The words of a name (and a role before it) that end at ``pos``; None after a preposition."""
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, s, pos)]
    run: list[tuple[int, int, str]] = []
    for i in range(len(toks) - 1, max(-1, len(toks) - 14), -1):
        st, en, w = toks[i]
        core = w.strip(_EDGE)
        edge_before = w[0] in _EDGE
        if run and (w[-1] in ",;:" or w[-1] in _EDGE):
            break  # a clause or a quotation ends here
        low = core.lower()
        ok = _is_cap(core) or _is_role(core) or low in _ROLE_MODIFIERS or low in _CONNECTORS
        ok = ok or low in ("and", "the") and bool(run) and (_is_role(run[0][2]) or low == "the")
        if not ok:
            if low in _PREPOSITIONS and run:
                return None
            break
        off = st + w.index(core)
        run.insert(0, (off, off + len(core.rstrip(",;:")), core.rstrip(",;:")))
        if edge_before:
            break
    return run


def _run_fwd(text: str, pos: int, e: int) -> list[tuple[int, int, str]]:
    """The words of a role and a name that start at ``pos``."""
    run: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text, pos, min(e, pos + 160)):
        w = m.group(0)
        core = w.strip(_EDGE).rstrip(",;:")
        if not core:
            break
        low = core.lower()
        if not run and low in ("the", "a", "an") or w[0] in _EDGE and run:
            if w[0] in _EDGE:
                break
            continue
        if run and low in _NOT_NAMES or not (
            _is_cap(core) or _is_role(core) or low in _ROLE_MODIFIERS or low in _CONNECTORS
            or low == "and" and run and _is_role(run[-1][2])
        ):
            break  # a date or a lower-case word ends the name
        off = m.start() + w.index(core)
        run.append((off, off + len(core), core))
        if core != w.strip(_EDGE) or w[-1] in _EDGE or core.endswith(".") and m.end() + 1 < e and (
            text[m.end() + 1 : m.end() + 2].isupper() or m.end() >= e - 1
        ) and not re.fullmatch(r"(?:[A-Z]\.)+", core):
            break  # punctuation closes the name
    while run and run[-1][2].lower() in ("and", *_CONNECTORS):
        run.pop()
    if run and run[-1][2].endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", run[-1][2]):
        st, en, w = run[-1]
        run[-1] = (st, en - 1, w[:-1])  # a sentence's full stop, not an initial
    return run


_APPOS = re.compile(
    r"(?P<app>(?:the|a|an|his|her|its|their|[A-Z][\w.’'-]*|\d\d)\b[^,;:\"“”()]{0,90}?)\s*,?\s*$"
)
_APPOS_FWD = re.compile(r",\s+(?P<app>(?:the|a|an|[A-Z][\w.’'-]*)\b[^,;:\"“”()]{2,90}?)\s*(?=[,.;]|$)")
_CUE_FWD = re.compile(
    r"\b(?:[Aa]ccording to|[Cc]iting|(?:cited|quoted|reported|announced|confirmed|stated) by|"
    r"(?:[Aa]|[Tt]he|[Ii]n a|[Aa]n?) (?:report|statement|interview|broadcast) (?:from|by|in|with|on)|"
    r"[Ii]n an interview with|[Ss]peaking to|(?:" + _VERBS + r") to)\s+"
)
_INST_BACK = re.compile(
    r"(?:^|(?<=\s))(?P<np>(?:(?:[Tt]he|[A-Z][\w.’'-]*)\s+)?(?:(?:[A-Z][\w.’'-]*|"
    + "|".join(sorted(_INST_MODIFIERS))
    + r")\s+){0,3}(?:"
    + "|".join(sorted(_BARE_INSTITUTIONS))
    + r"))\s*$"
)
_INST_FWD = re.compile(
    r"(?:the\s+)?(?P<np>(?:(?:[A-Z][\w.’'-]*|" + "|".join(sorted(_INST_MODIFIERS)) + r")\s+){0,3}"
    r"(?:" + "|".join(sorted(_BARE_INSTITUTIONS)) + r"))\b"
)
_PRONOUN = re.compile(r"(?:^|\s|[,\"“”])(?P<p>[Hh]e|[Ss]he|[Ii]t)\s*$")
_LIST_LINE = re.compile(r"^[ \t]*(?:[*•-][ \t]*)?(?P<np>[A-Z][^\n\"“:]{0,50}?)[ \t]+[-–—:][ \t]+[\"“]", re.M)
_ROLE_PAREN = re.compile(r"^\s*\(([^()]{3,60})\)")


# Words that may follow a name; another lower-case word makes the name an adjective ("according to
# U.S. intelligence", "citing Ukrainian military officials").
_AFTER_NAME = _words(
    "to at on in and or that who which whose as of the a an it he she they this his her their its "
    "was is were are had has have would will could may might last earlier by for with from during "
    "about over when because but if while since after before amid told also later earlier then "
    "not" + " " + _VERBS.replace("|", " ")
)


def _adjective(text: str, c: _Cite, e: int) -> bool:
    """True when the name ``c`` qualifies a noun after it rather than naming the speaker."""
    nx = re.match(r"\s+([a-z][\w-]*)", text[c.end : min(e, c.end + 40)])
    if nx and nx.group(1) not in _AFTER_NAME:
        return True
    u = _UNNAMED.match(text, c.start)
    return u is not None and u.end() > c.end


def _role_after(text: str, end: int, e: int) -> str | None:
    m = _APPOS_FWD.match(text, end, e)
    if m and any(_is_role(w) for w in m.group("app").split()):
        return m.group("app")
    return None


def _cites(text: str, s: int, e: int, ents: dict[int, str]) -> list[_Cite | str]:
    """Citations in the sentence ``text[s:e]``; a pronoun speaker comes back as a kind string."""
    out: list[_Cite | str] = []
    for m in _VERB.finditer(text, s, e):
        verb = m.group(0)
        pre_end = _GAP_TAIL.search(text, s, m.start())
        p = pre_end.start() if pre_end else m.start()
        if _NEGATION.search(text[max(s, p - 14) : p]):
            continue
        before = text[s:p]
        cite: _Cite | str | None = None
        ap = re.search(r",\s*$", before)
        if ap:  # "Jan Egeland, the UN's emergency relief coordinator, said"
            am = _APPOS.search(before[: ap.start()])
            if am and (am.group("app")[:2].isdigit() or any(_is_role(w) for w in am.group("app").split())):
                q = s + am.start()
                head = re.search(r",\s*$", text[s:q])
                run = _run_back(text, s, s + head.start()) if head else None
                c = _speaker(text, run, s, False, ents) if run else None
                if c is not None:
                    role = None if am.group("app")[:2].isdigit() else am.group("app")
                    cite = _Cite(c.name, c.start, c.end, c.kind, c.role or role)
        if cite is None and not ap:
            pm = _PRONOUN.search(before)
            if pm:
                cite = "person" if pm.group("p").lower() in ("he", "she") else "org"
            else:
                run = _run_back(text, s, p)
                if run:
                    cite = _speaker(text, run, s, False, ents)
                if cite is None and verb not in _NOUN_VERBS:
                    im = _INST_BACK.search(text, s, p)
                    if im and not re.search(r"\b(?:of|from|by|with|for)\s+$", text[s : s + im.start()]):
                        np = im.group("np")
                        np = re.sub(r"^[Tt]he\s+", "", np)
                        cite = _Cite(np, p - len(np), p, "institution", None)
        if isinstance(cite, _Cite) and verb in _NOUN_VERBS and cite.kind == "person" and " " not in cite.name:
            cite = None
        if cite is None and re.search(r"[,\"“”’]\s*$", before) and verb not in _TELL:
            # "..., said Prime Minister Jane Doe": the speaker follows the verb.
            run = _run_fwd(text, m.end(), e)
            c = _speaker(text, run, s, False, ents) if run else None
            if c is not None and not _adjective(text, c, e):
                cite = _Cite(c.name, c.start, c.end, c.kind, c.role or _role_after(text, c.end, e))
        elif isinstance(cite, _Cite) and cite.role is None and cite.kind == "person":
            cite = _Cite(cite.name, cite.start, cite.end, cite.kind, _role_after(text, cite.end, m.start()))
        if cite is not None:
            out.append(cite)
        if verb in _TELL:  # "told CNN": the outlet heard it
            run = _run_fwd(text, m.end(), e)
            c = _speaker(text, run, s, True, ents) if run else None
            if c is not None and not _adjective(text, c, e):
                out.append(c)
    for m in _CUE_FWD.finditer(text, s, e):
        audience = m.group(0).rstrip().endswith(" to") and not m.group(0).lower().startswith("according")
        audience = audience or m.group(0).lower().startswith("speaking")
        run = _run_fwd(text, m.end(), e)
        c = _speaker(text, run, s, audience, ents) if run else None
        if c is not None and _adjective(text, c, e):
            continue
        if c is None and not audience:
            im = _INST_FWD.match(text, m.end(), e)
            if im:
                c = _Cite(im.group("np"), im.start("np"), im.end("np"), "institution", None)
        if c is not None:
            out.append(_Cite(c.name, c.start, c.end, c.kind, c.role or _role_after(text, c.end, e)))
    return out


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


# --- unnamed sources -------------------------------------------------------------------------------

# Optional determiner, up to five modifiers (capitalised words such as "U.S.", "Western", "South
# Korean", or ranks such as "senior"), a head noun for a kind of informant, and what it is close to.
_MODIFIER = (
    r"(?:senior|top|high-ranking|former|local|military|intelligence|government|defen[cs]e|security|"
    r"police|administration|anonymous|unnamed|unidentified|humanitarian|aid|rescue|relief|rights|"
    r"health|medical|hospital|foreign|diplomatic|industry|company|market|bank|banking|trade|"
    r"financial|opposition|rebel|party|palace|official|dealer|shipping|oil|[A-Z][\w.’'-]*)"
)
_HEAD = (
    r"(?i:officials?|diplomats?|sources?|officers?|spokes(?:man|woman|person)|analysts?|experts?|"
    r"witnesse?s?|insiders?|aides?|investigators?|agencies|groups|friends?|relatives?|reps?|"
    r"representatives?|dealers|traders|bankers|economists|people familiar|people close)"
)
_UNNAMED = re.compile(
    r"\b(?P<det>(?:a|an|one|two|three|several|some|the|anonymous|unnamed|unidentified|his|her|"
    r"their|its)\s+)?(?P<mods>(?:" + _MODIFIER + r"(?:\s+and\s+" + _MODIFIER + r")?\s+){0,5})"
    r"(?P<head>" + _HEAD + r")\b(?!\s+[A-Z])"
    r"(?P<tail>\s+(?:close to|familiar with|for|of|at|with|in)\s+(?:the\s+)?"
    r"(?:[\w.’'-]+)(?:\s+[A-Z][\w.’'-]*){0,3})?"
)
_CUE_BEFORE = re.compile(
    r"(?:according to|citing|cited by|quoted by|by|from|(?:[,\"“”’]\s*(?:"
    + _VERBS
    + r")))\s*$",
    re.IGNORECASE,
)
_VERB_AFTER = re.compile(
    r"\s*(?:\[\w+\]\s*)?(?:,\s*)?(?:who\s+)?(?:ha(?:s|ve|d)\s+)?(?:also\s+)?(?:" + _VERBS + r")\b"
)
_ANON = frozenset(["anonymous", "unnamed", "unidentified"])
_DETERMINERS = _words("a an one two three several some the anonymous unnamed unidentified his her their its")
_NOT_MODIFIERS = (_NOT_NAMES - _DETERMINERS) | _words(
    "citing according furthermore moreover also meanwhile however"
)


def _unnamed(text: str, start: int, end: int) -> list[_Cite]:
    out: list[_Cite] = []
    last_end = -1
    for m in _UNNAMED.finditer(text, start, end):
        s0 = m.start()
        words = text[s0 : m.end("head")].split()
        # "Citing unnamed officials": a capitalised word at the start may be the cue, not a modifier.
        while len(words) > 1 and words[0].lower() in _NOT_MODIFIERS:
            s0 = text.index(words[1], s0 + len(words[0]))
            words = words[1:]
        det = words[0].lower() if words[0].lower() in _DETERMINERS else ""
        mods = words[1 if det else 0 : -1]
        tail = m.group("tail") or ""
        close = re.match(r"\s+(?:close to|familiar with)", tail) is not None
        if not mods and not close and det in ("", "the", "some", "two", "three", "several", "one"):
            continue  # "officials", "the official": says nothing about who
        if not mods and m.group("head") in ("agencies", "groups", "friends", "relatives"):
            continue
        e0 = m.end() if tail and (close or _VERB_AFTER.match(text, m.end(), end)) else m.end("head")
        before = text[max(start, s0 - 24) : s0]
        coordinated = last_end >= 0 and re.fullmatch(r"\s+and\s+", text[last_end:s0]) is not None
        if not (coordinated or _CUE_BEFORE.search(before) or _VERB_AFTER.match(text, e0, end)):
            continue  # a described informant only counts where the report attributes to it
        if _NEGATION.search(text[e0 : e0 + 30].split(",")[0]) or re.match(
            r"\s*(?:would|did|could)\s+not|\s*declined", text[e0:end]
        ):
            continue
        if det == "the":
            words = ["a", *words[1:]]
        elif det:
            words[0] = det
        phrase = " ".join([*words, *text[m.end("head") : e0].split()])
        if not _ANON & {w.lower() for w in words}:
            phrase += " (unnamed)"
        out.append(_Cite(phrase, s0, e0, "unnamed", None))
        last_end = e0
    return out


def _description(name: str) -> set[str]:
    return {
        w.lower()
        for w in name.removesuffix(" (unnamed)").split()
        if w.lower() not in ("a", "an", "the", "one", "some", "anonymous", "unnamed")
    }


def _same_description(full: str, part: str) -> bool:
    """True when ``part`` describes no more than ``full`` ("Ukrainian official" of "a senior ...")."""
    return _description(part) <= _description(full)


def _same_person(full: str, part: str) -> bool:
    """True when ``part`` is ``full`` or a trailing part of it ("Savett" of "Sean Savett")."""
    f, p = full.lower().split(), part.lower().split()
    return len(p) <= len(f) and f[-len(p) :] == p


def _org_key(name: str) -> str:
    low = re.sub(r"^the\s+", "", name.lower())
    out = _outlet_key(name)
    if out:
        return out.lower()
    return _ALIASES.get(low, low.replace(".", ""))


# --- the article -----------------------------------------------------------------------------------


def _labels(entities: Sequence[Entity]) -> dict[int, str]:
    out: dict[int, str] = {}
    for e in entities:
        for m in _TOKEN.finditer(e.text):
            out[e.start + m.start()] = e.label
    return out


def sources(text: str, entities: Sequence[Entity] = ()) -> list[Source]:
    """Who a text cites, named or not, and which sentences cite each.

    Args:
        text: Plain article text.
        entities: Entities of ``text``; their labels help tell a person ("Smith said") from an
            organisation or a country speaking ("Indonesia reports").

    Returns:
        Sources in order of first mention, one per source: a bare surname folds into the full
        name, "UN" into "United Nations", and a shorter description of an unnamed source ("the
        Ukrainian official") into the fuller one ("a senior Ukrainian official"). ``claims`` holds
        the offsets of every sentence citing the source, "he said" and "it said" included.
    """
    ents = _labels(entities)
    sents = split_sentences(text)
    listed = _list_cites(text, ents)
    groups: list[dict[str, object]] = []
    recent: dict[str, tuple[int, int]] = {}  # "person"/"org" -> (sentence index, group index)

    def add(c: _Cite, claims: list[tuple[int, int]], i: int) -> None:
        g_at = -1
        for k, g in enumerate(groups):
            gk, gn = g["kind"], str(g["name"])
            if c.kind == "unnamed" or gk == "unnamed":
                hit = c.kind == gk and (_same_description(gn, c.name) or _same_description(c.name, gn))
            elif c.kind == "person" or gk == "person":
                hit = c.kind == gk and (_same_person(gn, c.name) or _same_person(c.name, gn))
            else:
                hit = _org_key(gn) == _org_key(c.name)
            if hit:
                g_at = k
                break
        if g_at < 0:
            groups.append({"name": c.name, "start": c.start, "end": c.end, "kind": c.kind,
                           "role": c.role, "claims": set(claims), "first": c.start})
            g_at = len(groups) - 1
        else:
            g = groups[g_at]
            if len(c.name.split()) > len(str(g["name"]).split()) or (
                c.kind == "unnamed" and len(_description(c.name)) > len(_description(str(g["name"])))
            ):
                g.update(name=c.name, start=c.start, end=c.end)
            g["role"] = g["role"] or c.role
            g["first"] = min(int(str(g["first"])), c.start)
            claims_set = g["claims"]
            assert isinstance(claims_set, set)
            claims_set.update(claims)
        if c.kind != "unnamed":
            recent["person" if c.kind == "person" else "org"] = (i, g_at)

    li = 0
    for i, sent in enumerate(sents):
        while li < len(listed) and listed[li][0] < sent.end:
            ls, le, c = listed[li]
            add(c, [(x.start, x.end) for x in sents if x.start < le and ls < x.end], i)
            li += 1
        here = (sent.start, sent.end)
        for c in sorted(_cites(text, sent.start, sent.end, ents) + _unnamed(text, sent.start, sent.end),
                        key=lambda c: c if isinstance(c, str) else c.start):
            if isinstance(c, str):
                last = recent.get(c)
                if last and i - last[0] <= 4:
                    claims_set = groups[last[1]]["claims"]
                    assert isinstance(claims_set, set)
                    claims_set.add(here)
                    recent[c] = (i, last[1])
            else:
                add(c, [here], i)
    out = [
        Source(
            str(g["name"]), int(str(g["start"])), int(str(g["end"])), g["kind"] == "unnamed",
            str(g["kind"]), g["role"] if isinstance(g["role"], str) else None,
            tuple(sorted(g["claims"])) if isinstance(g["claims"], set) else (),
        )
        for g in sorted(groups, key=lambda g: int(str(g["first"])))
    ]
    return out


def sentence_sources(text: str, start: int, end: int) -> list[Source]:
    """Named sources cited in ``text[start:end]`` (one sentence), without pronouns resolved."""
    return [
        Source(c.name, c.start, c.end, False, c.kind, c.role, ((start, end),))
        for c in _cites(text, start, end, {})
        if isinstance(c, _Cite)
    ]


def same_names(na: set[str], nb: set[str]) -> bool:
    """True when two sets of source names share a person or outlet (by last word, spelling aside)."""
    from rapidfuzz.distance import Indel

    return any(
        Indel.normalized_similarity(x.split()[-1].lower(), y.split()[-1].lower()) >= 0.85
        for x in na
        for y in nb
    )
