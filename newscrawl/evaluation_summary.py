"""One table over several benchmark sources: per source and field, newscrawl
against trafilatura in the same run, with the time per page (``newscrawl eval``)."""

from __future__ import annotations

from newscrawl.evaluation import METADATA_FIELDS, Accuracy, EvaluationResult

_HEADERS = {
    "title": "title",
    "authors": "authors",
    "published": "published",
    "lead_image": "lead image",
}


def render_summary(results: list[EvaluationResult]) -> str:
    """A Markdown table: a row per source, "newscrawl / trafilatura" per column.

    A field a source has no gold for shows "-"; counts are right answers out of
    the pages with gold; body is the AEB F1.
    """
    names = [s.name for s in results[0].systems] if results else []
    head = ["source", "pages", "body F1", *(_HEADERS[f] for f in METADATA_FIELDS), "ms/page"]
    lines = [
        f"systems: {' / '.join(names)}",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for result in results:
        cells = [result.dataset.rstrip("/").rsplit("/", 1)[-1], str(result.pages)]
        if result.systems and result.systems[0].body:
            cells.append(" / ".join(f"{s.body['f1']:.3f}" for s in result.systems))
        else:
            cells.append("-")
        for name in METADATA_FIELDS:
            accs = [s.fields[name] for s in result.systems]
            cells.append(" / ".join(_rate(a) for a in accs) if accs and accs[0].total else "-")
        cells.append(" / ".join(f"{1000 * s.seconds_per_page:.1f}" for s in result.systems))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _rate(acc: Accuracy) -> str:
    return f"{100 * acc.rate:.1f} % ({acc.correct}/{acc.total})"
