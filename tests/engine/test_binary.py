"""Binary detection that catches random bytes whatever their encoding guess, and keeps real text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from index.ingest.files import scan
from index.ingest.formats import read_file
from index.ingest.textsafe import implausible_text

FRENCH = (
    "Le gouvernement français a annoncé mercredi une série de mesures destinées à soutenir les "
    "agriculteurs, après des semaines de manifestations. « Nous avons entendu leur colère », a "
    "déclaré le Premier ministre, qui s'est rendu dans une exploitation de l'Hérault."
)
GERMAN = (
    "Die Bundesregierung hat am Mittwoch ein Maßnahmenpaket zur Unterstützung der Landwirte "
    "beschlossen. „Wir haben die Sorgen gehört“, sagte der Kanzler in Berlin. Die Bauernverbände "
    "äußerten sich zurückhaltend und kündigten weitere Proteste an."
)
POLISH = (
    "Rząd przyjął w środę pakiet pomocy dla rolników po tygodniach protestów. „Słyszymy wasz "
    "gniew” – powiedział premier, który odwiedził gospodarstwo pod Łodzią."
)
TABLE = "Résumé des résultats\n" + "\n".join(
    f"Trimestre {i}   {i * 1234.5:>10.1f} €   {i * 3.2:>6.1f} %" for i in range(1, 30)
)


def _read(tmp_path: Path, name: str, data: bytes) -> tuple[list[object], list[str]]:
    f = tmp_path / name
    f.write_bytes(data)
    (source,), _ = scan([f])
    articles, skipped = read_file(source)
    return list(articles), [s.reason for s in skipped]


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_are_skipped_with_a_reason(tmp_path: Path, seed: int) -> None:
    data = random.Random(seed).randbytes(3000)
    articles, reasons = _read(tmp_path, "noise.txt", data)
    assert articles == []
    (reason,) = reasons
    assert reason.startswith("binary file (not text")


@pytest.mark.parametrize("seed", range(5))
def test_random_high_bytes_without_controls_are_skipped(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(0x20, 0x100) for _ in range(3000))
    articles, reasons = _read(tmp_path, "noise.md", data)
    assert articles == [] and reasons[0].startswith("binary file")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (FRENCH, "cp1252"),
        (GERMAN, "cp1252"),
        (FRENCH, "latin-1"),
        (TABLE, "cp1252"),
        (POLISH, "cp1250"),
        (FRENCH, "utf-8"),
        (POLISH, "utf-8"),
        (GERMAN, "utf-16"),
    ],
)
def test_real_text_in_any_encoding_is_read(tmp_path: Path, text: str, encoding: str) -> None:
    articles, reasons = _read(tmp_path, "news.txt", ("Titre\n" + text).encode(encoding))
    assert reasons == [] and len(articles) == 1


def test_short_texts_are_not_judged() -> None:
    assert implausible_text("Ren\u00e9e \x81 said ¤") is None
