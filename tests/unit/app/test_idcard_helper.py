"""The ID card reader through its helper process (issue 22): the app starts a real
``python -m clerk_app.idcard_helper`` and talks to it over the pipe; the helper loads the
stand-in library compiled with gcc (tests/helpers/idcard_standin.c), as a 32-bit helper
loads a vendor's 32-bit DLL. Each way a helper can fail gives its plain reason, and the
WLT photo decoder (``GetBmp``) is used when provisioning names it."""

from __future__ import annotations

import dataclasses
import io
import os
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from clerk_app.app import idcard_pipe
from clerk_app.app.idcard import read_card
from clerk_app.core.errors import CardReaderProblem
from clerk_app.core.idcard import (
    HELPER_PROTOCOL,
    BadFrame,
    IdCardSetup,
    read_frame,
    write_frame,
)
from clerk_app.core.provisioning import ProvisioningError, parse_provisioning
from clerk_app.idcard_helper import serve
from tests.helpers.idcard_standin import (
    CARD,
    base_message,
    bmp,
    build_standin,
    decoded_bmp,
    elf32_header,
)

WLT = bytes(range(256)) * 4


@pytest.fixture(scope="module")
def standin(tmp_path_factory) -> Path:
    library = build_standin(tmp_path_factory.mktemp("sdk"))
    if library is None:
        pytest.skip("no C compiler (gcc) to build the stand-in reader library")
    return library


