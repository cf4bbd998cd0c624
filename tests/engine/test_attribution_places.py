"""Places, party tags and owners are no sources (who is cited for what): a place before the
clause of an unnamed speaker ("in Beverly Hills, California, at the age of 91, her spokesman
said"), a place after "of" ("in her hometown of Wasilla, the church's minister said"), a
legislator's party and state ("Rep. Nick Rahall, D-W.Va., said"), the owner of the speaker
("according to Paris' mayor Bertrand Delanoe"), the subject of a passive ("are reported as
marching"). Each was a source on ECB+ or WikiNews; made-up sentences here."""

from __future__ import annotations

from index.compare.attribution import sources


def _names(text: str) -> list[str]:
    return [s.name for s in sources(text)]


def test_a_place_before_an_unnamed_speaker_is_no_source() -> None:
    text = (
        "Mara Lind, a swimming champion, died on Thursday in Coral Bay, Florida, at the age "
        "of 91, her spokesman said."
    )
    assert "Florida" not in _names(text)


def test_a_place_after_of_is_no_source() -> None:
    text = "A fire gutted the chapel in her hometown of Millbrook, the chapel's minister said."
    assert "Millbrook" not in _names(text)


def test_a_party_tag_is_no_source_and_the_legislator_is() -> None:
    assert _names("Rep. Tom Hale, D-Ore., said members may try to overturn the rules.") == [
        "Tom Hale"
    ]
    assert _names("Sen. Ann Vold (R-Texas) said the rules were an assault on the law.") == [
        "Ann Vold"
    ]


def test_the_owner_of_a_speaker_is_no_source() -> None:
    names = _names("The ceremony was canceled, according to Lyon's mayor Paul Ardent.")
    assert names == ["Paul Ardent"]
    names = _names("According to Chile's seismological institute, the quake was shallow.")
    assert names == ["Chile's seismological institute"]
    # (a statement is its owner's words)
    assert _names("According to the NYPD's statement, the crowd dispersed.") == ["NYPD"]


def test_the_subject_of_a_passive_is_no_source() -> None:
    assert _names("In Patras, 10,000 people are reported as marching against the cuts.") == []


def test_an_appositive_opened_by_another_still_names_the_speaker() -> None:
    text = "Lon Ward, another retired journalist who knew the family, said he met the children."
    assert _names(text) == ["Lon Ward"]


def test_a_name_before_plural_speakers_is_no_source() -> None:
    """A bare "officials said" after a comma is the speakers, never an appositive of the name
    before it: "Sul" was credited with the officials' words."""
    text = (
        "At least 37 people have died after floods in the state of Rio Grande do Sul, officials "
        "said on Thursday."
    )
    assert not any("Sul" in name for name in _names(text))
    # a singular role is still the named speaker's
    assert "Eduardo Leite" in _names("Eduardo Leite, governor of the state, said 74 were missing.")
