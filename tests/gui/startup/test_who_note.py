"""The note beside the data folder's lock (who runs the client) is written without json
before the sign-in window (issue 21) and reads back as json.dumps' own would."""

from __future__ import annotations

import json

import pytest

from clerk_app.gui.single_instance import json_object

NOTES = [
    {"pid": 4242, "host": "WIN-PC-07", "user": "zhang.san", "started": "2026-12-06 08:30"},
    {"pid": 1, "host": "", "user": '张三 "q" \\ \n\t\x00\x7f é', "started": "😀 \udc80"},
    {},
]


@pytest.mark.parametrize("note", NOTES)
def test_the_note_reads_back_as_json_writes_it(note):
    text = json_object(note)
    assert text.isascii()
    assert json.loads(text) == json.loads(json.dumps(note)) == note
