"""Near-duplicate bodies: MinHash signatures (datasketch) and an LSH index over them.

Two articles are near-duplicates when the estimated Jaccard similarity of their
bodies' word shingles reaches a threshold: a wire story on two sites, or a
lightly edited version. Each article in the index points to its *original*,
the first-seen article of its group, so a copy of a copy still points to the
first.

datasketch is imported on first use: it pulls in scipy, which costs most of a
second, and a recrawl that finds nothing new never needs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datasketch import LeanMinHash

#: Words per shingle. Four: one edited word changes four shingles, so a lightly
#: edited copy stays well above the threshold, while two different stories on
#: the same topic share almost no run of four words.
SHINGLE_WORDS = 4
#: Permutations per signature: 512 bytes stored per article, and an estimate of
#: the similarity within about +-0.05 of the true value at 0.8.
NUM_PERM = 128
#: Fewer shingles than this give no signature: short texts (a two-line brief, a
#: paywall teaser) look alike by chance.
MIN_SHINGLES = 30
#: The seed and hashing scheme are part of the stored format: signatures made
#: with another cannot be compared, so neither is left to datasketch's defaults.
SEED = 1
SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of ``size``-word shingles of ``text``, case folded."""
    words = _WORD.findall(text.casefold())
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str | None) -> LeanMinHash | None:
    """The MinHash signature of a body, or None when it is too short to compare."""
    if not text:
        return None
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    from datasketch import LeanMinHash, MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(list(grams))
    return LeanMinHash(minhash)


