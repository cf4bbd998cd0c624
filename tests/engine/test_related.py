"""Related reports and story grouping on a small labelled sample, on the seeds, and on plain data.

The sample holds short excerpts (the first sentences) of real reports: three WikiNews stories
(MultiLing 2011 pilot; texts CC BY 2.5 WikiNews) of three articles each, two of them earthquakes, and
ECB+ topic 1 (Cybulska and Vossen, 2014; excerpts for research use), whose two events are of the same
kind (a celebrity enters rehab): the other event's reports must rank below the same event's.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from index.analysis.features import MAX_TERMS, features
from index.models import Article
from index.related import Related, RelatedError, Story, group, rank, related, stories
from index.store.core import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SAMPLE: list[dict[str, str | None]] = [
    {
        "id": "M0010.english",
        "title": "London bombing: Police search houses in Leeds",
        "date": "Tuesday, July 12, 2005",
        "source": "WikiNews",
        "story": "M001",
        "text": (
            "West Yorkshire Police searched six houses in Leeds today in connection with the London "
            "bombings. Houses were searched in the Burley, Beeston and Holbeck areas. Further "
            "properties were searched in Dewsbury, about eight miles from the city centre. The raids "
            "began at 6:30am BST this morning after warrants were issued under the Terrorism Act "
            "2000. Police are still in attendance at one property, and are describing the searches as"
            ' significant, and "intelligence led".'
        ),
    },
    {
        "id": "M0011.english",
        "title": "London bombing suspects are all British nationals",
        "date": "Thursday, July 14, 2005",
        "source": "WikiNews",
        "story": "M001",
        "text": (
            "Profiles of the suspects in the July 7, 2005 bombings in London have been released. They"
            " are all British nationals. The four alleged suicide bombers Shahzad Tanweer, 22, "
            "attended Leeds Metropolitan University, where he studied sports science. Hasib Hussain, "
            "18, from Leeds. Mohammed Sidique Khan, 30, born in Pakistan, from Dewsbury."
        ),
    },
    {
        "id": "M0012.english",
        "title": "Metropolitan Police release photographs of one of the London bombers",
        "date": "Thursday, July 14, 2005",
        "source": "WikiNews",
        "story": "M001",
        "text": (
            "The Metropolitan Police released two photographs at 15:30 today as a result of an "
            "intense investigation into London bomb attacks of last week. The photographs show Hassib"
            " Hussain who is believed to be bomber of London bus #30. The first photograph is a "
            "passport photo of Hasib Hussain and the second shows is a crop of a CCTV image from "
            "Luton station at 7:20 on the day of the attack. The Metropolitan Police claimed in a "
            "statement that they believe that the 18 year old traveled from West Yorkshire in the "
            "company of three men. He was seen at Luton Station at 07.20 on the morning of the "
            "bombings."
        ),
    },
    {
        "id": "M0050.english",
        "title": "8.8 magnitude earthquake hits Chile; tsunami warnings issued throughout Pacific rim",
        "date": "Saturday, February 27, 2010",
        "source": "WikiNews",
        "story": "M005",
        "text": (
            "An 8.8 magnitude earthquake was recorded in Chile on Saturday, killing at least 214 "
            "people and causing significant structural damage. The earthquake was felt in Chillan, "
            "Talca, Concepcion, and the capital Santiago. Sea level recording triggered tsunami "
            "warnings for Chile, Peru, and Ecuador. The earthquake, which started at 06.34.14 UTC, "
            "was felt as far as Argentina. This earthquake occurred at the boundary between the Nazca"
            " and South American tectonic plates."
        ),
    },
    {
        "id": "M0051.english",
        "title": "Heavy rains start in central and southern Chile while aftershock takes place",
        "date": "Wednesday, May 5, 2010",
        "source": "WikiNews",
        "story": "M005",
        "text": (
            "Heavy rains have started on Wednesday early morning through the most of central and "
            "southern Chile. At least 29 millimeters were reported by ONEMI in the Bío Bío Region in "
            "Wednesday morning; thirteen milimeters in Temuco and 8.8 in Chillán. It has been worsen "
            "by the low temperatures. The rains have affected thousands of people that lost their "
            "homes after the great 8.8 earthquake and subsequent tsunami earlier this year. In "
            "Chiguayante, firefighters emptied a camp that was completely inundated by the rains."
        ),
    },
    {
        "id": "M0052.english",
        "title": "New earthquake hits Chile",
        "date": "Friday, May 21, 2010",
        "source": "WikiNews",
        "story": "M005",
        "text": (
            "A strong earthquake hit Chile at approximately at 14:52 local time (1852 UTC) on Friday."
            " The United States Geological Survey first reported it reached a preliminary magnitude "
            "of 5.5, and the epicenter was located very close to Pichilemu, a coastal town in the "
            "O'Higgins Region. Exact distances were: 102 kilometers to the northwest of Talca; 165km "
            "to the southwest of Santiago de Chile and 167km to the south of Valparaíso. The "
            "earthquake lasted approximately 30 seconds. SHOA (Hydrographic and Oceanographic Service"
            " of the Chilean Army), reported it reached a magnitude of 5.5."
        ),
    },
    {
        "id": "M0060.english",
        "title": "7.0 magnitude earthquake strikes off Haitian coast",
        "date": "Tuesday, January 12, 2010",
        "source": "WikiNews",
        "story": "M006",
        "text": (
            "A 7.0 magnitude earthquake has struck off the coast of Haiti earlier today at 21:53 UTC,"
            " according to the US Geological Survey (USGS). According to the US National Oceanic and "
            "Atmospheric Administration, no tsunami warning was issued, contradicting some media "
            "reports that said there was one in place. The quake's magnitude was revised down from an"
            ' initial report of 7.3 on the Richter scale. "A destructive widespread tsunami threat '
            'does not exist based on historical earthquake and tsunami data," the US Pacific Tsunami '
            "Warning Center said."
        ),
    },
    {
        "id": "M0061.english",
        "title": "6.1 magnitude aftershock earthquake hits Haiti",
        "date": "Wednesday, January 20, 2010",
        "source": "WikiNews",
        "story": "M006",
        "text": (
            "A strong earthquake has once again struck Haiti, eight days after a 7.0 magnitude quake "
            "left much of the nation in ruins. The US Geological Survey said the latest tremor had a "
            "magnitude of 6.1 and was centered 59 kilometres from the capital Port-au-Prince, which "
            "was devastated by the initial quake. It occurred at 06.03 local time (11.03 UTC). There "
            "were no immediate reports of damage or injuries from the aftershock, which comes as an "
            "international aid effort is underway to help those affected by last week's powerful "
            'earthquake. "People are still very traumatised here," said a reporter for the Al Jazeera'
            " news agency who was in Haiti when the aftershock struck."
        ),
    },
    {
        "id": "M0062.english",
        "title": "Details emerge in Haiti earthquake; thousands feared dead",
        "date": "Wednesday, January 13, 2010",
        "source": "WikiNews",
        "story": "M006",
        "text": (
            "A massive earthquake, registering 7.0 on the moment magnitude scale, struck Haiti "
            "yesterday, destroying many buildings, disrupting communications, and burying an unknown "
            "number of people underneath rubble. Thousands of people are feared to have been killed "
            "by the tremors, which were felt as far away as Venezuela. Witnesses say bodies were "
            "lining the streets of the capital, Port-au-Prince, after the quake struck on Tuesday "
            "afternoon, sending a cloud of dust from falling buildings into the sky. The quake was "
            "centered about sixteen kilometers from the capital, and struck at a depth of just ten "
            "kilometers, exacerbating the damage."
        ),
    },
    {
        "id": "1_10ecb",
        "title": None,
        "date": None,
        "source": None,
        "story": "1_ecb",
        "text": (
            "Perennial party girl Tara Reid checked herself into Promises Treatment Center, her rep "
            'told People. "We appreciate your respect to her and her family\'s privacy at this time," '
            "the 33-year-old actress's rep Jack Ketsoyan told the magazine exclusively for their Web "
            'site. Ketsoyan would not say what the "American Pie" star was being treated for. A '
            "friend of the actress told People she went to Promises on Tuesday and that her friends "
            "and family supported her decision. Reid launched a new fashion line called Mantra in "
            "December."
        ),
    },
    {
        "id": "1_11ecb",
        "title": None,
        "date": None,
        "source": None,
        "story": "1_ecb",
        "text": (
            "Tara Reid has entered a rehab program, the American Pie star's rep confirmed to People "
            "and Us Weekly on Friday. The news comes as a shock for everyone who just assumed the "
            "seldom-seen actress had been holed up there for a while - at least when she wasn't "
            'touring U.S. frat houses and/or tequila conventions. "Tara Reid has checked herself into'
            ' Promises Treatment Center," Reid\'s rep told Us. "We appreciate your respect to her and '
            "her family's privacy at this time.\""
        ),
    },
    {
        "id": "1_12ecb",
        "title": None,
        "date": None,
        "source": None,
        "story": "1_ecb",
        "text": (
            "Well, here's something that we all knew would happen eventually. Tara Reid has checked "
            "into Promises Treatment Center, a prominent rehab clinic in Los Angeles. In the late 90s"
            " Reid was a pop bubblegum princess with a starring role in the American Pie franchise "
            "and a relationship with Carson Daly. Now she's known primarily for partying far too hard"
            " and accidentally exposing her naughty bits to the paparazzi. It's too late for her to "
            "salvage a Hollywood career, but at least she can keep her liver from shriveling into a "
            "little grey ball."
        ),
    },
    {
        "id": "1_10ecbplus",
        "title": None,
        "date": None,
        "source": None,
        "story": "1_ecbplus",
        "text": (
            "Lindsay Lohan checks into Betty Ford Center May 03, 2013 After skipping out on entering "
            "a Newport Beach rehabilitation facility and facing the prospect of arrest for violating "
            "her probation, Lindsay Lohan has checked into the Betty Ford Center to begin a 90 - day "
            "court - mandated stay in her reckless driving conviction. Lohan was previously at Betty "
            "Ford from September 2010 to January 2011 after a probation violation in a prior drunk "
            "driving case. Her latest stay at Betty Ford comes after Lohan rear - ended a truck with "
            "her Porsche on Pacific Coast Highway on June 8, and then lied to police, telling them "
            "she was not driving."
        ),
    },
    {
        "id": "1_11ecbplus",
        "title": None,
        "date": None,
        "source": None,
        "story": "1_ecbplus",
        "text": (
            "Lindsay Lohan checks into rehab at Betty Ford Center, rehires longtime lawyer Shawn "
            "Holley Actress Lindsay Lohan finally checked into court - mandated rehab at the Betty "
            "Ford Center late Thursday, after hiring former lawyer Shawn Holley for help. PUBLISHED: "
            "THURSDAY, MAY 2, 2013, 1: 32 PM UPDATED: FRIDAY, MAY 3, 2013, 9: 56 AM Lindsay Lohan "
            "checked into California's Betty Ford Center rehab facility late Thursday, dodging arrest"
            " after whirlwind confusion surrounding the actress' whereabouts, sources told the Daily "
            "News. It's the same place the troubled starlet sought help in 2010, where she got into a"
            " physical altercation with a staffer."
        ),
    },
    {
        "id": "1_12ecbplus",
        "title": None,
        "date": None,
        "source": None,
        "story": "1_ecbplus",
        "text": (
            "Lindsay Lohan is MIA after pretending to check into unlicensed Calif. rehab center May "
            "2, 2013 | 5: 03pm “ The “ Mean Girls ” star fooled an L. A Superior Court judge, a Santa"
            " Monica prosecutor and apparently her own lawyer, by pretending to check into a "
            "rehabilitation facility, but chickening out when she got there."
        ),
    },
]

UNRELATED = (
    "Slice the onions thinly and fry them slowly in butter until they turn golden, stirring every few "
    "minutes. Add a spoonful of flour, then the stock, and simmer the soup for twenty minutes. Toast "
    "thick slices of bread, cover them with grated cheese and float them on the soup before grilling."
)


def _write_sample(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    path = root / "sample.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(row) + "\n" for row in SAMPLE)
    (root / "soup.txt").write_text("Onion soup\n\n" + UNRELATED, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, dict[str, str]]:
    tmp = tmp_path_factory.mktemp("related")
    _write_sample(tmp / "corpus")
    store = Store([tmp / "corpus"], index_dir=tmp / "ix")
    store.update()
    gold = {a.id: a.story or "" for a in store.catalogue()}
    return store, gold


def _soup_id(gold: dict[str, str]) -> str:
    return next(i for i in gold if i.endswith("soup.txt"))


def test_top_related_report_is_same_story(sample_store: tuple[Store, dict[str, str]]) -> None:
    store, gold = sample_store
    for aid, story in gold.items():
        if not story:
            continue
        top = related(store, aid, limit=5)
        assert top, aid
        assert gold[top[0].id] == story, (aid, top[0])
        assert all(0.0 <= r.score <= 1.0 for r in top)
        assert [r.score for r in top] == sorted((r.score for r in top), reverse=True)
        assert aid not in {r.id for r in top}


def test_sibling_event_ranks_below_same_event(sample_store: tuple[Store, dict[str, str]]) -> None:
    store, gold = sample_store
    ecb = {aid: story for aid, story in gold.items() if story.startswith("1_")}
    assert len(ecb) == 6
    for aid, story in ecb.items():
        ranked = [r.id for r in related(store, aid, limit=20)]
        same = [ranked.index(o) for o, s in ecb.items() if s == story and o != aid]
        sibling = [
            ranked.index(o) if o in ranked else len(ranked) for o, s in ecb.items() if s != story
        ]
        assert max(same) < min(sibling), (aid, ranked)


def test_same_story_flag_is_set_for_same_event_and_not_for_sibling(
    sample_store: tuple[Store, dict[str, str]],
) -> None:
    store, gold = sample_store
    ecb = {aid: story for aid, story in gold.items() if story.startswith("1_")}
    flagged_same = 0
    for aid, story in ecb.items():
        for r in related(store, aid, limit=10):
            if r.same_story:
                assert gold[r.id] == story, (aid, r)
                flagged_same += 1
    assert flagged_same >= 6


def test_unrelated_text_is_not_same_story(sample_store: tuple[Store, dict[str, str]]) -> None:
    store, gold = sample_store
    soup = _soup_id(gold)
    assert not any(r.same_story for r in related(store, soup))
    for aid in gold:
        if aid != soup:
            assert all(not r.same_story for r in related(store, aid, limit=20) if r.id == soup)


def test_stories_group_the_sample(sample_store: tuple[Store, dict[str, str]]) -> None:
    store, gold = sample_store
    found = stories(store)
    assert sorted(a for s in found for a in s.article_ids) == sorted(gold)
    sizes = [len(s.article_ids) for s in found]
    assert sizes == sorted(sizes, reverse=True)
    for s in found:
        assert isinstance(s, Story)
        assert s.id == min(s.article_ids)
        # Precision: a group never mixes stories (the two ECB+ events included).
        assert len({gold[a] for a in s.article_ids}) == 1, s
    soup = _soup_id(gold)
    assert any(s.article_ids == (soup,) for s in found)
    # Recall: at least two of the three reports of each ECB+ event are grouped together.
    for event in ("1_ecb", "1_ecbplus"):
        assert max(sum(gold[a] == event for a in s.article_ids) for s in found) >= 2, event


def test_seed_pair_are_each_others_same_story(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, corpus / seed.name)
    (corpus / "soup.txt").write_text("Onion soup\n\n" + UNRELATED, encoding="utf-8")
    store = Store([corpus], index_dir=tmp_path / "ix")
    store.update()
    ids = sorted(i for i in store.features() if not i.endswith("soup.txt"))
    assert len(ids) == 2
    a, b = ids
    for x, y in ((a, b), (b, a)):
        top = related(store, x)
        assert top[0].id == y
        assert top[0].same_story, top[0]
        assert not any(r.same_story for r in top if r.id.endswith("soup.txt"))
    grouped = stories(store)
    assert grouped[0].article_ids in ((a, b), (b, a))
    assert len(grouped) == 2


def test_unknown_article_raises(sample_store: tuple[Store, dict[str, str]]) -> None:
    store, _ = sample_store
    with pytest.raises(RelatedError):
        related(store, "no/such/article.txt")


def _plain_features() -> dict[str, object]:
    from index.analysis import analyse

    out: dict[str, object] = {}
    for row in SAMPLE:
        art = Article(
            id=str(row["id"]),
            path="",
            title=str(row["title"] or ""),
            text=str(row["text"]),
            source=row["source"],
            date=row["date"],
        )
        out[art.id] = features(art, analyse(art))
    return out


def test_pure_rank_and_group_without_store() -> None:
    feats = _plain_features()
    gold = {str(r["id"]): str(r["story"]) for r in SAMPLE}
    for aid in feats:
        top = rank(aid, feats, limit=3)
        assert len(top) <= 3
        assert gold[top[0].id] == gold[aid]
    # Features given directly (not an id) rank the corpus too, the article itself included.
    first = next(iter(feats))
    assert rank(feats[first], feats, limit=1)[0].id == first  # type: ignore[arg-type]
    groups = group(feats)
    assert all(len({gold[a] for a in g.article_ids}) == 1 for g in groups)
    with pytest.raises(RelatedError):
        rank("missing", feats)


def test_features_are_small_and_serialisable() -> None:
    feats = _plain_features()
    for f in feats.values():
        assert isinstance(f, dict)
        assert len(f["terms"]) <= MAX_TERMS
        assert len(json.dumps(f)) < 4000
        assert all(isinstance(w, str) and n > 0 for w, n in f["terms"])


def test_results_are_frozen() -> None:
    r = Related("a", "t", None, None, 0.5, True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.score = 1.0  # type: ignore[misc]


def _article(aid: str, title: str, text: str) -> Article:
    return Article(id=aid, path="", title=title, text=text, source=None, date=None)


def test_long_report_keeps_a_name_said_once_late() -> None:
    # A long report names the rare thing once, deep in the text: the old 48 key terms dropped it,
    # and plain TF-IDF cosine found the other report by it.
    nouns = (
        "budget harbour railway school water forest museum bridge tunnel market zoning parking "
        "lighting paving fencing drainage signage planting heating library hospital airport "
        "stadium theatre garden cemetery quarry orchard vineyard brewery bakery pharmacy clinic "
        "courthouse prison barracks lighthouse pier marina canal reservoir dam windmill granary "
        "tannery foundry sawmill textile pottery printing shipyard warehouse depot terminal "
        "kiosk pavilion fountain monument statue obelisk"
    ).split()
    filler = " ".join(f"The {n} plan was reviewed. The {n} vote comes later." for n in nouns)
    long_text = filler + " Separately, the Quillborough glassworks announced its closure."
    target = _article("long", "Committee week", long_text)
    feats = {
        "long": features(target, []),
        "glass": features(
            _article(
                "glass", "Glassworks closes", "The Quillborough glassworks will close in May."
            ),
            [],
        ),
        "other": features(
            _article("other", "Repairs done", "The harbour reopened after repairs."), []
        ),
    }
    assert len(feats["long"]["terms"]) > 48
    assert "quillborough" in {w for w, _ in feats["long"]["terms"]}
    assert rank("long", feats, limit=1)[0].id == "glass"


def test_generic_words_do_not_make_a_small_corpus_related() -> None:
    # In a handful of articles every word looks rare; the words any report uses must not match.
    said = "He said it was what they had been told, and she said there would be more."
    feats = {
        aid: features(_article(aid, title, f"{said} {text}"), [])
        for aid, title, text in (
            ("a", "Orchard frost", "Frost damaged the apple orchards near Tarnow overnight."),
            ("b", "Tarnow apples", "Growers near Tarnow counted apple orchards lost to frost."),
            ("c", "Chess final", "The chess final in Reykjavik ended in a draw after six hours."),
        )
    }
    assert rank("a", feats, limit=1)[0].id == "b"
    scores = {r.id: r.score for r in rank("a", feats, limit=None)}
    assert scores.get("c", 0.0) < 0.5 * scores["b"]


def test_large_corpus_path_ranks_from_the_index(
    sample_store: tuple[Store, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above MODEL_LIMIT articles, related reports come from one weighted query over the index
    (index.search.top_documents): the same story still on top for most articles, scores in [0, 1],
    never the article itself, and never a same-story claim (only the model makes one)."""
    import index.related.reports as reports

    store, gold = sample_store
    monkeypatch.setattr(reports, "MODEL_LIMIT", 0)
    with_story = [aid for aid, story in gold.items() if story]
    right = 0
    for aid in with_story:
        top = related(store, aid, limit=5)
        assert top and aid not in {r.id for r in top}
        assert all(0.0 <= r.score <= 1.0 and not r.same_story for r in top)
        assert [r.score for r in top] == sorted((r.score for r in top), reverse=True)
        right += gold[top[0].id] == gold[aid]
    assert right >= 0.7 * len(with_story), (right, len(with_story))


