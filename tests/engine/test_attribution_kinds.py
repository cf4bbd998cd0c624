"""One cited name, one kind: the comparison's sources and the story's sources sort it alike."""

from __future__ import annotations

from index.analysis.entities import extract
from index.analysis.sentences import split_sentences
from index.compare.attribution import sources
from index.story.cited import source_map

TEXT = (
    "A ferry sank off the coast on Monday with 40 people on board.\n"
    "Radio Costa said the ferry had left port late. The paper La Voz reported that two bodies "
    "were found, according to La Voz. Policeman Jorge Arenas said the sea was rough.\n"
    '"We have no news of the crew," said Air Chile in a statement.\n'
    "Yvo de Boer said the search would go on for a week.\n"
)


def test_the_comparison_and_the_story_sort_sources_alike() -> None:
    ents = list(extract(TEXT))
    found = sources(TEXT, ents)
    kinds = {s.name: s.kind for s in found}
    assert kinds == {
        "Radio Costa": "outlet",  # was a person in the comparison, an outlet in the story
        "La Voz": "outlet",
        "Jorge Arenas": "person",  # "Policeman" is no part of his name
        "Air Chile": "institution",
        "Yvo de Boer": "person",
    }
    story = source_map([found], [split_sentences(TEXT)], {}, [ents])
    assert {s.name: s.kind for s in story} == kinds


def test_a_name_opened_by_an_article_that_the_entity_reader_calls_a_person_stays_one() -> None:
    """ "Le Pen said" was an outlet in the sources (a name opened by an article) even where the
    entity reader reads a person; a newspaper so named stays an outlet."""
    text = "Le Pen said the vote was lost. The newspaper Le Monde said the talks failed.\n"
    kinds = {s.name: s.kind for s in sources(text, list(extract(text)))}
    assert kinds == {"Le Pen": "person", "Le Monde": "outlet"}
