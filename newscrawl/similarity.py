"""Near-duplicate bodies: MinHash signatures and an LSH index over them (datasketch).

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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import LeanMinHash, MinHashLSH

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

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(grams))
    return LeanMinHash(minhash)


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
    which pairs are looked at.
    """

    def __init__(self, threshold: float) -> None:
        if not 0 < threshold <= 1:
            raise ValueError(f"a similarity threshold is in (0, 1], not {threshold}")
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.lsh: MinHashLSH = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[Hashable, LeanMinHash] = {}
        self.originals: dict[Hashable, Hashable] = {}
        self._order: dict[Hashable, int] = {}
        self._added = 0

    def __len__(self) -> int:
        return len(self.signatures)

    def __contains__(self, key: Hashable) -> bool:
        return key in self.signatures

    def add(self, key: Hashable, sig: LeanMinHash, original: Hashable | None = None) -> None:
        """Index ``sig`` under ``key``; ``original`` is the article it duplicates, if any."""
        if key in self.signatures:
            self.remove(key)
        self.lsh.insert(key, sig, check_duplication=False)
        self.signatures[key] = sig
        self._order[key] = self._added
        self._added += 1
        self.originals[key] = self.originals.get(original, original) if original else key

    def remove(self, key: Hashable) -> None:
        """Forget ``key`` (no error when it is not indexed)."""
        if self.signatures.pop(key, None) is not None:
            self.lsh.remove(key)
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
        best: tuple[float, int, Hashable] | None = None
        for key in self.lsh.query(sig):
            if key == exclude or self.originals.get(key) == exclude:
                continue
            if accept is not None and not accept(key):
                continue
            similarity = float(sig.jaccard(self.signatures[key]))
            if similarity < self.threshold:
                continue
            rank = (similarity, -self._order[key], key)
            if best is None or rank[:2] > best[:2]:
                best = rank
        return None if best is None else (self.originals[best[2]], best[0])