# -- the model kept beside the index (index/related/stored.py) ------------------------------------


def _fresh_store(tmp_path: Path) -> Store:
    _write_sample(tmp_path / "corpus")
    store = Store([tmp_path / "corpus"], index_dir=tmp_path / "ix")
    store.update()
    return store


def _as_pairs(found: list[Related]) -> list[tuple[str, float, bool]]:
    return [(r.id, r.score, r.same_story) for r in found]


def test_a_second_call_reads_the_stored_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first call builds the model and writes it beside the index; a later process (the kept
    model forgotten) maps the file and never builds; both rank as the model built in memory."""
    import index.related.stored as stored_mod

    store = _fresh_store(tmp_path)
    stored_mod.clear_loaded()
    ids = sorted(a.id for a in store.catalogue())
    first = {i: _as_pairs(related(store, i, limit=5)) for i in ids}
    model_file = store.index_dir / stored_mod.MODEL_FILE
    assert model_file.is_file()
    # As without the file: the model built in memory from the same features.
    for i in ids:
        assert [(r[0], r[2]) for r in first[i]] == [
            (x.id, x.same_story) for x in rank(i, store.features(), limit=5)
        ]
    stored_mod.clear_loaded()  # as a new process

    def no_build(*_: object) -> None:
        raise AssertionError("the stored model was rebuilt")

    monkeypatch.setattr(stored_mod, "build_model", no_build)
    assert {i: _as_pairs(related(store, i, limit=5)) for i in ids} == first
    assert isinstance(stored_mod.stored_model(store), stored_mod.MappedModel)


def test_a_changed_corpus_is_not_served_a_stale_model(tmp_path: Path) -> None:
    """An article added after the model was written: the next call (a new process) builds the
    model again, finds the new report, and ranks as a model built from the new features."""
    import index.related.stored as stored_mod

    store = _fresh_store(tmp_path)
    stored_mod.clear_loaded()
    target = next(a.id for a in store.catalogue() if a.id.endswith("#M0010.english"))
    before = related(store, target, limit=10)
    count = len(store.catalogue())
    old_tag = stored_mod.model_tag(store)
    twin = dict(SAMPLE[0], id="twin", title="A copy of the first report")
    with open(tmp_path / "corpus" / "sample.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(twin) + "\n")
    store.update()
    assert stored_mod.model_tag(store) != old_tag
    stored_mod.clear_loaded()
    after = related(store, target, limit=10)
    assert after != before
    assert after[0].id.endswith("#twin") and after[0].score > 0.9
    expected = rank(target, store.features(), limit=10)
    assert [r.id for r in after] == [r.id for r in expected]
    # The file now holds the new model.
    reread = stored_mod.load_model(
        store.index_dir / stored_mod.MODEL_FILE, stored_mod.model_tag(store)
    )
    assert reread is not None and len(reread.ids) == count + 1


def test_a_damaged_or_unwritable_model_file_costs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cut or foreign file is built again; a folder where the file cannot be written still ranks."""
    import index.related.stored as stored_mod

    store = _fresh_store(tmp_path)
    stored_mod.clear_loaded()
    target = next(a.id for a in store.catalogue() if a.id.endswith("#M0010.english"))
    good = _as_pairs(related(store, target))
    model_file = store.index_dir / stored_mod.MODEL_FILE
    data = model_file.read_bytes()
    for damaged in (
        data[: len(data) // 2],
        b"",
        b"not a model" * 10,
        data[:8] + b"\xff" * 8 + data[16:],
    ):
        model_file.write_bytes(damaged)
        stored_mod.clear_loaded()
        assert stored_mod.load_model(model_file, stored_mod.model_tag(store)) is None
        assert _as_pairs(related(store, target)) == good
        assert model_file.read_bytes() == data  # written again whole
    # Whole in size but with article numbers out of range in the postings: found while ranking.
    head = stored_mod._HEAD
    _, _, length = head.unpack_from(data, 0)
    header = json.loads(data[head.size : head.size + length])
    base = head.size + length + (-(head.size + length) % 8)
    _, _, start, count = next(x for x in header["sections"] if x[0] == "post_docs")
    bad = bytearray(data)
    bad[base + start : base + start + 4 * count] = b"\xff\xff\xff\x7f" * count
    model_file.write_bytes(bytes(bad))
    stored_mod.clear_loaded()
    assert stored_mod.load_model(model_file, stored_mod.model_tag(store)) is not None
    assert _as_pairs(related(store, target)) == good
    assert model_file.read_bytes() == data
    stored_mod.clear_loaded()
    model_file.unlink()

    def refuse(*_: object) -> None:
        raise PermissionError("read-only folder")

    monkeypatch.setattr(stored_mod, "save_model", refuse)
    assert _as_pairs(related(store, target)) == good
    assert not model_file.exists()


# -- the model built by the index run that made it stale (index/store/aftercare.py) ---------------


def _wait_for_build(folder: Path, seconds: float = 60.0) -> None:
    """Until no live process is named as building the folder's model (the test's own wait)."""
    import time

    from index.store.aftercare import running_build

    deadline = time.monotonic() + seconds
    while running_build(folder) is not None:
        assert time.monotonic() < deadline, "the background build never ended"
        time.sleep(0.05)


def test_which_runs_start_the_build(tmp_path: Path) -> None:
    """A run that changed an index whose model is in use, or that wrote much of a large corpus;
    not a run that changed nothing, nor a small change to an index nobody asked related reports of,
    nor an index above the size where related reports come from the index (no model is read)."""
    from index.models import IndexReport
    from index.related.reports import MODEL_LIMIT as READ_LIMIT
    from index.store.aftercare import BIG_RUN, MODEL_FILE, MODEL_LIMIT, wants_model_build

    assert MODEL_LIMIT == READ_LIMIT

    def wants(tmp: Path, in_use: bool, **counts: int) -> bool:
        folder = tmp / ("used" if in_use else "unused")
        folder.mkdir(exist_ok=True)
        if in_use:
            (folder / MODEL_FILE).write_bytes(b"a model")
        return wants_model_build(folder, IndexReport(**counts))

    tmp = tmp_path
    assert wants(tmp, True, updated=1, unchanged=MODEL_LIMIT - 1)
    assert not wants(tmp, True, updated=1, unchanged=MODEL_LIMIT)
    assert not wants(tmp, False, added=5 * MODEL_LIMIT)
    assert wants(tmp, True, removed=1, unchanged=10)
    assert not wants(tmp, True, unchanged=10)
    assert not wants(tmp, False, added=1, unchanged=10)
    assert not wants(tmp, False, added=BIG_RUN - 1)
    assert wants(tmp, False, added=BIG_RUN)
    assert wants(tmp, False, added=BIG_RUN, unchanged=3 * BIG_RUN)
    assert not wants(tmp, False, added=BIG_RUN, unchanged=3 * BIG_RUN + 1)


def test_an_index_run_builds_the_model_the_next_call_maps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run that makes the model stale starts its build in a background process: the run does
    not wait for it, and the next call (a new process) maps the new model without building it."""
    import index.related.stored as stored_mod
    from index.store.aftercare import BUILDER

    store = _fresh_store(tmp_path)
    stored_mod.clear_loaded()
    target = next(a.id for a in store.catalogue() if a.id.endswith("#M0010.english"))
    related(store, target)  # the model in use
    model_file = store.index_dir / stored_mod.MODEL_FILE
    old = model_file.read_bytes()
    twin = dict(SAMPLE[0], id="twin", title="A copy of the first report")
    with open(tmp_path / "corpus" / "sample.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(twin) + "\n")
    store.update()
    assert (store.index_dir / BUILDER).is_file()  # named before the run returned
    _wait_for_build(store.index_dir)
    assert not (store.index_dir / BUILDER).exists()  # the build took its name away
    assert model_file.read_bytes() != old
    mapped = stored_mod.load_model(model_file, stored_mod.model_tag(store))
    assert mapped is not None and any(i.endswith("#twin") for i in mapped.ids)

    def no_build(*_: object) -> None:
        raise AssertionError("the model was built by the call, not by the index run")

    monkeypatch.setattr(stored_mod, "build_model", no_build)
    stored_mod.clear_loaded()  # as a new process
    after = related(store, target, limit=10)
    assert after[0].id.endswith("#twin")
    assert [r.id for r in after] == [r.id for r in rank(target, store.features(), limit=10)]


def test_a_call_during_the_build_waits_for_it_and_a_dead_builder_is_not_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A call made while a build is under way maps what that build writes instead of building a
    second model; a builder named in the folder whose process is gone is not waited for."""
    import subprocess
    import sys
    import threading

    import index.related.stored as stored_mod
    from index.related.similarity import build_model
    from index.store.aftercare import BUILDER

    store = _fresh_store(tmp_path)
    store.build_related = False
    stored_mod.clear_loaded()
    tag = stored_mod.model_tag(store)
    built = build_model(store.features())
    model_file = store.index_dir / stored_mod.MODEL_FILE
    builder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (store.index_dir / BUILDER).write_text(str(builder.pid), "utf-8")
        writer = threading.Timer(0.3, stored_mod.save_model, (model_file, built, tag))
        writer.start()
        calls: list[int] = []
        real_build = stored_mod.build_model

        def counted(feats: object) -> object:
            calls.append(1)
            return real_build(feats)  # type: ignore[arg-type]

        monkeypatch.setattr(stored_mod, "build_model", counted)
        model = stored_mod.stored_model(store)  # no file yet: it waits for the one written
        writer.join()
        assert isinstance(model, stored_mod.MappedModel) and not calls
    finally:
        builder.kill()
        builder.wait()
    # The builder is gone but its name stays (killed): the next call builds at once.
    model_file.unlink()
    stored_mod.clear_loaded()
    stored_mod.stored_model(store)
    assert calls == [1]


def test_an_index_run_on_a_model_not_in_use_starts_no_build(tmp_path: Path) -> None:
    """No related call yet: a small change starts nothing (and writes no model)."""
    import index.related.stored as stored_mod
    from index.store.aftercare import BUILDER

    store = _fresh_store(tmp_path)
    with open(tmp_path / "corpus" / "soup.txt", "a", encoding="utf-8") as fh:
        fh.write("\nServe it hot.\n")
    assert store.update().updated == 1
    assert not (store.index_dir / BUILDER).exists()
    assert not (store.index_dir / stored_mod.MODEL_FILE).exists()


def test_a_build_for_a_folder_gone_since_makes_nothing(tmp_path: Path) -> None:
    """A build started for an index folder removed meanwhile (a test's, a user's) leaves no index."""
    import index.related.stored as stored_mod

    gone = tmp_path / "gone"
    assert stored_mod.main([str(gone), str(tmp_path)]) == 1
    assert not gone.exists()
