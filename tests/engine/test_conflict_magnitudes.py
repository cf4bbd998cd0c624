"""Two reports of one quake that give it two magnitudes disagree, however differently the words
around each figure run ("A magnitude 6.1 earthquake struck off the coast" / "A strong earthquake
of magnitude 6.4 shook northeastern Japan"): a magnitude was compared only when the words near
both figures met. Not a magnitude of no quake in particular, a hedged reading that fits, or a
quake two units apart (another quake: agencies' readings differ by tenths)."""

from __future__ import annotations

from index import compare_texts


def _magnitudes(a: str, b: str) -> list[str]:
    c = compare_texts(a, b)
    return [f.detail for f in c.conflicts if f.detail.startswith("magnitude")]


_A = "Quake hits Japan\n\nA magnitude 6.1 earthquake struck off the coast of northeastern Japan early on Tuesday, officials said.\n"


def test_two_magnitudes_of_one_quake_disagree() -> None:
    b = "Quake jolts Japan\n\nA strong earthquake of magnitude 6.4 shook northeastern Japan on Tuesday morning, officials said.\n"
    assert _magnitudes(_A, b) == ["magnitude: A says '6.1'; B says '6.4'; they differ"]


def test_a_reading_that_fits_or_another_quake_does_not() -> None:
    about = "Quake jolts Japan\n\nA strong earthquake measuring about 6.0 on the Richter scale shook northeastern Japan on Tuesday morning, officials said.\n"
    assert _magnitudes(_A, about) == []
    other = "Quake jolts Japan\n\nA strong earthquake of magnitude 3.8 shook northeastern Japan on Tuesday morning, officials said.\n"
    assert _magnitudes(_A, other) == []
    generic = "Quake jolts Japan\n\nA magnitude 6.4 earthquake can cause severe damage to buildings in northeastern Japan, officials said.\n"
    assert _magnitudes(_A, generic) == []
