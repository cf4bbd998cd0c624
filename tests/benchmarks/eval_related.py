"""Evaluate related reports and story grouping on the real data in ``../shared/data`` (when present).

Run: ``python tests/benchmarks/eval_related.py [--data DIR] [--distractors N] [--reuters N]``

For each labelled dataset (WikiNews MultiLing 2011, ECB+ topics 1-20) it indexes the file, together with
``--distractors`` Reuters-21578 stories (default 2,000, evenly spread over the file; no story label), into
a temporary folder and prints:

* P@1: share of articles whose best related report belongs to the same story (articles whose story has
  at least two reports), for newsdesk's ``related()`` and for a plain TF-IDF cosine baseline on the same
  articles and the same corpus (:func:`tfidf_rank`);
* flags: precision and recall of ``same_story`` over the top 10;
* MAP and R-precision of same-story reports in the full ranking;
* ECB+ only: share of articles where every same-story report outranks every report of the sibling event
  (same topic, other event), and the mean precision of the ranking restricted to the topic (newsdesk,
  then TF-IDF);
* grouping: B-cubed and pairwise precision/recall/F1 of :func:`index.related.stories` against ``story``
  (ECB+: and the topics whose two sibling events share a group);
* timings: related median/p95 (warm), first call (builds the vectors), stories.

``--reuters N`` also indexes the first N Reuters-21578 articles (no story labels) for timings only.
Datasets that are absent are skipped with a note, so the script runs on a fresh clone.
"""

from __future__ import annotations

import argparse
import math
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from index.analysis.tokens import analyse_body
from index.related import rank, related, stories
from index.store.core import Store

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
DATASETS = {
    "wikinews": "wikinews_multiling2011.jsonl",
    "ecbplus": "ecbplus_topics01-20.jsonl",
}


