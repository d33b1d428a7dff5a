"""Full-text search over stored articles: FTS5 on SQLite, tsvector on PostgreSQL.

The user's query syntax is the same on both databases: plain words (all must
match), ``"quoted phrases"`` and ``-excluded`` words or ``-"phrases"``. Nothing
else is syntax: ``OR``, ``NEAR``, ``*`` or a stray quote are words or nothing,
never an error. Each term is reduced to its word tokens (letters, digits,
marks) before it reaches the database, so no user input can form an FTS5 or
tsquery operator.

Ranks: bm25 on SQLite (title weighs 10, description 4, body 1), ``ts_rank_cd``
on PostgreSQL (weights A/B/C from migration 0002). Both put a title match
above a body match; their numbers are not comparable with each other.

One difference by design: when more than ``PG_RANK_WINDOW`` (2,000) articles
match on PostgreSQL, only the most recently published 2,000 of them are ranked.
``ts_rank_cd`` needs each match's whole tsvector (about 5 KB for a 600-word
article, stored out of line in TOAST): ranking the 23,500 matches of a
frequent word among 100,000 articles took 200-430 ms, with the window ~35 ms
(bench/search_latency.py). For news the newest matches are the ones a reader
wants, and a narrower query (more words, ``--since``, ``--site``) that finds
fewer has all of them ranked. SQLite's bm25 reads the FTS5 index only and
ranks every match within budget, so it has no window.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Engine,
    Select,
    String,
    bindparam,
    cast,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
)
from sqlalchemy.dialects.postgresql import REGCONFIG

from newscrawl.storage.models import FTS_TABLE, SEARCH_VECTOR, to_utc
from newscrawl.storage.upsert import ARTICLES, SITES

#: The text search configuration of the PostgreSQL column (see migration 0002).
TS_CONFIG = "simple"
#: Marks around matched words in snippets.
MARK_START, MARK_END = "«", "»"
#: bm25 weights of the FTS5 columns: title, description, body.
BM25_WEIGHTS = (10.0, 4.0, 1.0)
#: PostgreSQL ranks at most this many matches: the most recently published ones.
PG_RANK_WINDOW = 2000
#: Words in a snippet (FTS5 tokens; ts_headline MaxWords).
SNIPPET_WORDS = 24

_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, "
    f'MinWords={SNIPPET_WORDS // 2}, MaxFragments=2, FragmentDelimiter=" … "'
)


@dataclass(frozen=True)
class ParsedQuery:
    """A user query as phrases of word tokens: all of ``include``, none of ``exclude``."""

    include: tuple[str, ...]
    exclude: tuple[str, ...]

    def __bool__(self) -> bool:
        # A query of exclusions only matches nothing: there is nothing to rank by.
        return bool(self.include)


@dataclass(frozen=True)
class SearchHit:
    """One article found by ``search``, best first."""

    canonical_url: str
    title: str | None
    site: str | None
    published_at: str | None
    rank: float
    snippet: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_query(query: str) -> ParsedQuery:
    """Split ``query`` into phrases to include and to exclude.

    >>> parse_query('storm "sea wall" -tourism')
    ParsedQuery(include=('storm', 'sea wall'), exclude=('tourism',))
    """
    include: list[str] = []
    exclude: list[str] = []
    for match in _TERM.finditer(query or ""):
        negated = bool(match.group(1) or match.group(3))
        phrase = " ".join(word_tokens(match.group(2) or match.group(4) or ""))
        if phrase:
            (exclude if negated else include).append(phrase)
    return ParsedQuery(tuple(dict.fromkeys(include)), tuple(dict.fromkeys(exclude)))


def word_tokens(text: str) -> list[str]:
    """The words of ``text`` as FTS5's unicode61 tokenizer cuts them.

    Letters, numbers and combining marks make words; everything else
    (spaces, punctuation, symbols) separates them. ``e-mail`` is two words.
    """
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if unicodedata.category(char)[0] in "LNM" or unicodedata.category(char) == "Co":
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def fts5_expression(parsed: ParsedQuery) -> str:
    """An FTS5 MATCH expression for ``parsed`` (every phrase double-quoted).

    Phrases hold only word characters, so quoting cannot be escaped from.
    """
    included = " AND ".join(f'"{phrase}"' for phrase in parsed.include)
    if not parsed.exclude:
        return included
    excluded = " OR ".join(f'"{phrase}"' for phrase in parsed.exclude)
    return f"({included}) NOT ({excluded})"


def search(
    engine: Engine,
    query: str,
    *,
    site: str | None = None,
    since: datetime | None = None,
    limit: int = 20,
    originals_only: bool = False,
) -> list[SearchHit]:
    """The articles matching ``query``, best first, at most ``limit``.

    ``site`` keeps one site's articles; ``since`` those published at or after
    it (a naive value is UTC); ``originals_only`` leaves out the articles
    stored as a duplicate of another (syndicated copies, edited versions).
    A query with no words returns nothing.
    """
    parsed = parse_query(query)
    if not parsed or limit <= 0:
        return []
    filters = Filters(site, since, originals_only)
    if engine.dialect.name == "postgresql":
        return _search_postgresql(engine, parsed, filters, limit)
    return _search_sqlite(engine, parsed, filters, limit)


def match_condition(dialect: str, parsed: ParsedQuery) -> ColumnElement[bool]:
    """A WHERE condition on ``articles`` keeping the rows that match ``parsed``.

    For queries that filter without ranking (``export --query``).
    """
    if dialect == "postgresql":
        condition: ColumnElement[bool] = _vector().op("@@", return_type=Boolean)(
            _tsquery(parsed.include, "inc")
        )
        if parsed.exclude:
            excluded = _vector().op("@@", return_type=Boolean)(
                _tsquery(parsed.exclude, "exc", "||")
            )
            condition = condition & ~excluded
        return condition
    fts = table(FTS_TABLE, column("rowid"))
    matching = select(fts.c.rowid).where(_fts_match(parsed))
    return ARTICLES.c.id.in_(matching.scalar_subquery())


# --- SQLite ---


def _fts_match(parsed: ParsedQuery) -> ColumnElement[bool]:
    expression = bindparam("fts_query", fts5_expression(parsed), type_=String)
    return literal_column(FTS_TABLE).op("MATCH", return_type=Boolean)(expression)


def _search_sqlite(
    engine: Engine, parsed: ParsedQuery, filters: Filters, limit: int
) -> list[SearchHit]:
    fts = table(FTS_TABLE, column("rowid"))
    score = func.bm25(literal_column(FTS_TABLE), *BM25_WEIGHTS)
    ranked = _hit_columns(select(score.label("score"))).join(fts, fts.c.rowid == ARTICLES.c.id)
    ranked = filters.apply(ranked.where(_fts_match(parsed)))
    # bm25 is lower for better matches; ties go to the most recently stored article.
    ranked = ranked.order_by(score, ARTICLES.c.id.desc()).limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(ranked).mappings().all()
        # snippet() only in a second query over the few winners: in the first one
        # SQLite would build a snippet for every match before sorting.
        snippets = dict(
            conn.execute(
                select(
                    fts.c.rowid,
                    func.snippet(
                        literal_column(FTS_TABLE), -1, MARK_START, MARK_END, "…", SNIPPET_WORDS
                    ),
                ).where(_fts_match(parsed), fts.c.rowid.in_([row["id"] for row in rows]))
            ).all()
        )
    return [_hit(row, -float(row["score"]), snippets.get(row["id"]) or "") for row in rows]


# --- PostgreSQL ---


def _vector() -> ColumnElement[Any]:
    return literal_column(f"{ARTICLES.name}.{SEARCH_VECTOR}")


def _ts_config() -> ColumnElement[Any]:
    return cast(literal(TS_CONFIG), REGCONFIG)


def _tsquery(phrases: tuple[str, ...], prefix: str, operator: str = "&&") -> ColumnElement[Any]:
    """``phraseto_tsquery`` of each phrase, joined with ``&&`` (all) or ``||`` (any).

    Not ``websearch_to_tsquery``: it reads ``or`` as an operator, which FTS5
    (every phrase quoted) would read as a word; per-phrase calls keep both
    databases matching the same articles.
    """
    terms = [
        func.phraseto_tsquery(_ts_config(), bindparam(f"{prefix}_{number}", phrase))
        for number, phrase in enumerate(phrases)
    ]
    combined: ColumnElement[Any] = terms[0]
    for term in terms[1:]:
        combined = combined.op(operator)(term)
    return combined


def _search_postgresql(
    engine: Engine, parsed: ParsedQuery, filters: Filters, limit: int
) -> list[SearchHit]:
    rank = func.ts_rank_cd(_vector(), _tsquery(parsed.include, "inc"))
    matches = select(ARTICLES.c.id).select_from(
        ARTICLES.outerjoin(SITES, ARTICLES.c.site_id == SITES.c.id)
    )
    matches = filters.apply(matches.where(match_condition("postgresql", parsed)))
    # The rank window: ranking must read each match's whole tsvector from TOAST.
    window = matches.order_by(ARTICLES.c.published_at.desc().nulls_last(), ARTICLES.c.id.desc())
    window = window.limit(PG_RANK_WINDOW)
    ranked = _hit_columns(select(rank.label("score")))
    ranked = ranked.where(ARTICLES.c.id.in_(window.scalar_subquery()))
    top = ranked.order_by(rank.desc(), ARTICLES.c.id.desc()).limit(limit).subquery()
    # ts_headline re-parses a whole article, and the text is read from TOAST:
    # both only for the winners, outside the LIMIT.
    text = ARTICLES.alias("shown")
    headline = func.ts_headline(
        _ts_config(),
        func.concat_ws(" · ", text.c.title, text.c.description, text.c.body),
        _tsquery(parsed.include, "head"),
        _HEADLINE_OPTIONS,
    )
    query = (
        select(*top.c, headline.label("snippet"))
        .join_from(top, text, text.c.id == top.c.id)
        .order_by(top.c.score.desc(), top.c.id.desc())
    )
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [_hit(row, float(row["score"]), row["snippet"] or "") for row in rows]


# --- shared ---


def _hit_columns(query: Select[Any]) -> Select[Any]:
    return query.add_columns(
        ARTICLES.c.id,
        ARTICLES.c.canonical_url,
        ARTICLES.c.title,
        ARTICLES.c.published_at,
        SITES.c.name.label("site"),
    ).select_from(ARTICLES.outerjoin(SITES, ARTICLES.c.site_id == SITES.c.id))


class Filters(NamedTuple):
    """Which articles a search or an export keeps, besides the query."""

    site: str | None = None
    since: datetime | None = None
    originals_only: bool = False

    def apply(self, query: Select[Any]) -> Select[Any]:
        """``query`` (over ``articles`` joined to ``sites``) with these filters."""
        if self.site is not None:
            query = query.where(SITES.c.name == self.site)
        if self.since is not None:
            query = query.where(ARTICLES.c.published_at >= to_utc(self.since))
        if self.originals_only:
            query = query.where(ARTICLES.c.duplicate_of.is_(None))
        return query


def _hit(row: Any, rank: float, snippet: str) -> SearchHit:
    published = row["published_at"]
    return SearchHit(
        canonical_url=row["canonical_url"],
        title=row["title"],
        site=row["site"],
        published_at=None if published is None else to_utc(published).isoformat(),
        rank=rank,
        snippet=" ".join(snippet.split()),
    )