@cache
def _permutations() -> Any:
    """The seed's permutations, drawn once: drawing them is a quarter of a signature's cost."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def to_bytes(sig: LeanMinHash) -> bytes:
    """A signature as stored: its hash values as little-endian unsigned 32-bit ints."""
    return sig.hashvalues.astype("<u4").tobytes()


def from_bytes(data: bytes) -> LeanMinHash:
    """The signature ``to_bytes`` stored. Raises ``ValueError`` for a foreign size."""
    import numpy as np
    from datasketch import LeanMinHash

    if len(data) != NUM_PERM * 4:
        raise ValueError(f"a signature has {NUM_PERM * 4} bytes, not {len(data)}")
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """An LSH index of signatures, each key pointing to its group's original.

    ``find`` verifies every LSH candidate with the estimated Jaccard similarity,
    so the threshold is exact up to the MinHash estimate; LSH only decides
    which pairs are looked at. The bands are datasketch's (its optimal
    ``(bands, rows)`` for the threshold and equal weights, as ``MinHashLSH``
    chooses them): two signatures are candidates when all the hash values of
    one band are equal.

    Written here rather than datasketch's ``MinHashLSH``: that one keeps each
    signature as a ``LeanMinHash`` and one bytes key in a set in a dict per band
    (25 at the default threshold), about 8.7 KB a signature in some 50 small
    objects. A long crawl lets days of signatures go and reads them back by the
    million, and that churn of small objects left the process's memory growing
    long after the index stopped (pymalloc returns an arena only when all of it
    is free). Here a signature is one row of a numpy array (512 bytes) and its
    band hashes one row of another (8 bytes a band); a query compares the band
    hashes of every indexed row at once, which at the default cap of 10,000
    signatures costs less than datasketch's dict lookups and inserts did.
    """

    def __init__(self, threshold: float) -> None:
        if not 0 < threshold <= 1:
            raise ValueError(f"a similarity threshold is in (0, 1], not {threshold}")
        import numpy as np
        from datasketch.lsh import _optimal_param

        self.threshold = threshold
        self.bands, self.rows = _optimal_param(threshold, NUM_PERM, 0.5, 0.5)
        #: One odd 64-bit multiplier per row of a band: a band's hash is the sum of
        #: its values times these, modulo 2**64. Equal bands hash equal; unequal
        #: bands that collide only add a candidate, which the check then refuses.
        self._mix = np.random.default_rng(SEED).integers(
            1, 2**63, size=self.rows, dtype=np.uint64
        ) * np.uint64(2) + np.uint64(1)
        self._values = np.zeros((0, NUM_PERM), dtype=np.uint32)
        self._hashes = np.zeros((0, self.bands), dtype=np.uint64)
        self._live = np.zeros(0, dtype=bool)
        #: Slot -> key (None: free), key -> slot, and the free slots below ``_used``.
        self._keys: list[Hashable | None] = []
        self._slot: dict[Hashable, int] = {}
        self._free: list[int] = []
        self._used = 0
        self.originals: dict[Hashable, Hashable] = {}
        self._order: dict[Hashable, int] = {}
        self._added = 0

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._slot

    def add(self, key: Hashable, sig: LeanMinHash, original: Hashable | None = None) -> None:
        """Index ``sig`` under ``key``; ``original`` is the article it duplicates, if any."""
        if key in self._slot:
            self.remove(key)
        values = self._row(sig)
        slot = self._free.pop() if self._free else self._grow()
        self._values[slot] = values
        self._hashes[slot] = self._band_hashes(values)
        self._live[slot] = True
        self._keys[slot] = key
        self._slot[key] = slot
        self._order[key] = self._added
        self._added += 1
        self.originals[key] = self.originals.get(original, original) if original else key

    def remove(self, key: Hashable) -> None:
        """Forget ``key`` (no error when it is not indexed)."""
        slot = self._slot.pop(key, None)
        if slot is not None:
            self._live[slot] = False
            self._keys[slot] = None
            self._free.append(slot)
            self.originals.pop(key, None)
            self._order.pop(key, None)

    def find(
        self,
        sig: LeanMinHash,
        exclude: Hashable | None = None,
        accept: Callable[[Hashable], bool] | None = None,
    ) -> tuple[Hashable, float] | None:
        """The original of the most similar indexed article at or above the threshold.

        Returns ``(original key, similarity)``, or None. ``exclude`` is left out
        (the article itself, when a changed version is checked again), and so
        is every key ``accept`` refuses. Ties go to the key indexed first.
        """
        import numpy as np

        values = self._row(sig)
        used = self._used
        hit = (self._hashes[:used] == self._band_hashes(values)).any(axis=1)
        slots = np.flatnonzero(hit & self._live[:used])
        if not len(slots):
            return None
        similarities = (self._values[slots] == values).sum(axis=1) / NUM_PERM
        best: tuple[float, int, Hashable] | None = None
        for slot, similarity in zip(slots.tolist(), similarities.tolist(), strict=True):
            if similarity < self.threshold:
                continue
            key = self._keys[slot]
            if key == exclude or self.originals.get(key) == exclude:
                continue
            if accept is not None and not accept(key):
                continue
            rank = (similarity, -self._order[key], key)
            if best is None or rank[:2] > best[:2]:
                best = rank
        return None if best is None else (self.originals[best[2]], best[0])

    def _row(self, sig: LeanMinHash) -> Any:
        import numpy as np

        values = np.asarray(sig.hashvalues, dtype=np.uint32)
        if values.shape != (NUM_PERM,):
            raise ValueError(f"a signature has {NUM_PERM} hash values, not {values.shape}")
        return values

    def _band_hashes(self, values: Any) -> Any:
        width = self.bands * self.rows
        bands = values[:width].astype("uint64").reshape(self.bands, self.rows)
        return (bands * self._mix).sum(axis=1, dtype="uint64")

    def _grow(self) -> int:
        """A new slot at the end, doubling the arrays when they are full."""
        import numpy as np

        if self._used == len(self._live):
            size = max(64, 2 * len(self._live))
            self._values = np.resize(self._values, (size, NUM_PERM))
            self._hashes = np.resize(self._hashes, (size, self.bands))
            live = np.zeros(size, dtype=bool)
            live[: len(self._live)] = self._live
            self._live = live
            self._keys.extend([None] * (size - len(self._keys)))
        self._used += 1
        return self._used - 1