def _index(
    src: Path,
    work: Path,
    limit: int | None = None,
    distractors: Path | None = None,
    n_distract: int = 0,
) -> tuple[Store, float]:
    corpus = work / "corpus"
    corpus.mkdir()
    target = corpus / src.name
    if limit is None:
        shutil.copy(src, target)
    else:
        with open(src, encoding="utf-8") as fin, open(target, "w", encoding="utf-8") as fout:
            for n, line in enumerate(fin):
                if n >= limit:
                    break
                fout.write(line)
    if distractors is not None and n_distract > 0:
        with open(distractors, encoding="utf-8") as fin:
            lines = fin.readlines()
        step = max(1, len(lines) // n_distract)
        with open(corpus / distractors.name, "w", encoding="utf-8") as fout:
            fout.writelines(lines[::step][:n_distract])
    store = Store([corpus], index_dir=work / "ix")
    t0 = time.perf_counter()
    store.update()
    return store, time.perf_counter() - t0


def tfidf_vectors(store: Store) -> dict[str, dict[str, float]]:
    """The plain TF-IDF baseline: every article's title and body as the body field's stems (Whoosh
    ``StemmingAnalyzer``: stop words out), weight ``(1 + log tf) * log(N / df)``, length-normalised;
    no key-term cut, no entities, no dates."""
    bags: dict[str, Counter[str]] = {}
    for info in store.catalogue():
        found = store.article_with_entities(info.id)
        if found is None:
            continue
        art = found[0]
        stems, _ = analyse_body(f"{art.title or ''}\n{art.text}")
        bags[info.id] = Counter(stems)
    df: Counter[str] = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    n = len(bags)
    vecs: dict[str, dict[str, float]] = {}
    for aid, bag in bags.items():
        vec = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        vecs[aid] = {w: x / norm for w, x in vec.items() if x > 0}
    return vecs


def tfidf_rank(vecs: dict[str, dict[str, float]], aid: str) -> list[str]:
    """Every other article by cosine with ``aid`` (ties by id), best first."""
    own = vecs[aid]
    scored = []
    for other, vec in vecs.items():
        if other == aid:
            continue
        small, big = (own, vec) if len(own) < len(vec) else (vec, own)
        scored.append((-sum(x * big.get(w, 0.0) for w, x in small.items()), other))
    scored.sort()
    return [o for _, o in scored]


def _average_precision(ranked: list[str], relevant: set[str]) -> float:
    hits = 0
    total = 0.0
    for n, rid in enumerate(ranked, 1):
        if rid in relevant:
            hits += 1
            total += hits / n
    return total / len(relevant) if relevant else 0.0


def _bcubed(pred: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred: dict[int, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for a, c in pred.items():
        by_pred[c].add(a)
    for a, g in gold.items():
        by_gold[g].add(a)
    p = r = 0.0
    for a in gold:
        cluster = by_pred[pred[a]]
        story = by_gold[gold[a]]
        inter = len(cluster & story)
        p += inter / len(cluster)
        r += inter / len(story)
    p /= len(gold)
    r /= len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _pairwise(pred: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    def pairs(labels: dict[str, object]) -> set[tuple[str, str]]:
        groups: dict[object, list[str]] = defaultdict(list)
        for a, c in labels.items():
            groups[c].append(a)
        return {(x, y) for g in groups.values() for x in g for y in g if x < y}

    pp, gp = pairs(dict(pred)), pairs(dict(gold))
    tp = len(pp & gp)
    p = tp / len(pp) if pp else 1.0
    r = tp / len(gp) if gp else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _sibling_check(full: list[str], relevant: set[str], siblings: set[str]) -> tuple[bool, float]:
    """Whether every same-event report outranks every sibling-event report, and the precision of the
    ranking restricted to the topic (same event and sibling event)."""
    position = {o: n for n, o in enumerate(full)}
    worst_same = max(position.get(o, len(full)) for o in relevant)
    best_sib = min(position.get(o, len(full) + 1) for o in siblings)
    in_topic = [o for o in full if o in relevant or o in siblings]
    return worst_same < best_sib, _average_precision(in_topic, relevant)


def evaluate(name: str, path: Path, distractors: Path | None = None, n_distract: int = 0) -> None:
    """Index one labelled dataset (with ``n_distract`` unlabelled distractors) and print its figures."""
    with tempfile.TemporaryDirectory(prefix="newsdesk-eval-") as tmp:
        store, index_s = _index(path, Path(tmp), distractors=distractors, n_distract=n_distract)
        gold = {a.id: a.story for a in store.catalogue() if a.story}
        feats = store.features()
        sizes = Counter(gold.values())
        print(
            f"\n== {name}: {len(gold)} articles, {len(sizes)} stories, {len(feats) - len(gold)} "
            f"distractors (indexed in {index_s:.1f} s)"
        )
        base = tfidf_vectors(store)
        t0 = time.perf_counter()
        related(store, next(iter(gold)), limit=10)
        first_ms = (time.perf_counter() - t0) * 1000
        times: list[float] = []
        top1 = base_top1 = total = 0
        flag_tp = flag_fp = flag_possible = 0
        aps: list[float] = []
        base_aps: list[float] = []
        rprec: list[float] = []
        sib = {"newsdesk": [0, 0, []], "tf-idf": [0, 0, []]}  # type: dict[str, list[Any]]
        misses: list[str] = []
        for aid, story in sorted(gold.items()):
            if sizes[story] < 2:
                continue
            t0 = time.perf_counter()
            top = related(store, aid, limit=10)
            times.append((time.perf_counter() - t0) * 1000)
            full = [r.id for r in rank(aid, feats, limit=None)]
            base_full = tfidf_rank(base, aid)
            relevant = {o for o, s in gold.items() if s == story and o != aid}
            total += 1
            base_top1 += bool(base_full) and gold.get(base_full[0]) == story
            if top and gold.get(top[0].id) == story:
                top1 += 1
            elif len(misses) < 5:
                misses.append(
                    f"{aid} -> {top[0].id if top else None} ({top[0].score if top else 0})"
                )
            for r in top:
                if r.same_story:
                    if gold.get(r.id) == story:
                        flag_tp += 1
                    else:
                        flag_fp += 1
            flag_possible += min(10, len(relevant))
            aps.append(_average_precision(full, relevant))
            base_aps.append(_average_precision(base_full, relevant))
            rprec.append(len(set(full[: len(relevant)]) & relevant) / len(relevant))
            if name == "ecbplus":
                topic = story.split("_")[0]
                siblings = {o for o, s in gold.items() if s.split("_")[0] == topic and s != story}
                if siblings:
                    for method, ranking in (("newsdesk", full), ("tf-idf", base_full)):
                        ok, ap = _sibling_check(ranking, relevant, siblings)
                        sib[method][0] += ok
                        sib[method][1] += 1
                        sib[method][2].append(ap)
        print(
            f"P@1 same story: newsdesk {top1}/{total} = {top1 / total:.3f}; "
            f"tf-idf {base_top1}/{total} = {base_top1 / total:.3f}"
        )
        if misses:
            print("  misses:", "; ".join(misses))
        fp = flag_tp / (flag_tp + flag_fp) if flag_tp + flag_fp else 1.0
        print(
            f"same_story flag in top 10: precision {fp:.3f}, recall {flag_tp / flag_possible:.3f}"
        )
        print(
            f"MAP newsdesk {statistics.mean(aps):.3f} (tf-idf {statistics.mean(base_aps):.3f}), "
            f"R-precision {statistics.mean(rprec):.3f}"
        )
        for method, (ok, n, sib_aps) in sib.items():
            if n:
                print(
                    f"ECB+ sibling event ({method}): all same-story above all siblings {ok}/{n} = "
                    f"{ok / n:.3f}; mean precision within topic {statistics.mean(sib_aps):.3f}"
                )
        t0 = time.perf_counter()
        groups = stories(store)
        stories_s = time.perf_counter() - t0
        # Distractors count where they land: a story group that takes one in loses B-cubed precision.
        pred = {a: n for n, g in enumerate(groups) for a in g.article_ids}
        b = _bcubed(pred, gold)
        pw = _pairwise({a: c for a, c in pred.items() if a in gold}, gold)
        multi = sum(
            1 for g in groups if len(g.article_ids) > 1 and any(a in gold for a in g.article_ids)
        )
        print(
            f"stories: {multi} groups with 2+ reports holding labelled articles, for {len(sizes)} "
            f"true; B-cubed P/R/F1 {b[0]:.3f}/{b[1]:.3f}/{b[2]:.3f}; "
            f"pairwise P/R/F1 {pw[0]:.3f}/{pw[1]:.3f}/{pw[2]:.3f}"
        )
        if name == "ecbplus":
            print(f"sibling events in one group: {_mixed_topics(groups, gold) or 'none'}")
        _timings(times, first_ms, stories_s)


def _mixed_topics(groups: list[Any], gold: dict[str, str]) -> str:
    """The ECB+ topics one of whose groups holds reports of both its events, with how many of each
    (``10 (12+7)``): where the grouping mixed two sibling events."""
    out = []
    for g in groups:
        events = Counter(gold[a] for a in g.article_ids if a in gold)
        topics = Counter(e.split("_")[0] for e in events)
        for topic, n in sorted(topics.items()):
            if n > 1:
                counts = "+".join(
                    str(c) for e, c in sorted(events.items()) if e.split("_")[0] == topic
                )
                out.append((int(topic) if topic.isdigit() else 0, f"{topic} ({counts})"))
    return ", ".join(text for _, text in sorted(out))


def _timings(times: list[float], first_ms: float, stories_s: float) -> None:
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(
        f"timings: related median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms "
        f"(first call, building vectors: {first_ms:.0f} ms); stories {stories_s * 1000:.0f} ms"
    )


def timing_only(path: Path, limit: int) -> None:
    """Index the first ``limit`` articles of an unlabelled dataset and time related and stories."""
    with tempfile.TemporaryDirectory(prefix="newsdesk-eval-") as tmp:
        store, index_s = _index(path, Path(tmp), limit)
        ids = sorted(store.features())
        print(f"\n== {path.name}: {len(ids)} articles (indexed in {index_s:.1f} s), timings only")
        t0 = time.perf_counter()
        related(store, ids[0])
        first_ms = (time.perf_counter() - t0) * 1000
        times = []
        for aid in ids[:: max(1, len(ids) // 300)]:
            t0 = time.perf_counter()
            related(store, aid)
            times.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        groups = stories(store)
        stories_s = time.perf_counter() - t0
        multi = [g for g in groups if len(g.article_ids) > 1]
        print(
            f"stories: {len(groups)} groups, {len(multi)} with 2+ reports, largest {len(groups[0].article_ids)}"
        )
        _timings(times, first_ms, stories_s)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder with the jsonl files"
    )
    parser.add_argument(
        "--distractors", type=int, default=2000, help="Reuters stories added to each labelled set"
    )
    parser.add_argument("--reuters", type=int, default=0, help="also time N Reuters articles")
    parser.add_argument("--only", choices=sorted(DATASETS), help="evaluate one dataset")
    args = parser.parse_args(argv)
    found = False
    for name, filename in DATASETS.items():
        if args.only and name != args.only:
            continue
        path = args.data / filename
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        found = True
        reuters = args.data / "reuters21578.jsonl"
        evaluate(name, path, reuters if reuters.exists() else None, args.distractors)
    reuters = args.data / "reuters21578.jsonl"
    if args.reuters:
        if reuters.exists():
            found = True
            timing_only(reuters, args.reuters)
        else:
            print(f"reuters: {reuters} not found, skipped")
    if not found:
        print(
            "no evaluation data found (it lives outside the repository, in ../shared/data); nothing measured"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
