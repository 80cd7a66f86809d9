from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.core.calendar import DueDate, WorkCalendar
from clerk_app.core.lifecycle import (
    HALL_GROUP,
    Disposition,
    EventType,
    HallGroup,
    IllegalTransition,
    Status,
    allowed_events,
    extend_due_date,
    hall_group,
    initial_status,
    intake_event,
    is_terminal,
    needs_reason,
    transition,
)

S, E = Status, EventType

# The whole table, written out by hand: (status, event) -> status after. Anything not
# listed must raise IllegalTransition.
OPEN_EXTRAS = {E.WITHDRAW: S.WITHDRAWN, E.VOID: S.VOIDED}
EXPECTED: dict[Status, dict[EventType, Status]] = {
    S.RECEIVED: {
        E.ACCEPT: S.ACCEPTED,
        E.ACCEPT_DEFERRED: S.ACCEPTED,
        E.REQUEST_SUPPLEMENT: S.SUPPLEMENT_REQUESTED,
        E.REFUSE: S.REFUSED,
        E.FORWARD: S.FORWARDED,
        E.CORRECT: S.RECEIVED,
        E.NOTE: S.RECEIVED,
        **OPEN_EXTRAS,
    },
    S.ACCEPTED: {
        E.START: S.IN_PROGRESS,
        E.REQUEST_SUPPLEMENT: S.SUPPLEMENT_REQUESTED,
        E.SUSPEND: S.SUSPENDED,
        E.FORWARD: S.FORWARDED,
        E.COMPLETE_APPROVED: S.COMPLETED_APPROVED,
        E.COMPLETE_REJECTED: S.COMPLETED_REJECTED,
        E.DEFERRED_SUPPLIED: S.ACCEPTED,
        E.DEFERRED_LAPSED: S.COMPLETED_REJECTED,
        E.FILE_SUPPLEMENT: S.ACCEPTED,
        E.CORRECT: S.ACCEPTED,
        E.NOTE: S.ACCEPTED,
        E.COMMITMENT_VERIFIED: S.ACCEPTED,
        E.COMMITMENT_FALSE: S.REVOKED,
        **OPEN_EXTRAS,
    },
    S.IN_PROGRESS: {
        E.REQUEST_SUPPLEMENT: S.SUPPLEMENT_REQUESTED,
        E.SUSPEND: S.SUSPENDED,
        E.FORWARD: S.FORWARDED,
        E.COMPLETE_APPROVED: S.COMPLETED_APPROVED,
        E.COMPLETE_REJECTED: S.COMPLETED_REJECTED,
        E.DEFERRED_SUPPLIED: S.IN_PROGRESS,
        E.DEFERRED_LAPSED: S.COMPLETED_REJECTED,
        E.FILE_SUPPLEMENT: S.IN_PROGRESS,
        E.CORRECT: S.IN_PROGRESS,
        E.NOTE: S.IN_PROGRESS,
        E.COMMITMENT_VERIFIED: S.IN_PROGRESS,
        E.COMMITMENT_FALSE: S.REVOKED,
        **OPEN_EXTRAS,
    },
    S.SUPPLEMENT_REQUESTED: {
        E.SUPPLEMENT_RECEIVED: S.ACCEPTED,
        E.ACCEPT: S.ACCEPTED,
        E.ACCEPT_DEFERRED: S.ACCEPTED,
        E.REFUSE: S.REFUSED,
        E.CORRECT: S.SUPPLEMENT_REQUESTED,
        E.NOTE: S.SUPPLEMENT_REQUESTED,
        **OPEN_EXTRAS,
    },
    S.SUSPENDED: {
        E.RESUME: S.IN_PROGRESS,
        E.DEFERRED_SUPPLIED: S.SUSPENDED,
        E.CORRECT: S.SUSPENDED,
        E.NOTE: S.SUSPENDED,
        E.COMMITMENT_VERIFIED: S.SUSPENDED,
        E.COMMITMENT_FALSE: S.REVOKED,
        **OPEN_EXTRAS,
    },
    S.FORWARDED: {
        E.START: S.IN_PROGRESS,
        E.COMPLETE_APPROVED: S.COMPLETED_APPROVED,
        E.COMPLETE_REJECTED: S.COMPLETED_REJECTED,
        E.CORRECT: S.FORWARDED,
        E.NOTE: S.FORWARDED,
        E.COMMITMENT_VERIFIED: S.FORWARDED,
        E.COMMITMENT_FALSE: S.REVOKED,
        **OPEN_EXTRAS,
    },
    S.COMPLETED_APPROVED: {
        E.REVOKE: S.REVOKED,
        E.COMMITMENT_VERIFIED: S.COMPLETED_APPROVED,
        E.COMMITMENT_FALSE: S.REVOKED,
    },
    S.COMPLETED_REJECTED: {},
    S.REFUSED: {},
    S.WITHDRAWN: {},
    S.VOIDED: {},
    S.REVOKED: {},
}

ALL_PAIRS = [(s, e) for s in Status for e in EventType]


def test_expected_table_names_every_status():
    assert set(EXPECTED) == set(Status)


@pytest.mark.parametrize(("status", "event"), ALL_PAIRS)
def test_transition_table(status, event):
    expected = EXPECTED[status].get(event)
    if expected is None:
        with pytest.raises(IllegalTransition) as info:
            transition(status, event)
        assert info.value.current == status
        assert info.value.event == event
    else:
        assert transition(status, event) is expected


@pytest.mark.parametrize("status", list(Status))
def test_allowed_events_match_the_table(status):
    assert allowed_events(status) == frozenset(EXPECTED[status])


