"""Ticket numbers, offline blocks and the priority rule of the hall's queue (core.queue)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from clerk_app.core.queue import (
    TIER_APPOINTMENT,
    TIER_ORDINARY,
    TIER_OVERDUE,
    TIER_PRIORITY,
    TicketNo,
    TicketNumberError,
    Waiting,
    format_ticket,
    next_offline_seq,
    offline_block_of,
    offline_range,
    parse_ticket,
    pick_next,
    queue_order,
    tier,
)

T0 = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)  # 09:00 in the hall
LIMIT = timedelta(minutes=30)


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("a12", "A012"),
        ("A012", "A012"),
        (" b 7 ", "B007"),
        ("C-999", "C999"),
        ("Ａ０１２", "A012"),  # full-width, as some Chinese input methods type it
        ("z1", "Z001"),
    ],
)
def test_a_number_typed_at_the_window_reads_as_printed(typed, number):
    assert str(parse_ticket(typed)) == number


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("A0", "zero"),
        ("A000", "zero"),
        ("A1234", "shape"),
        ("12", "shape"),
        ("AB12", "shape"),
        ("A12B", "shape"),
        ("甲012", "shape"),
        ("A١٢", "shape"),  # Arabic-Indic digits are not ticket digits
    ],
)
def test_a_mistyped_number_is_refused_saying_why(typed, code):
    with pytest.raises(TicketNumberError) as refused:
        parse_ticket(typed)
    assert refused.value.code == code
    assert str(refused.value)


def test_format_refuses_a_bad_prefix_or_sequence():
    assert format_ticket("A", 12) == "A012"
    for prefix, seq in (("a", 1), ("AB", 1), ("", 1), ("A", 0), ("A", 1000), ("A", True)):
        with pytest.raises(TicketNumberError):
            format_ticket(prefix, seq)


@given(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), st.integers(1, 999))
def test_every_printed_number_reads_back(prefix, seq):
    printed = format_ticket(prefix, seq)
    assert parse_ticket(printed) == TicketNo(prefix, seq)
    assert parse_ticket(printed.lower()) == TicketNo(prefix, seq)


def test_offline_blocks_never_meet_the_online_numbers_or_each_other():
    eight, nine = offline_range(8), offline_range(9)
    assert (eight.start, eight.stop - 1, nine.start, nine.stop - 1) == (800, 899, 900, 999)
    assert offline_block_of(799) is None and offline_block_of(1) is None
    assert offline_block_of(800) == 8 and offline_block_of(999) == 9
    with pytest.raises(ValueError):
        offline_range(7)


def test_a_cut_off_kiosk_numbers_on_from_its_own_block():
    assert next_offline_seq(8, []) == 800
    assert next_offline_seq(8, [12, 800, 801, 905]) == 802
    assert next_offline_seq(9, [800, 801]) == 900
    with pytest.raises(ValueError, match="used up"):
        next_offline_seq(9, [999])


# --- the priority rule --------------------------------------------------------------------


def ticket(number, minutes, *, cls="", appointment=False, category="A"):
    return Waiting(number, category, T0 + timedelta(minutes=minutes), cls, appointment)


def test_the_four_tiers_in_order():
    now = T0 + timedelta(minutes=40)
    ordinary = ticket("A003", 20)
    overdue = ticket("A001", 0)  # waited 40 min > 30
    elderly = ticket("A002", 10, cls="elderly")
    booked = ticket("A004", 35, appointment=True)
    slots = {"A004": T0 + timedelta(minutes=30)}
    order = queue_order(
        [ordinary, elderly, booked, overdue],
        now,
        wait_limit=LIMIT,
        slot_of=lambda t: slots[t.number],
    )
    assert [t.number for t in order] == ["A004", "A001", "A002", "A003"]


def test_an_appointment_before_its_slot_waits_like_anyone():
    early = ticket("A001", 0, appointment=True)
    slot = T0 + timedelta(hours=2)
    now = T0 + timedelta(minutes=5)
    assert tier(early, now, wait_limit=LIMIT, slot_of=lambda _t: slot) == TIER_ORDINARY
    assert tier(early, slot, wait_limit=timedelta(hours=3), slot_of=lambda _t: slot) == (
        TIER_APPOINTMENT
    )


def test_wait_limits_are_per_category():
    now = T0 + timedelta(minutes=20)
    a, b = ticket("A001", 0, category="A"), ticket("B001", 0, category="B")
    limits = {"A": timedelta(minutes=10), "B": timedelta(minutes=60)}
    assert tier(a, now, wait_limit=limits) == TIER_OVERDUE
    assert tier(b, now, wait_limit=limits) == TIER_ORDINARY
    assert tier(ticket("B002", 15, cls="military", category="B"), now, wait_limit=limits) == (
        TIER_PRIORITY
    )


def test_a_transferred_ticket_keeps_its_place_by_its_first_issue_time():
    now = T0 + timedelta(minutes=10)
    moved = ticket("B031", 1, category="B")  # transferred from A002, issued at T0+1
    later = ticket("B002", 5, category="B")
    assert pick_next([later, moved], now, wait_limit=LIMIT) == moved


def test_ties_go_by_number_and_nobody_waiting_is_none():
    assert pick_next([], T0) is None
    same = [ticket("A002", 0), ticket("A001", 0)]
    chosen = pick_next(same, T0)
    assert chosen is not None and chosen.number == "A001"


waiting_tickets = st.lists(
    st.builds(
        Waiting,
        number=st.from_regex(r"[A-C][0-9]{3}", fullmatch=True),
        category=st.sampled_from("ABC"),
        issued_at=st.integers(0, 180).map(lambda m: T0 + timedelta(minutes=m)),
        priority_class=st.sampled_from(["", "", "elderly", "disabled", "military"]),
        appointment=st.booleans(),
    ),
    max_size=25,
)


@given(waiting_tickets, st.integers(0, 240), st.integers(0, 240))
def test_pick_next_follows_the_rule(waiting, now_minutes, slot_minutes):
    now = T0 + timedelta(minutes=now_minutes)
    slot = T0 + timedelta(minutes=slot_minutes)
    chosen = pick_next(waiting, now, wait_limit=LIMIT, slot_of=lambda _t: slot)
    if not waiting:
        assert chosen is None
        return
    assert chosen is not None and chosen in waiting
    booked_now = [t for t in waiting if t.appointment and slot <= now]
    overdue = [t for t in waiting if now - t.issued_at > LIMIT]
    priority = [t for t in waiting if t.priority_class]
    for group in (booked_now, overdue, priority, waiting):
        if group:
            first = min(group, key=lambda t: (t.issued_at, t.number))
            assert (chosen.issued_at, chosen.number) == (first.issued_at, first.number)
            break


@st.composite
def mornings(draw):
    """Ordinary arrivals, a stream of priority tickets (from a minute on, one every
    ``every`` minutes) and a call every ``gap`` minutes: ``[(minute, priority?)], gap``."""
    ordinary = draw(st.lists(st.integers(0, 120), min_size=1, max_size=30))
    start, count = draw(st.integers(0, 60)), draw(st.integers(0, 40))
    every = draw(st.integers(1, 5))
    stream = [(start + i * every, True) for i in range(count)]
    gap = draw(st.integers(1, 4))
    return sorted([(m, False) for m in ordinary] + stream), gap


@given(mornings())
@example(([(0, False)] + [(m, True) for m in range(1, 40)], 3))
def test_nobody_starves_behind_a_stream_of_priority_tickets(morning):
    """Once an ordinary ticket passes the wait limit only older tickets go before it, so it
    is called within (tickets issued up to it + 1) calls after its limit."""
    arrivals, gap = morning
    issued = [
        Waiting(f"A{i + 1:03d}", "A", T0 + timedelta(minutes=m), "elderly" if prio else "")
        for i, (m, prio) in enumerate(arrivals)
    ]
    called_at: dict[str, datetime] = {}
    waiting: list[Waiting] = []
    pending = list(issued)
    now = T0
    while pending or waiting:
        while pending and pending[0].issued_at <= now:
            waiting.append(pending.pop(0))
        chosen = pick_next(waiting, now, wait_limit=LIMIT)
        if chosen is not None:
            waiting.remove(chosen)
            called_at[chosen.number] = now
        now += timedelta(minutes=gap)
    assert set(called_at) == {t.number for t in issued}
    for position, t in enumerate(issued):
        older = position + 1  # tickets issued up to and including it
        bound = t.issued_at + LIMIT + timedelta(minutes=gap) * (older + 1)
        assert called_at[t.number] <= bound, t
