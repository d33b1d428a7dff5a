"""newscrawl.evaluation and extract.compare: comparisons, datasets, the ``eval`` command.

The datasets here are tiny and written by the tests; the real benchmark runs
are in test_extract_benchmarks.py.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newscrawl.cli import EXIT_OK, EXIT_USAGE, main
from newscrawl.evaluation import (
    GoldPage,
    Prediction,
    cover_renditions,
    evaluate,
    field_checks,
    fundus_body_text,
    load_dataset,
    render_table,
    to_json,
    worst_pages,
)
from newscrawl.extract.compare import (
    normalize_title,
    same_authors,
    same_minute,
    same_picture,
    same_title,
)

PARAGRAPHS = [
    "The harbour authority said on Tuesday that all six cranes on the north quay were "
    "back in service after repairs that took most of the winter and cost more than planned.",
    "Dock workers had unloaded ships by hand and with two mobile cranes since the storm in "
    "December, which tore the roof off the control building and flooded the cable ducts.",
    "Shipping lines that moved their calls to other ports during the repairs are expected "
    "to return next month, the authority's director told reporters at the reopened quay.",
    "The city council will debate a plan to raise the quay wall by half a metre in spring, "
    "a measure engineers have recommended since the last two storms reached the cranes.",
]
TITLE = "Harbour cranes return to work after winter storm"


def _page(body_gold: bool = True) -> str:
    graph = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": TITLE,
        "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Li Wu"}],
        "datePublished": "2024-03-05T09:30:12+01:00",
        "image": "https://example.com/media/harbour-cranes-1200x675.jpg",
    }
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<!doctype html><html lang='en'><head><title>Harbour cranes | The Courier</title>"
        f"<script type='application/ld+json'>{json.dumps(graph)}</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/city'>City</a></nav>"
        f"<article><h1>{TITLE}</h1><p class='byline'>By Jane Doe and Li Wu</p>{paragraphs}"
        "</article><footer>Copyright The Courier</footer></body></html>"
    )


def _write_aeb(root: Path) -> Path:
    (root / "html").mkdir(parents=True)
    (root / "html" / "p1.html.gz").write_bytes(gzip.compress(_page().encode("utf-8")))
    truth = {
        "p1": {"url": "https://example.com/city/cranes", "articleBody": "\n\n".join(PARAGRAPHS)}
    }
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def _write_fundus(root: Path) -> Path:
    (root / "xx").mkdir(parents=True)
    (root / "xx" / "Courier_2024.html.gz").write_bytes(gzip.compress(_page().encode("utf-8")))
    gold = {
        "V1": {
            "title": TITLE,
            "authors": ["Jane Doe", "Li Wu"],
            "publishing_date": "2024-03-05 08:30:59+00:00",
            "body": {
                "summary": ["A standfirst that is not in the body."],
                "sections": [{"headline": [], "paragraphs": PARAGRAPHS}],
            },
            "images": [
                {
                    "versions": [{"url": "https://example.com/media/harbour-cranes-480x270.jpg"}],
                    "is_cover": True,
                }
            ],
        }
    }
    (root / "xx" / "Courier.json").write_text(json.dumps(gold), encoding="utf-8")
    manifest = [
        {
            "publisher": "Courier",
            "html": "xx/Courier_2024.html.gz",
            "url": "https://example.com/city/cranes",
            "expected_json": "xx/Courier.json",
            "version_key": "V1",
        }
    ]
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root


def _write_devset(root: Path) -> Path:
    (root / "html").mkdir(parents=True)
    gold = {}
    for key, half in (("d1", "tune"), ("d2", "check")):
        (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(_page().encode("utf-8")))
        gold[key] = {
            "url": f"https://example.com/city/{key}",
            "half": half,
            "title": TITLE,
            "authors": ["Not Gold"],
            "published": "2024-03-05",
            "body": "\n\n".join(PARAGRAPHS),
            "lead_image": None,
            "gold_fields": ["title", "published", "body"],
        }
    (root / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return root


# --------------------------------------------------------------------------- comparisons


def test_title_forgives_only_spacing_and_quote_styles() -> None:
    assert normalize_title("  Strava\u00a0unveils \u2018family\u2019 plan ") == (
        "Strava unveils 'family' plan"
    )
    assert same_title("Strava unveils \u2018family\u2019 plan", "Strava unveils 'family' plan")
    assert same_title("\u201cNo\u201d, says court", '"No", says court')
    assert not same_title("strava unveils 'family' plan", "Strava unveils 'family' plan")
    assert not same_title("Strava unveils plan", "Strava unveils 'family' plan")
    assert not same_title(None, "A title")


def test_authors_are_compared_as_an_exact_ordered_list() -> None:
    assert same_authors(["Steve Peoples", "Thomas  Beaumont"], ["STEVE PEOPLES", "THOMAS BEAUMONT"])
    assert not same_authors(
        ["Thomas Beaumont", "Steve Peoples"], ["Steve Peoples", "Thomas Beaumont"]
    )
    assert not same_authors(["Steve Peoples"], ["Steve Peoples", "Thomas Beaumont"])
    assert not same_authors(["Steve Peoples", "AP"], ["Steve Peoples"])
    assert same_authors([], [])


def test_published_matches_to_the_utc_minute() -> None:
    assert same_minute("2024-02-24T11:42:00+00:00", "2024-02-24 11:42:23+00:00")
    assert same_minute("2024-02-24T12:42:59+01:00", "2024-02-24 11:42:23+00:00")
    assert same_minute("2024-02-24T11:42:10Z", "2024-02-24 11:42:23")  # naive gold is UTC
    assert not same_minute("2024-02-24T11:43:00+00:00", "2024-02-24 11:42:59+00:00")
    assert not same_minute("2024-02-24", "2024-02-24 11:42:23+00:00")
    assert not same_minute(None, "2024-02-24 11:42:23+00:00")
    assert not same_minute("not a date", "2024-02-24 11:42:23+00:00")


def test_a_gold_time_without_offset_is_a_local_time() -> None:
    def check(gold: str, utc: str, local: str | None) -> bool:
        page = GoldPage(key="p", url="https://a.example/p", html="", published=gold)
        return field_checks(page, Prediction(published=utc, published_local=local))["published"]

    # Printed 17:30 in Berlin, stored as 16:30 UTC: the gold's naive 17:30 is that time.
    assert check("2024-12-13T17:30:00", "2024-12-13T16:30:00+00:00", "2024-12-13T17:30:00")
    assert check("2024-12-13T17:30:00", "2024-12-13T17:30:00+00:00", None)  # read as UTC
    assert not check("2024-12-13T17:30:00", "2024-12-13T16:30:00+00:00", "2024-12-13T18:30:00")
    # A gold with an offset is one instant: the printed local time does not count.
    assert not check(
        "2024-12-13T17:30:00+00:00", "2024-12-13T16:30:00+00:00", "2024-12-13T17:30:00"
    )


def test_same_picture_accepts_renditions_of_one_image() -> None:
    gold = ["https://cdn.example.com/2024/05/384x216_cmsv2_abc-8368274.jpg"]
    assert same_picture("https://cdn.example.com/2024/05/1440x810_cmsv2_abc-8368274.jpg", gold)
    # Query-string sizes and another host serving the same file.
    assert same_picture(
        "https://example.com/uploads/sized_DSC03785-scaled.jpg",
        ["https://fastly.example.com/uploads/sized_DSC03785-scaled.jpg?width=100&dpr=2"],
    )
    # A resizing proxy around the original.
    assert same_picture(
        "https://img.example.com/resize/1486x994/?url=https%3A%2F%2Fassets.example.com%2F43%2Fc8%2F040034dc1ab4",
        [
            "https://img.example.com/resize/599x401/?url=https%3A%2F%2Fassets.example.com%2F43%2Fc8%2F040034dc1ab4"
        ],
    )
    # A short file name is identified by a long id in the path.
    assert same_picture(
        "https://i.example.com/img/media/ff01686bf0d0248408d12a6d/master/4616.jpg?width=1200",
        ["https://i.example.com/img/media/ff01686bf0d0248408d12a6d/master/4616.jpg?width=465"],
    )


def test_same_picture_rejects_other_images() -> None:
    gold = ["https://cdn.example.com/photos/7C01456E-AFA3_w250.jpg"]
    assert not same_picture("https://cdn.example.com/photos/01000000-0aff_w1080.jpg", gold)
    assert not same_picture(None, gold)
    # "image.jpg" names nothing on its own: other directories, other pictures.
    assert not same_picture(
        "https://cdn.example.com/a/image.jpg", ["https://cdn.example.com/b/image.jpg"]
    )


def test_fundus_body_is_sections_without_the_summary() -> None:
    body = {
        "summary": ["Standfirst."],
        "sections": [
            {"headline": [], "paragraphs": ["First.", "Second."]},
            {"headline": ["A subheading"], "paragraphs": ["Third."]},
        ],
    }
    assert fundus_body_text(body) == "First.\n\nSecond.\n\nA subheading\n\nThird."


def test_cover_renditions_come_from_the_cover_image_only() -> None:
    images = [
        {"versions": [{"url": "https://e.com/inline.jpg"}], "is_cover": False},
        {"versions": [{"url": "https://e.com/c-320.jpg"}, {"url": "https://e.com/c-640.jpg"}],
         "is_cover": True},
    ]  # fmt: skip
    assert cover_renditions(images) == ("https://e.com/c-320.jpg", "https://e.com/c-640.jpg")
    assert cover_renditions([]) == ()


# --------------------------------------------------------------------------- datasets


def test_load_dataset_detects_both_layouts(tmp_path: Path) -> None:
    aeb = load_dataset(_write_aeb(tmp_path / "aeb"))
    assert aeb.layout == "aeb"
    assert [p.key for p in aeb.pages] == ["p1"]
    assert aeb.pages[0].title is None and "harbour authority" in aeb.pages[0].body
    fundus = load_dataset(_write_fundus(tmp_path / "fundus"))
    assert fundus.layout == "fundus"
    page = fundus.pages[0]
    assert page.key == "Courier/V1"
    assert page.authors == ("Jane Doe", "Li Wu")
    assert "standfirst" not in (page.body or "")
    assert page.lead_images == ("https://example.com/media/harbour-cranes-480x270.jpg",)


def test_devset_layout_keeps_one_half_and_only_the_gold_fields(tmp_path: Path) -> None:
    root = _write_devset(tmp_path / "wire")
    assert [p.key for p in load_dataset(root).pages] == ["d1", "d2"]
    (page,) = load_dataset(root, half="check").pages
    assert page.key == "d2" and page.title == TITLE
    assert page.authors is None  # in the file, but not among its gold fields
    result = evaluate(load_dataset(root, half="tune"), ("newscrawl",))
    # A date-only gold asks for the publisher's day: 08:30 UTC on 5 March is on it.
    assert result.systems[0].fields["published"].correct == 1
    assert result.systems[0].fields["authors"].total == 0


def test_eval_command_prints_one_table_for_several_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aeb, wire = _write_aeb(tmp_path / "aeb"), _write_devset(tmp_path / "wire")
    assert main(["eval", str(aeb), str(wire), "--half", "tune"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "| source | pages | body F1 | title |" in out
    rows = [line for line in out.splitlines() if line.startswith(("| aeb", "| wire"))]
    assert len(rows) == 2 and "100.0 % (1/1)" in rows[1]


def test_load_dataset_rejects_other_directories(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"manifest\.json"):
        load_dataset(tmp_path)


def test_evaluate_scores_both_systems_on_the_same_pages(tmp_path: Path) -> None:
    result = evaluate(load_dataset(_write_fundus(tmp_path)))
    assert [s.name for s in result.systems] == ["newscrawl", "trafilatura"]
    ours = result.systems[0]
    assert ours.body["f1"] > 0.95
    assert {name: acc.correct for name, acc in ours.fields.items()} == {
        "title": 1,
        "authors": 1,
        "published": 1,
        "lead_image": 1,
    }
    assert ours.lead_image_exact_url.correct == 0  # another rendition, not the same URL
    assert all(s.seconds_per_page > 0 for s in result.systems)
    table = render_table(result)
    assert "title" in table and "1/1 100.0%" in table
    data = json.loads(to_json(result))
    assert data["systems"][0]["fields"]["authors"]["rate"] == 1.0


def test_worst_pages_lists_failed_fields(tmp_path: Path) -> None:
    root = _write_fundus(tmp_path)
    gold_path = root / "xx" / "Courier.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gold["V1"]["authors"] = ["Someone Else"]
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate(load_dataset(root), ("newscrawl",))
    (row,) = worst_pages(result, 5)
    assert row.misses == {"authors": (["Jane Doe", "Li Wu"], ["Someone Else"])}
    assert "want ['Someone Else']" in render_table(result, worst=5)


# --------------------------------------------------------------------------- command


def test_eval_command_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(_write_aeb(tmp_path)), "--worst", "1"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "aeb layout, 1 pages" in out
    assert "body f1" in out and "trafilatura" in out
    assert "worst 1 pages" in out


def test_eval_command_json_without_trafilatura(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(_write_fundus(tmp_path)), "--json", "--no-trafilatura"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["layout"] == "fundus"
    assert [s["name"] for s in data["systems"]] == ["newscrawl"]
    assert data["systems"][0]["fields"]["title"] == {"correct": 1, "total": 1, "rate": 1.0}


def test_eval_command_on_a_wrong_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", str(tmp_path)]) == EXIT_USAGE
    assert "ground-truth.json" in capsys.readouterr().err


def test_evaluate_rejects_unknown_systems(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown system"):
        evaluate(load_dataset(_write_aeb(tmp_path)), ("newscrawl", "goose"))
