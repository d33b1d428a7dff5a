"""Page validators on SQLite and the real PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Engine

from newscrawl.storage.migrate import ensure_schema
from newscrawl.storage.validators import Validators, load_validators, save_validators


def test_validators_round_trip_and_update(empty_engine: Engine) -> None:
    ensure_schema(empty_engine)
    assert load_validators(empty_engine, ["http://a.test/"]) == {}
    save_validators(
        empty_engine,
        {
            "http://a.test/news/": Validators('"abc"', None),
            "http://a.test/feed/": Validators(None, "Wed, 11 Dec 2024 13:18:00 GMT"),
            "http://b.test/news/": Validators('"other"', None),
            "http://a.test_x/news/": Validators('"lookalike"', None),
        },
    )
    save_validators(empty_engine, {"http://a.test/news/": Validators('"def"', None)})
    assert load_validators(empty_engine, ["http://a.test"]) == {
        "http://a.test/news/": Validators('"def"', None),
        "http://a.test/feed/": Validators(None, "Wed, 11 Dec 2024 13:18:00 GMT"),
    }
    assert save_validators(empty_engine, {}) == 0
