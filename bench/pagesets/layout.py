"""Lay out the page-type test set from local git mirrors of its source repositories.

The repo ships only ``pagetype.jsonl``: one row per real page (source repository,
path, commit, original URL, label). The pages themselves stay their publishers'
copyright and are never committed here; this script reads each one from a bare
git mirror of its source repository and writes::

    OUT/pages/<id>.html.gz   gzip of the page's original bytes
    OUT/labels.json          {id: {url, label, subkind, repo, label_source[, encoding]}}

``encoding`` is present only where the page is not UTF-8. Usage::

    python bench/pagesets/layout.py --manifest bench/pagesets/pagetype.jsonl \\
        --out /work/data/pagetype [--mirrors /work/.mirror]

A mirror of ``owner/name`` is looked for at ``MIRRORS/owner+name/repo`` (what the
search tool's ``fetch`` makes), then ``MIRRORS/owner+name``, ``MIRRORS/owner/name``
and ``MIRRORS/owner/name.git``. A repository with no mirror, or a mirror lacking
the commit, is named on stderr with the ``fetch`` it needs; the other pages are
still laid out and the exit status is 1. Standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MANIFEST = Path(__file__).resolve().parent / "pagetype.jsonl"
DEFAULT_MIRRORS = Path("/work/.mirror")
LABELS = ("article", "listing", "other")
LABEL_SOURCES = ("dataset", "manual")
REQUIRED = ("id", "repo", "path", "commit", "url", "label", "subkind", "label_source", "gzip")
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class Page:
    """One manifest row."""

    id: str
    repo: str
    path: str
    commit: str
    url: str | None
    label: str
    subkind: str
    label_source: str
    gzip: bool
    encoding: str | None = None


def read_manifest(path: Path) -> list[Page]:
    """Parse and check the manifest; raise ValueError naming the first bad line."""
    pages: list[Page] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            where = f"{path}:{lineno}"
            missing = [k for k in REQUIRED if k not in row]
            if missing:
                raise ValueError(f"{where}: missing {', '.join(missing)}")
            if row["label"] not in LABELS:
                raise ValueError(f"{where}: label {row['label']!r} not one of {LABELS}")
            if row["label_source"] not in LABEL_SOURCES:
                raise ValueError(f"{where}: label_source {row['label_source']!r}")
            if not COMMIT_RE.match(row["commit"]):
                raise ValueError(f"{where}: commit {row['commit']!r} is not 40 hex digits")
            if row["id"] in seen:
                raise ValueError(f"{where}: duplicate id {row['id']!r}")
            seen.add(row["id"])
            pages.append(
                Page(
                    id=row["id"],
                    repo=row["repo"],
                    path=row["path"],
                    commit=row["commit"],
                    url=row["url"],
                    label=row["label"],
                    subkind=row["subkind"],
                    label_source=row["label_source"],
                    gzip=bool(row["gzip"]),
                    encoding=row.get("encoding"),
                )
            )
    return pages


def is_git_dir(path: Path) -> bool:
    """A bare git directory has HEAD and objects/ at its top."""
    return (path / "HEAD").is_file() and (path / "objects").is_dir()


def find_mirror(mirrors: Path, repo: str) -> Path | None:
    """The bare git dir of ``owner/name`` under ``mirrors``, or None."""
    owner, _, name = repo.partition("/")
    for cand in (
        mirrors / f"{owner}+{name}" / "repo",
        mirrors / f"{owner}+{name}",
        mirrors / owner / name,
        mirrors / owner / f"{name}.git",
    ):
        if is_git_dir(cand):
            return cand
    return None


class GitReader:
    """Reads blobs through one ``git cat-file --batch`` process per mirror."""

    def __init__(self, git_dir: Path) -> None:
        self.proc = subprocess.Popen(
            ["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def read(self, commit: str, path: str) -> bytes | None:
        """The blob at ``commit:path``, or None when the mirror lacks it."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{commit}:{path}\n".encode())
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().decode().split()
        if len(header) != 3:  # "<name> missing"
            return None
        data = self.proc.stdout.read(int(header[2]))
        self.proc.stdout.read(1)  # the newline after each object
        return data if header[1] == "blob" else None

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait()


def page_bytes(blob: bytes, stored_gzip: bool) -> bytes:
    """The page's original bytes: the blob, un-gzipped when stored gzipped."""
    if stored_gzip or blob[:2] == b"\x1f\x8b":
        return gzip.decompress(blob)
    return blob


def layout(pages: list[Page], out: Path, mirrors: Path) -> int:
    """Write pages and labels; report what could not be laid out. Returns an exit code."""
    pages_dir = out / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    by_repo: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        by_repo[page.repo].append(page)

    labels: dict[str, dict[str, str | None]] = {}
    no_mirror: dict[str, int] = {}
    not_in_mirror: dict[str, list[Page]] = defaultdict(list)
    for repo, repo_pages in sorted(by_repo.items()):
        git_dir = find_mirror(mirrors, repo)
        if git_dir is None:
            no_mirror[repo] = len(repo_pages)
            continue
        reader = GitReader(git_dir)
        try:
            for page in repo_pages:
                blob = reader.read(page.commit, page.path)
                if blob is None:
                    not_in_mirror[repo].append(page)
                    continue
                raw = page_bytes(blob, page.gzip)
                target = pages_dir / f"{page.id}.html.gz"
                target.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
                entry: dict[str, str | None] = {
                    "url": page.url,
                    "label": page.label,
                    "subkind": page.subkind,
                    "repo": page.repo,
                    "label_source": page.label_source,
                }
                if page.encoding:
                    entry["encoding"] = page.encoding
                labels[page.id] = entry
        finally:
            reader.close()

    (out / "labels.json").write_text(
        json.dumps(dict(sorted(labels.items())), indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    print(f"laid out {len(labels)} of {len(pages)} pages in {out}")
    for repo, count in sorted(no_mirror.items()):
        print(
            f"MISSING mirror of {repo} ({count} pages): no git dir under {mirrors}; "
            f"bring it with the search tool's `fetch github:{repo}` and run this again",
            file=sys.stderr,
        )
    for repo, missed in sorted(not_in_mirror.items()):
        commits = sorted({p.commit for p in missed})
        print(
            f"MISSING in mirror of {repo}: {len(missed)} pages not found at commit(s) "
            f"{', '.join(commits)} (e.g. {missed[0].path}); the mirror may be a different "
            f"snapshot: `fetch github:{repo}` again, or re-pin the manifest rows",
            file=sys.stderr,
        )
    return 1 if no_mirror or not_in_mirror else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--mirrors", type=Path, default=DEFAULT_MIRRORS)
    args = parser.parse_args(argv)
    try:
        pages = read_manifest(args.manifest)
    except (OSError, ValueError) as exc:
        print(f"bad manifest: {exc}", file=sys.stderr)
        return 2
    return layout(pages, args.out, args.mirrors)


if __name__ == "__main__":
    sys.exit(main())
