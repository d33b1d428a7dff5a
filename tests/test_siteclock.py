from datetime import UTC, datetime, timedelta, timezone

from newscrawl.extract.siteclock import SiteClock, date_pairs, offset_of

KYIV_WINTER = timezone(timedelta(hours=2))


def test_offset_of_rejects_implausible_pairs() -> None:
    local = datetime(2024, 12, 11, 15, 18)
    assert offset_of(local, datetime(2024, 12, 11, 13, 18, tzinfo=UTC)) == timedelta(hours=2)
    assert offset_of(local, datetime(2024, 12, 11, 13, 11, tzinfo=UTC)) is None  # not 15-min
    assert offset_of(local, datetime(2024, 12, 9, 13, 18, tzinfo=UTC)) is None  # two days off
    assert offset_of(local.replace(tzinfo=UTC), datetime(2024, 12, 11, tzinfo=UTC)) is None


def test_no_evidence_no_guess() -> None:
    assert SiteClock().to_utc(datetime(2024, 12, 11, 15, 18)) is None


def test_winter_evidence_converts_summer_time_by_majority_of_zones() -> None:
    clock = SiteClock()
    assert clock.observe(
        datetime(2024, 12, 11, 15, 18), datetime(2024, 12, 11, 15, 18, tzinfo=KYIV_WINTER)
    )
    assert clock.to_utc(datetime(2024, 12, 9, 13, 50)) == datetime(2024, 12, 9, 11, 50, tzinfo=UTC)
    # October: most zones at +02:00 in December keep summer time (+03:00) then.
    assert clock.to_utc(datetime(2024, 10, 25, 9, 40)) == datetime(2024, 10, 25, 6, 40, tzinfo=UTC)


def test_summer_and_winter_evidence_narrow_the_zones() -> None:
    clock = SiteClock()
    new_york_winter = timezone(timedelta(hours=-5))
    new_york_summer = timezone(timedelta(hours=-4))
    clock.observe(
        datetime(2024, 12, 11, 9, 0), datetime(2024, 12, 11, 9, 0, tzinfo=new_york_winter)
    )
    clock.observe(datetime(2024, 7, 1, 9, 0), datetime(2024, 7, 1, 9, 0, tzinfo=new_york_summer))
    assert clock.observations == 2
    keys = {z.key for z in clock.candidates or ()}
    assert "America/New_York" in keys
    assert not {k for k in keys if k.startswith(("Europe/", "Asia/", "America/Bogota"))}
    assert clock.to_utc(datetime(2024, 3, 1, 12, 0)) == datetime(2024, 3, 1, 17, 0, tzinfo=UTC)


def test_a_contradicting_pair_is_ignored() -> None:
    clock = SiteClock()
    clock.observe(datetime(2024, 12, 11, 15, 0), datetime(2024, 12, 11, 13, 0, tzinfo=UTC))
    # +05:45 (Kathmandu) in the same week contradicts every +02:00 zone: rejected.
    assert not clock.observe(
        datetime(2024, 12, 12, 15, 45), datetime(2024, 12, 12, 10, 0, tzinfo=UTC)
    )
    assert clock.to_utc(datetime(2024, 12, 13, 10, 0)) == datetime(2024, 12, 13, 8, 0, tzinfo=UTC)


def test_date_pairs_pair_local_with_offset_times_of_the_same_moment() -> None:
    from newscrawl.extract.siteclock import date_pairs, is_local_time

    raws = ["December 11, 2024 3:18 PM", "2024-12-11T15:18:00+02:00", "2024-12-10T08:00:00Z"]
    pairs = date_pairs(raws)
    assert pairs == [
        (datetime(2024, 12, 11, 15, 18), datetime(2024, 12, 11, 15, 18, tzinfo=KYIV_WINTER))
    ]
    assert is_local_time("December 11, 2024 3:18 PM")
    assert not is_local_time("2024-12-11T15:18:00+02:00")
    assert not is_local_time("not a date")
    assert not is_local_time("2024-12-11")


def test_a_bare_date_teaches_no_offset() -> None:
    # Midnight of a date-only value is no wall-clock time: pairing it with the
    # same story's timestamp would "learn" -06:15 here.
    assert date_pairs(["2024-12-13", "2024-12-13T06:15:00Z"]) == []
    assert date_pairs(["13. Dezember 2024", "2024-12-13T06:15:00Z"]) == []
    assert date_pairs(["13. Dezember 2024, 7.15 Uhr", "2024-12-13T06:15:00Z"]) != []


def test_a_time_the_zones_still_disagree_on_is_not_read() -> None:
    clock = SiteClock()
    assert not clock.reads("2024-12-10T19:30:00")  # no evidence yet
    summer = timezone(timedelta(hours=-4))
    assert clock.observe(datetime(2024, 7, 1, 9, 0), datetime(2024, 7, 1, 9, 0, tzinfo=summer))
    # New York (-5 in December) and Puerto Rico (-4 all year) both fit that pair.
    assert clock.reads("2024-07-02T10:00:00")
    assert not clock.reads("2024-12-10T19:30:00")
    assert clock.reads("2024-12-10T19:30:00-05:00")  # an offset needs no clock
    assert clock.reads("2024-12-10")  # nor a bare date
    winter = timezone(timedelta(hours=-5))
    assert clock.observe(datetime(2024, 12, 11, 9, 0), datetime(2024, 12, 11, 9, 0, tzinfo=winter))
    assert clock.reads("2024-12-10T19:30:00")
