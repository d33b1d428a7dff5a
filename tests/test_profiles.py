"""Site profiles: the shipped ones load, bad ones fail with the file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawl.runner import targets_from_args
from newscrawl.sites import ProfileError, available_profiles, load_profile
from newscrawl.spiders.news import NewsSpider


def test_every_shipped_profile_loads_and_builds_a_spider() -> None:
    assert "kyiv-independent" in available_profiles()
    for name in available_profiles():
        profile = load_profile(name)
        spider = NewsSpider(site=name)
        assert spider.start_urls == list(profile.start_urls)
        assert spider.timezone == profile.timezone


def test_a_profile_file_by_path(tmp_path: Path) -> None:
    path = tmp_path / "local.toml"
    path.write_text(
        'name = "local"\nstart_urls = ["http://127.0.0.1:9/"]\n'
        '[selectors]\ntitle = "h1.headline"\n',
        encoding="utf-8",
    )
    spider = NewsSpider(site=str(path))
    assert spider.site_name == "local"
    assert spider.timezone is None  # learned from the site's pages
    assert [t.site for t in targets_from_args([str(path)])] == [str(path)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('start_urls = ["http://a/"]', "'name'"),
        ('name = "x"\ntimezone = "Mars/Olympus"', "unknown timezone"),
        ('name = "x"\nrender = "sometimes"', "'render'"),
        ('name = "x"\n[selectors]\nheadline = "h1"', "unknown selector fields"),
        ('name = "x"\nstart_url = "http://a/"', "unknown keys"),
        ('name = "x', "local.toml"),
    ],
)
def test_bad_profiles_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "local.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=message):
        load_profile(str(path))


def test_unknown_profile_lists_the_shipped_ones() -> None:
    with pytest.raises(ProfileError, match="kyiv-independent"):
        load_profile("no-such-site")