def test_illegal_transition_explains_itself_in_english():
    with pytest.raises(IllegalTransition) as info:
        transition(Status.VOIDED, EventType.ACCEPT)
    assert str(info.value) == "event 'accept' is not allowed for a case in status 'voided'"


def test_unknown_values_are_illegal_not_crashes():
    with pytest.raises(IllegalTransition):
        transition("archived", "accept")
    with pytest.raises(IllegalTransition):
        transition("accepted", "teleport")


def test_string_values_work_like_enums():
    assert transition("accepted", "start") == "in_progress"
    assert allowed_events("completed_approved") == {
        "revoke",
        "commitment_verified",
        "commitment_false",
    }


def test_terminal_states_allow_only_revoking_an_approval_or_verifying_its_commitment():
    after_approval = {E.REVOKE, E.COMMITMENT_VERIFIED, E.COMMITMENT_FALSE}
    for status in Status:
        if is_terminal(status):
            expected = after_approval if status is S.COMPLETED_APPROVED else set()
            assert allowed_events(status) == expected
        else:
            assert E.VOID in allowed_events(status)


@pytest.mark.parametrize(
    ("disposition", "event", "status"),
    [
        (Disposition.IMMEDIATE, E.ACCEPT, S.ACCEPTED),
        (Disposition.PROMISED, E.ACCEPT, S.ACCEPTED),
        (Disposition.DEFERRED_MATERIALS, E.ACCEPT_DEFERRED, S.ACCEPTED),
        (Disposition.SUPPLEMENT, E.REQUEST_SUPPLEMENT, S.SUPPLEMENT_REQUESTED),
        (Disposition.REFUSED, E.REFUSE, S.REFUSED),
        (Disposition.FORWARDED, E.FORWARD, S.FORWARDED),
    ],
)
def test_intake_decision_gives_first_event_and_status(disposition, event, status):
    assert intake_event(disposition) is event
    assert initial_status(disposition) is status
    assert initial_status(disposition.value) is status


def test_reasons_are_required_for_voiding_refusing_and_revoking():
    assert needs_reason("void") and needs_reason(E.REFUSE) and needs_reason(E.REVOKE)
    assert not needs_reason(E.ACCEPT) and not needs_reason(E.NOTE)


def test_hall_groups_follow_the_big_screen_words():
    assert {s for s, g in HALL_GROUP.items() if g is HallGroup.ACCEPTED} == {
        S.RECEIVED,
        S.ACCEPTED,
    }
    assert {s for s, g in HALL_GROUP.items() if g is HallGroup.IN_PROGRESS} == {
        S.IN_PROGRESS,
        S.FORWARDED,
    }
    assert {s for s, g in HALL_GROUP.items() if g is HallGroup.WAITING} == {
        S.SUPPLEMENT_REQUESTED,
        S.SUSPENDED,
    }
    assert {s for s, g in HALL_GROUP.items() if g is HallGroup.COMPLETED} == {
        S.COMPLETED_APPROVED,
        S.COMPLETED_REJECTED,
        S.REFUSED,
        S.WITHDRAWN,
    }
    assert HALL_GROUP[S.VOIDED] is None and HALL_GROUP[S.REVOKED] is None
    assert HallGroup.WAITING == "待办"


def test_open_case_waiting_for_deferred_material_shows_as_waiting():
    assert hall_group(S.ACCEPTED, waiting_for_materials=True) is HallGroup.WAITING
    assert hall_group(S.IN_PROGRESS, waiting_for_materials=True) is HallGroup.WAITING
    assert hall_group(S.COMPLETED_APPROVED, waiting_for_materials=True) is HallGroup.COMPLETED
    assert hall_group(S.ACCEPTED) is HallGroup.ACCEPTED


def test_suspended_working_days_push_the_due_date_back():
    cal = WorkCalendar.builtin()
    # Due Fri 2026-09-18; suspended Mon 14 Sep, resumed Thu 17 Sep: 15, 16, 17 = 3 days.
    # Three more working days after 18 Sep: Sun 20 Sep (make-up day), Mon 21, Tue 22.
    assert extend_due_date(cal, date(2026, 9, 18), date(2026, 9, 14), date(2026, 9, 17)) == (
        DueDate(date(2026, 9, 22), False)
    )


def test_suspension_across_national_day_counts_only_working_days():
    cal = WorkCalendar.builtin()
    # Suspended 2025-09-30, resumed 2025-10-09: only Oct 9 is a working day in between.
    assert extend_due_date(cal, date(2025, 10, 20), date(2025, 9, 30), date(2025, 10, 9)) == (
        DueDate(date(2025, 10, 21), False)
    )


def test_suspension_resumed_the_same_day_changes_nothing():
    cal = WorkCalendar.builtin()
    assert extend_due_date(cal, date(2026, 3, 10), date(2026, 3, 4), date(2026, 3, 4)) == (
        DueDate(date(2026, 3, 10), False)
    )
    with pytest.raises(ValueError):
        extend_due_date(cal, date(2026, 3, 10), date(2026, 3, 4), date(2026, 3, 3))


@given(st.lists(st.sampled_from(list(EventType)), max_size=30))
def test_random_event_sequences_stay_in_known_states(events):
    status = Status.RECEIVED
    for event in events:
        expected = EXPECTED[status].get(event)
        if expected is None:
            with pytest.raises(IllegalTransition):
                transition(status, event)
        else:
            status = transition(status, event)
            assert status is expected
        assert isinstance(status, Status)
        assert is_terminal(status) == (
            allowed_events(status) <= {E.REVOKE, E.COMMITMENT_VERIFIED, E.COMMITMENT_FALSE}
        )
