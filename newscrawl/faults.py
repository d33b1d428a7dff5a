"""Why a page was not read: one short reason per failure, for logs, stats and the summary.

Every request that fails reaches the spider's errback with an exception: an
HTTP error status, a download error, or a refusal by one of newscrawl's
middlewares (:class:`Refused`, which carries its reason). :func:`failure_reason`
names it: ``http_404``, ``timeout``, ``too_large``, ``data_loss``,
``too_many_redirects``, ``forbidden_address``, ``branch_dropped`` and so on. The
spider counts faults as ``newscrawl/bad/<reason>`` and the rest (``robots_txt``,
``not_modified``, ``known_redirect``: the site or the database said so, nothing
went wrong) as ``newscrawl/skipped/<reason>``.
"""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as twisted_errors
from twisted.web._newclient import ResponseFailed

#: Reasons that are no fault of the page: counted as skipped, logged at debug level.
NOT_FAULTS = frozenset({"robots_txt", "not_modified", "known_redirect"})
#: Reasons given to many requests at once (a dropped branch, a spent budget):
#: logged once when the budget runs out, not for every request.
BULK = frozenset({"branch_dropped", "site_dropped", "site_time_budget"})


class Refused(IgnoreRequest):
    """A request newscrawl will not make, and the reason (a :data:`failure_reason` word)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


_BY_TYPE: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str], ...] = (
    ((DownloadTimeoutError, twisted_errors.TimeoutError), "timeout"),
    # Raised by Scrapy's HTTP handler when a body passes DOWNLOAD_MAXSIZE.
    (DownloadCancelledError, "too_large"),
    ((ResponseDataLossError, ResponseFailed), "data_loss"),
    ((CannotResolveHostError, twisted_errors.DNSLookupError), "dns"),
    ((DownloadConnectionRefusedError, twisted_errors.ConnectionRefusedError), "connection_refused"),
    (
        (
            DownloadFailedError,
            twisted_errors.ConnectError,
            twisted_errors.ConnectionLost,
            twisted_errors.ConnectionDone,
        ),
        "connection_failed",
    ),
)
#: Scrapy's own IgnoreRequest messages: the exception type is shared, only the text says why.
_BY_MESSAGE = (
    ("max redirections", "too_many_redirects"),
    ("DOWNLOAD_MAXSIZE", "too_large"),  # HttpCompressionMiddleware: a decompression bomb
    ("robots.txt", "robots_txt"),
)


def failure_reason(exc: BaseException) -> str:
    """A short reason for a failed request's exception."""
    if isinstance(exc, Refused):
        return exc.reason
    if isinstance(exc, HttpError):
        return status_reason(exc.response.status)
    for types, reason in _BY_TYPE:
        if isinstance(exc, types):
            return reason
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        for needle, reason in _BY_MESSAGE:
            if needle in text:
                return reason
        return "ignored"
    return type(exc).__name__.lower()


def status_reason(status: int) -> str:
    """``http_404``; ``not_modified`` for 304; ``bad_redirect`` for a redirect Scrapy would
    not follow (to ``file:``, ``ftp:``, or without a Location)."""
    if status == 304:
        return "not_modified"
    if 300 <= status < 400:
        return "bad_redirect"
    return f"http_{status}"


def is_fault(reason: str) -> bool:
    return reason not in NOT_FAULTS
