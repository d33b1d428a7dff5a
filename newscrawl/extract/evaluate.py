"""Score extracted article bodies the way the article-extraction-benchmark does.

The rules (``../shared/benchmarks/README.md``): tokens are ``\\w+`` runs, a text
is the multiset of its 4-token shingles, each page's TP/FP/FN are normalised
so every page weighs the same, precision and recall are means over pages and
F1 is the harmonic mean of those two means.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of consecutive ``size``-token tuples of ``text``."""
    tokens = tuple(_TOKEN.findall(text or ""))
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tokens])
    return Counter(tokens[i : i + size] for i in range(len(tokens) - size + 1))


def shingle_count(text: str, size: int = SHINGLE_SIZE) -> int:
    """``sum(shingles(text).values())`` without building the multiset."""
    tokens = len(_TOKEN.findall(text or ""))
    if not tokens:
        return 0
    return max(tokens - size + 1, 1)


def page_scores(truth: str, pred: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page; (1, 0, 0) when both are empty."""
    want, got = shingles(truth), shingles(pred)
    if not want and not got:
        return 1.0, 0.0, 0.0
    tp = sum((want & got).values())
    fp = sum(got.values()) - tp
    fn = sum(want.values()) - tp
    total = tp + fp + fn
    return tp / total, fp / total, fn / total


def score_bodies(truth: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """Precision, recall and F1 (of the means) of ``pred`` against ``truth``.

    Pages missing from ``pred`` count as empty predictions: they lower recall
    and are left out of precision, as in the benchmark.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    for key, want in truth.items():
        got = pred.get(key) or ""
        if not shingles(want) and not shingles(got):
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        tp, fp, fn = page_scores(want, got)
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
        if got.strip() and tp + fp > 0:
            precisions.append(tp / (tp + fp))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pages": float(len(truth))}