@pytest.fixture
def reader(tmp_path, monkeypatch):
    """The card on the stand-in reader; the mode in a file the helper reads at each call.
    Every helper started in the test is stopped at its end."""
    (tmp_path / "text.bin").write_bytes(base_message(CARD))
    (tmp_path / "photo.bin").write_bytes(bmp(102, 126))
    mode_file = tmp_path / "mode"
    mode_file.write_text("ok")
    monkeypatch.setenv("IDCARD_STANDIN_TEXT", str(tmp_path / "text.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_PHOTO", str(tmp_path / "photo.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_MODE", f"@{mode_file}")
    yield mode_file
    idcard_pipe.close_helpers()


def helper_setup(library: Path, kind: str = "termb", **changes) -> IdCardSetup:
    return dataclasses.replace(IdCardSetup(library, kind, mode="helper", timeout=20.0), **changes)


def test_a_read_through_the_helper_process_gives_the_card_and_photo(standin, reader):
    card = read_card(helper_setup(standin))
    assert card == dataclasses.replace(CARD, photo=bmp(102, 126), photo_format="bmp")
    helper = idcard_pipe.helper_reader(helper_setup(standin))
    assert helper.running() and helper.pid() != os.getpid()
    assert helper.info["protocol"] == HELPER_PROTOCOL and helper.info["bits"] == 64
    folder = helper._folder
    assert folder is not None and not list(folder.iterdir())  # wz.txt/zp.bmp removed
    pid = helper.pid()
    assert read_card(helper_setup(standin)).id_number == CARD.id_number
    assert helper.pid() == pid  # one helper, the library loaded once
    idcard_pipe.close_helpers()
    assert not helper.running() and not folder.exists()


def test_the_librarys_failures_come_back_as_their_own_reasons(standin, reader):
    setup = helper_setup(standin, "sdtapi")
    for mode, reason in (("no-card", "no-card"), ("no-reader", "no-reader")):
        reader.write_text(mode)
        with pytest.raises(CardReaderProblem) as caught:
            read_card(setup)
        assert caught.value.reason == reason
    reader.write_text("removed-select")
    with pytest.raises(CardReaderProblem) as caught:
        read_card(setup)
    assert caught.value.reason == "card-removed"
    reader.write_text("ok")
    assert read_card(setup).photo_format == "wlt"  # the same helper goes on


def test_a_library_that_prints_to_standard_output_does_not_break_the_pipe(standin, reader):
    reader.write_text("chatty")
    assert read_card(helper_setup(standin)).name == CARD.name


def test_library_missing_or_32_bit_through_the_helper_are_the_same_reasons(tmp_path, reader):
    with pytest.raises(CardReaderProblem) as caught:
        read_card(helper_setup(tmp_path / "termb.dll"))
    assert caught.value.reason == "library-missing"
    with pytest.raises(CardReaderProblem) as caught:
        read_card(helper_setup(elf32_header(tmp_path / "libsdtapi.so"), "sdtapi"))
    assert caught.value.reason == "wrong-architecture"  # this helper is 64-bit


def test_a_helper_that_dies_mid_read_is_helper_failed_and_the_next_read_starts_anew(
    standin, reader
):
    setup = helper_setup(standin)
    read_card(setup)
    first = idcard_pipe.helper_reader(setup).pid()
    reader.write_text("crash")  # abort() inside the library
    with pytest.raises(CardReaderProblem) as caught:
        read_card(setup)
    assert caught.value.reason == "helper-failed"
    assert "stopped" in caught.value.detail
    reader.write_text("ok")
    assert read_card(setup).id_number == CARD.id_number
    assert idcard_pipe.helper_reader(setup).pid() != first


def test_a_helper_that_hangs_is_killed_at_its_deadline(standin, reader):
    setup = helper_setup(standin, timeout=1.0)
    read_card(setup)
    helper = idcard_pipe.helper_reader(setup)
    proc = helper._proc
    reader.write_text("hang")  # the card search never returns
    with pytest.raises(CardReaderProblem) as caught:
        read_card(setup)
    assert caught.value.reason == "helper-timeout"
    assert proc is not None and proc.poll() is not None  # killed, not left behind
    reader.write_text("ok")
    assert read_card(setup).name == CARD.name


def _fake_helper(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-helper"
    script.write_text(f"#!{sys.executable}\n" + textwrap.dedent(body))
    script.chmod(0o755)
    return script


@pytest.mark.skipif(sys.platform == "win32", reason="a script as the helper program")
@pytest.mark.parametrize(
    ("body", "words"),
    [
        (  # not the protocol at all
            "import sys\nsys.stdout.write('HTTP/1.1 200 OK\\r\\n\\r\\nhello')\n"
            "sys.stdout.flush()\nsys.stdin.read()\n",
            "garbage",
        ),
        (  # another protocol version
            "import sys\nfrom clerk_app.core.idcard import read_frame, write_frame\n"
            "r = read_frame(sys.stdin.buffer)\n"
            "write_frame(sys.stdout.buffer, {'ok': True, 'protocol': 99, 'id': r['id']})\n"
            "sys.stdin.read()\n",
            "protocol 99",
        ),
        ("import sys\nsys.stderr.write('cannot open the DLL\\n')\nsys.exit(3)\n", "exit code 3"),
        (  # a good hello, then an answer to another request
            "import sys\nfrom clerk_app.core.idcard import read_frame, write_frame\n"
            "r = read_frame(sys.stdin.buffer)\n"
            "write_frame(sys.stdout.buffer, {'ok': True, 'protocol': 1, 'id': r['id']})\n"
            "read_frame(sys.stdin.buffer)\n"
            "write_frame(sys.stdout.buffer, {'ok': True, 'text': '', 'id': 42})\n"
            "sys.stdin.read()\n",
            "answer 42",
        ),
    ],
)
def test_a_helper_that_speaks_garbage_is_helper_failed(tmp_path, reader, body, words):
    setup = helper_setup(tmp_path / "termb.so", helper=_fake_helper(tmp_path, body), timeout=10.0)
    with pytest.raises(CardReaderProblem) as caught:
        read_card(setup)
    assert caught.value.reason == "helper-failed"
    assert words in caught.value.detail


def test_a_helper_program_that_is_not_there(tmp_path, reader):
    setup = helper_setup(tmp_path / "termb.dll", helper=tmp_path / "clerk-idcard-helper.exe")
    with pytest.raises(CardReaderProblem) as caught:
        read_card(setup)
    assert caught.value.reason == "helper-missing"


def test_the_helpers_own_loop_answers_hello_unknown_requests_and_bye():
    requests = io.BytesIO()
    for message in (
        {"op": "hello", "protocol": HELPER_PROTOCOL, "id": 1},
        {"op": "hello", "protocol": 7, "id": 2},
        {"op": "scan", "id": 3},
        {"op": "read", "kind": "wedge", "library": "x", "id": 4},
        {"op": "bye", "id": 5},
    ):
        write_frame(requests, message)
    requests.seek(0)
    answers = io.BytesIO()
    assert serve(requests, answers) == 0
    answers.seek(0)
    got = [read_frame(answers) for _ in range(5)]
    assert got[0] is not None and got[0]["ok"] is True and got[0]["bits"] in (32, 64)
    assert [a["ok"] for a in got if a] == [True, False, False, False, True]
    assert got[1] is not None and got[1]["reason"] == "helper-failed"
    assert got[2] is not None and "unknown request" in got[2]["detail"]
    assert got[3] is not None and got[3]["reason"] == "helper-failed"
    assert serve(io.BytesIO(b"\xff\xff\xff\xff junk"), io.BytesIO()) == 2


def test_frames_refuse_a_huge_length_a_short_body_and_non_objects():
    with pytest.raises(BadFrame, match="announced"):
        read_frame(io.BytesIO(b"\x7f\x00\x00\x00"))
    with pytest.raises(BadFrame, match="cut short"):
        read_frame(io.BytesIO(b"\x00\x00\x00\x10{}"))
    with pytest.raises(BadFrame, match="not a JSON object"):
        read_frame(io.BytesIO(b"\x00\x00\x00\x02[]"))
    assert read_frame(io.BytesIO(b"")) is None


# -- the WLT photo decoder ------------------------------------------------------------------


@pytest.fixture
def sdtapi_card(tmp_path, monkeypatch):
    (tmp_path / "text.bin").write_bytes(base_message(CARD))
    (tmp_path / "photo.bin").write_bytes(WLT)
    monkeypatch.setenv("IDCARD_STANDIN_TEXT", str(tmp_path / "text.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_PHOTO", str(tmp_path / "photo.bin"))
    monkeypatch.setenv("IDCARD_STANDIN_MODE", "ok")
    yield
    idcard_pipe.close_helpers()


@pytest.mark.parametrize("mode", ["in-process", "helper"])
def test_the_vendors_decoder_turns_the_wlt_photo_into_a_picture(standin, sdtapi_card, mode):
    setup = IdCardSetup(standin, "sdtapi", decoder=standin, mode=mode, timeout=20.0)
    card = read_card(setup)
    assert card.photo == decoded_bmp() and card.photo_format == "bmp"
    leftovers = list(Path(tempfile.gettempdir()).glob("clerk-wlt-*"))
    assert not [p for p in leftovers if (p / "zp.wlt").exists()]


def test_a_decoder_missing_or_refusing_leaves_the_wlt_photo(
    standin, sdtapi_card, tmp_path, monkeypatch
):
    setup = IdCardSetup(standin, "sdtapi", decoder=tmp_path / "WltRS.dll")
    assert read_card(setup).photo_format == "wlt"
    monkeypatch.setenv("IDCARD_STANDIN_MODE", "unlicensed")  # GetBmp gives -5
    card = read_card(IdCardSetup(standin, "sdtapi", decoder=standin))
    assert card.photo == WLT and card.photo_format == "wlt"


PROVISIONING = """
[service]
url = "http://127.0.0.1:8000"
[center]
code = "HS"
name = "Center"
[window]
code = "W01"
department = "D"
[idcard]
library = "sdk/sdtapi.dll"
kind = "sdtapi"
"""


def test_provisioning_selects_the_helper_and_the_decoder(tmp_path):
    source = tmp_path / "provisioning.toml"
    prov = parse_provisioning(
        PROVISIONING + 'mode = "helper"\ndecoder = "sdk/WltRS.dll"\n', source=source
    )
    assert prov.idcard is not None
    assert prov.idcard.mode == "helper" and prov.idcard.helper is None
    assert prov.idcard.decoder == tmp_path / "sdk" / "WltRS.dll"
    assert idcard_pipe.helper_command(prov.idcard) == [
        sys.executable,
        "-m",
        "clerk_app.idcard_helper",
    ]
    named = parse_provisioning(
        PROVISIONING + 'helper = "bin/clerk-idcard-helper.exe"\n', source=source
    )
    assert named.idcard is not None and named.idcard.mode == "helper"
    assert idcard_pipe.helper_command(named.idcard) == [
        str(tmp_path / "bin" / "clerk-idcard-helper.exe")
    ]
    plain = parse_provisioning(PROVISIONING)
    assert plain.idcard is not None and plain.idcard.mode == "in-process"
    with pytest.raises(ProvisioningError) as caught:
        parse_provisioning(PROVISIONING + 'mode = "32bit"\n')
    assert {p.field for p in caught.value.problems} == {"idcard.mode"}
