"""One short reason for every way a request can fail."""

from __future__ import annotations

import pytest
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionLost, DNSLookupError, TimeoutError

from newscrawl.faults import Refused, failure_reason, is_fault


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (HttpError(Response("http://x.test/", status=404)), "http_404"),
        (HttpError(Response("http://x.test/", status=503)), "http_503"),
        (HttpError(Response("http://x.test/", status=304)), "not_modified"),
        (HttpError(Response("http://x.test/", status=302)), "bad_redirect"),
        (DownloadTimeoutError("took longer than 30 s"), "timeout"),
        (TimeoutError(), "timeout"),
        (DownloadCancelledError(), "too_large"),
        (
            IgnoreRequest("Ignored ... exceeded DOWNLOAD_MAXSIZE (16 B) during decompression."),
            "too_large",
        ),
        (ResponseDataLossError(), "data_loss"),
        (CannotResolveHostError("nowhere.invalid"), "dns"),
        (DNSLookupError(), "dns"),
        (DownloadConnectionRefusedError(), "connection_refused"),
        (ConnectionLost(), "connection_failed"),
        (IgnoreRequest("max redirections reached"), "too_many_redirects"),
        (IgnoreRequest("Forbidden by robots.txt"), "robots_txt"),
        (IgnoreRequest("something else"), "ignored"),
        (Refused("branch_dropped", "x"), "branch_dropped"),
        (ValueError("odd"), "valueerror"),
    ],
)
def test_failure_reasons(exc: BaseException, reason: str) -> None:
    assert failure_reason(exc) == reason


def test_what_the_site_or_database_asked_for_is_no_fault() -> None:
    assert not is_fault("robots_txt") and not is_fault("not_modified")
    assert is_fault("http_404") and is_fault("forbidden_address")
