"""Bad NEWSCRAWL_* settings: one clear error before the crawl starts."""

from __future__ import annotations

import pytest

from newscrawl.checks import check_settings
from newscrawl.cli import EXIT_USAGE, main
from newscrawl.runner import project_settings


def test_the_defaults_pass() -> None:
    check_settings(project_settings())


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("NEWSCRAWL_MAX_ARTICLES=many", "NEWSCRAWL_MAX_ARTICLES: invalid literal"),
        ("NEWSCRAWL_STORE_BATCH_SIZE=0", "NEWSCRAWL_STORE_BATCH_SIZE must be at least 1"),
        ("NEWSCRAWL_EMPTY_PAGES_GRACE=-1", "NEWSCRAWL_EMPTY_PAGES_GRACE must be at least 0"),
        ("NEWSCRAWL_INCREMENTAL=maybe", "NEWSCRAWL_INCREMENTAL: Supported values"),
        ("NEWSCRAWL_REFRESH_AFTER=soon", "NEWSCRAWL_REFRESH_AFTER: cannot read 'soon' as an age"),
        ("NEWSCRAWL_NEAR_DUPLICATE_WINDOW=week", "NEWSCRAWL_NEAR_DUPLICATE_WINDOW: cannot read"),
        ("NEWSCRAWL_SINCE=yesterday", "NEWSCRAWL_SINCE: cannot read 'yesterday' as a date"),
        ("NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD=1.5", "must be between 0 (off) and 1, not 1.5"),
        ("NEWSCRAWL_NEAR_DUPLICATE_SCOPE=world", "NEWSCRAWL_NEAR_DUPLICATE_SCOPE must be one of"),
        (
            "NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED=lots",
            "NEWSCRAWL_NEAR_DUPLICATE_MAX_LOADED: invalid",
        ),
        ("NEWSCRAWL_MAX_LINKS_PER_PAGE=-1", "NEWSCRAWL_MAX_LINKS_PER_PAGE must be at least 0"),
        ("NEWSCRAWL_BRANCH_ERRORS=few", "NEWSCRAWL_BRANCH_ERRORS: invalid literal"),
        ("NEWSCRAWL_SITE_ERRORS=-3", "NEWSCRAWL_SITE_ERRORS must be at least 0"),
        ("NEWSCRAWL_SITE_TIME_BUDGET=1 hour", "NEWSCRAWL_SITE_TIME_BUDGET: cannot read"),
        ("NEWSCRAWL_RETRY_AFTER_MAX=-1", "NEWSCRAWL_RETRY_AFTER_MAX must be at least 0"),
        ("NEWSCRAWL_RETRY_AFTER_TIMES=x", "NEWSCRAWL_RETRY_AFTER_TIMES: invalid literal"),
        ("NEWSCRAWL_ALLOW_PRIVATE=perhaps", "NEWSCRAWL_ALLOW_PRIVATE: Supported values"),
        ("NEWSCRAWL_FORBIDDEN_NETWORKS=10.0.0.0/8,intranet", "not an IP network: 'intranet'"),
    ],
)
def test_a_bad_setting_stops_the_crawl_command_with_its_name(
    setting: str, message: str, capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    # Port 9 (discard) is never contacted: the check comes first.
    args = ["crawl", "http://127.0.0.1:9/", "--db", f"sqlite:///{tmp_path}/x.db", "-s", setting]
    assert main(args) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("newscrawl: error: ")
    assert message in err
    assert "Traceback" not in err
