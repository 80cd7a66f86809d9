"""The SDK ID card reader through ctypes (issue 22): a stand-in library compiled with gcc
from tests/helpers/idcard_standin.c implements both interfaces, so the real ctypes path
runs; its failure modes are chosen by IDCARD_STANDIN_MODE."""

from __future__ import annotations

import _ctypes
import dataclasses
from datetime import date
from pathlib import Path

import pytest

from clerk_app.app import audit
from clerk_app.app.idcard import read_card
from clerk_app.core.clock import FixedClock
from clerk_app.core.errors import CardReaderProblem
from clerk_app.core.idcard import IdCardSetup, parse_base_message
from clerk_app.core.provisioning import ProvisioningError, parse_provisioning
from tests.helpers.idcard_standin import CARD, base_message, bmp, build_standin, elf32_header
from tests.helpers.store import T0, open_store
from tests.helpers.worklist import desk_context

WLT = bytes(range(256)) * 4


@pytest.fixture(scope="module")
def standin(tmp_path_factory) -> Path:
    library = build_standin(tmp_path_factory.mktemp("sdk"))
    if library is None:
        pytest.skip("no C compiler (gcc) to build the stand-in reader library")
    return library


@pytest.fixture
def on_reader(tmp_path, monkeypatch):
    """Put a card on the stand-in reader: its files, the mode; the working folder a temp one
    (termb writes wz.txt there)."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)

    def put(text: bytes, photo: bytes, mode: str = "ok") -> Path:
        (tmp_path / "text.bin").write_bytes(text)
        (tmp_path / "photo.bin").write_bytes(photo)
        monkeypatch.setenv("IDCARD_STANDIN_TEXT", str(tmp_path / "text.bin"))
        monkeypatch.setenv("IDCARD_STANDIN_PHOTO", str(tmp_path / "photo.bin"))
        monkeypatch.setenv("IDCARD_STANDIN_MODE", mode)
        return work

    return put


def test_termb_read_gives_the_card_and_its_photo_and_leaves_no_file(standin, on_reader):
    photo = bmp()
    work = on_reader(base_message(CARD), photo)
    card = read_card(IdCardSetup(standin, "termb"))
    assert card == dataclasses.replace(CARD, photo=photo, photo_format="bmp")
    assert card.name == "张三丰" and card.ethnicity == "汉" and card.sex == "male"
    assert card.birth_date == date(1985, 6, 15) and card.valid_to == date(2036, 3, 1)
    assert not (work / "wz.txt").exists() and not (work / "zp.bmp").exists()
    assert "110105198506150030" not in repr(card)


def test_a_second_card_is_never_the_first_ones_stale_file(standin, on_reader):
    work = on_reader(base_message(CARD), bmp(), mode="silent")
    (work / "wz.txt").write_bytes(base_message(CARD))  # left by an earlier read
    with pytest.raises(CardReaderProblem) as caught:
        read_card(IdCardSetup(standin, "termb"))
    assert caught.value.reason == "bad-data"  # not the earlier card


def test_sdtapi_read_gives_the_card_and_the_raw_wlt_photo(standin, on_reader):
    long_valid = dataclasses.replace(CARD, valid_to=None, sex="female", ethnicity_code="05")
    on_reader(base_message(long_valid), WLT)
    card = read_card(IdCardSetup(standin, "sdtapi", port=1001))
    assert card.valid_to is None  # 长期
    assert card.sex == "female" and card.ethnicity == "维吾尔"
    assert card.id_number == CARD.id_number and card.address == CARD.address
    assert card.photo == WLT and card.photo_format == "wlt"


@pytest.mark.parametrize("kind", ["termb", "sdtapi"])
@pytest.mark.parametrize(
    ("mode", "reason"),
    [("no-reader", "no-reader"), ("no-card", "no-card"), ("removed", "card-removed")],
)
def test_each_reader_failure_is_its_reason(standin, on_reader, kind, mode, reason):
    on_reader(base_message(CARD), bmp(), mode=mode)
    with pytest.raises(CardReaderProblem) as caught:
        read_card(IdCardSetup(standin, kind))
    assert caught.value.reason == reason
    on_reader(base_message(CARD), bmp())  # the port was closed: the next read works
    assert read_card(IdCardSetup(standin, kind)).id_number == CARD.id_number


def test_a_card_taken_away_between_find_and_select(standin, on_reader):
    on_reader(base_message(CARD), WLT, mode="removed-select")
    with pytest.raises(CardReaderProblem) as caught:
        read_card(IdCardSetup(standin, "sdtapi"))
    assert caught.value.reason == "card-removed"


def test_garbage_from_the_reader_is_bad_data(standin, on_reader):
    on_reader(b"\xff" * 40, WLT)
    with pytest.raises(CardReaderProblem) as caught:
        read_card(IdCardSetup(standin, "sdtapi"))
    assert caught.value.reason == "bad-data"


def test_library_missing_32_bit_or_of_another_kind(tmp_path):
    with pytest.raises(CardReaderProblem) as caught:
        read_card(IdCardSetup(tmp_path / "termb.dll", "termb"))
    assert caught.value.reason == "library-missing"
    with pytest.raises(CardReaderProblem) as caught:
        read_card(IdCardSetup(elf32_header(tmp_path / "libsdtapi.so"), "sdtapi"))
    assert caught.value.reason == "wrong-architecture"
    assert "ELFCLASS32" in caught.value.detail
    not_sdk = Path(_ctypes.__file__)  # a real shared library without the SDK's functions
    with pytest.raises(CardReaderProblem) as caught:
        read_card(IdCardSetup(not_sdk, "termb"))
    assert caught.value.reason == "wrong-library"


def test_base_message_round_trip_and_impossible_dates():
    assert parse_base_message(base_message(CARD)) == CARD
    with pytest.raises(ValueError, match="valid_to"):
        parse_base_message(base_message(CARD, valid_to="20361301"))


PROVISIONING = """
[service]
url = "http://127.0.0.1:8000"
[center]
code = "HS"
name = "Center"
[window]
code = "W01"
department = "D"
"""


def test_provisioning_names_the_reader_library(tmp_path):
    source = tmp_path / "provisioning.toml"
    prov = parse_provisioning(
        PROVISIONING + '[idcard]\nlibrary = "sdk/termb.dll"\nkind = "termb"\n', source=source
    )
    assert prov.idcard == IdCardSetup(tmp_path / "sdk" / "termb.dll", "termb", 1001)
    assert parse_provisioning(PROVISIONING).idcard is None
    with pytest.raises(ProvisioningError) as caught:
        parse_provisioning(PROVISIONING + '[idcard]\nlibrary = "x.so"\nkind = "wedge"\nport = 0\n')
    assert {p.field for p in caught.value.problems} == {"idcard.kind", "idcard.port"}


def test_a_card_read_is_audited_with_the_number_masked(tmp_path):
    clock = FixedClock(T0)
    store = open_store(tmp_path / "clerk.db", clock)
    try:
        context = desk_context(store, clock, tmp_path)
        event_id = audit.record_card_read(context, CARD, clerk="demo-clerk", role="agent")
        [row] = store.outbox_rows("pending")
        [event] = row.body["events"]
        assert event["id"] == event_id and event["action"] == audit.ID_CARD_READ
        assert event["target"] == "110105********0030"
        assert event["detail"] == {"role": "agent", "device_id": "test-device"}
        everything = repr(row.body) + repr(store.journal_entries())
        assert CARD.id_number not in everything and "110105********0030" in everything
    finally:
        store.db.close()
