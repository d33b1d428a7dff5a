"""A set of 64-bit hashes that costs about 8 bytes an entry, for what a crawl remembers
of every URL and article it met.

A crawl of 100,000 articles remembers a few hundred thousand URLs: which ones it
requested, which articles it kept. In a Python ``set`` of ints that is 60-100
bytes an entry (the int object and the table's slack), tens of MB that grow with
the crawl. No well-kept library holds plain 64-bit integers compactly and
answers ``in`` at Python-set speed (Bloom filters answer wrongly by design,
roaring bitmaps are dense only for clustered values, not hashes), so this one is
ours: a sorted numpy array of the settled entries, and two small Python sets in
front of it, one of the entries added since the last merge and one of the
settled entries asked for often. A crawl asks about the same menu links on every
page; those answers come from the hot set without touching numpy.

Entries are ``hash()`` values of strings (see ``SeenSet`` in
:mod:`newscrawl.spiders.frontier` on the odds of two sharing one). Nothing is
ever removed.
"""

from __future__ import annotations

from typing import Any

#: Entries added in Python sets before they are merged into the sorted array.
MERGE_AT = 8192
#: Settled entries kept in the hot set at most; it is emptied at each merge.
HOT_MAX = 8192


class HashSet:
    """A grow-only set of ints in ``[-2**63, 2**63)``, about 8 bytes an entry once settled."""

    def __init__(self) -> None:
        import numpy as np

        self._settled: Any = np.zeros(0, dtype=np.int64)
        self._recent: set[int] = set()
        self._hot: set[int] = set()

    def __len__(self) -> int:
        return len(self._settled) + len(self._recent)

    def __contains__(self, value: object) -> bool:
        if value in self._recent or value in self._hot:
            return True
        if not isinstance(value, int) or not len(self._settled):
            return False
        settled = self._settled
        at = int(settled.searchsorted(value))
        if at < len(settled) and int(settled[at]) == value:
            if len(self._hot) < HOT_MAX:
                self._hot.add(value)
            return True
        return False

    def add(self, value: int) -> bool:
        """Add ``value``; True when it was not in the set."""
        if value in self:
            return False
        self._recent.add(value)
        if len(self._recent) >= MERGE_AT:
            self._merge()
        return True

    def _merge(self) -> None:
        import numpy as np

        new = np.fromiter(self._recent, dtype=np.int64, count=len(self._recent))
        new.sort()
        self._settled = np.insert(self._settled, self._settled.searchsorted(new), new)
        self._recent = set()
        self._hot = set()
