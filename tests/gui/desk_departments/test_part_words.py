"""The words of a part's events (issue 16): the department's filing has its own, and an
event type this desk has no words for (a newer service) shows as sent, never an error."""

from __future__ import annotations

from clerk_app.gui.case_actions import event_label


def test_a_filing_is_named_and_an_unknown_event_type_shows_as_sent(qapp) -> None:
    assert event_label("file_supplement") == "File needs for the consolidated notice"
    assert event_label("request_supplement") == "Request supplement"
    assert event_label("stage_reopened") == "stage_reopened"
