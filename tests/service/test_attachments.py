"""The files of a case's materials (issue 22): declared once, uploaded in chunks, read back.

A service of its own per backend, with its attachments folder in the test's temporary
folder and small limits (a file 300 000 bytes, a case 700 000).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.attachments_api import (
    declaration,
    declare,
    fetch,
    listed,
    new_case,
    png_bytes,
    put_chunk,
    upload_all,
)
from tests.helpers.service import (
    REPO_ROOT,
    TEST_NOW,
    RunningService,
    ServiceLauncher,
    _child_env,
    run_cli,
)
from tests.helpers.service_api import assert_problem, error_fields, token_for

FILE_LIMIT = 300_000
CASE_LIMIT = 700_000
CHUNK = 64 * 1024


@pytest.fixture(scope="module")
def files_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("attachments")


@pytest.fixture(scope="module")
def svc(
    request: pytest.FixtureRequest,
    backend: str,
    files_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    records_template_db,
) -> Iterator[RunningService]:
    launcher = ServiceLauncher(
        tmp_path_factory.mktemp("attachments-service"),
        records_template_db,
        postgres=lambda: request.getfixturevalue("postgres_databases"),
        clock=TEST_NOW,
    )
    env = {
        "CLERK_ATTACHMENTS_DIR": str(files_dir),
        "CLERK_ATTACHMENT_MAX_BYTES": str(FILE_LIMIT),
        "CLERK_ATTACHMENT_CASE_MAX_BYTES": str(CASE_LIMIT),
        "CLERK_DEVICES_PER_WINDOW": "1000",
    }
    try:
        yield launcher.start(backend=backend, env=env)
    finally:
        launcher.stop_all()


@pytest.fixture(scope="module")
def token(svc: RunningService) -> str:
    return token_for(svc)


def _declared(svc: RunningService, token: str, data: bytes, **extra) -> tuple[dict, dict]:
    case = new_case(svc, token)
    body = declaration(case, data, **extra)
    answer = declare(svc, token, case["case_no"], body)
    assert answer.status_code == 201, answer.text
    return case, answer.json()


def test_a_file_sent_in_chunks_reads_back_byte_for_byte(svc, token, files_dir) -> None:
    data = png_bytes(200_000)
    case, declared = _declared(svc, token, data)
    upload = declared["upload"]
    assert (upload["received"], upload["complete"]) == (0, False)
    assert upload["id"] == declared["attachment"]["id"]
    last = upload_all(svc, token, upload["id"], data, CHUNK)
    assert last.json()["upload"] == {**upload, "received": len(data), "complete": True}
    read = fetch(svc, token, upload["id"])
    assert read.status_code == 200
    assert read.headers["content-type"] == "image/png"
    assert read.content == data
    items = listed(svc, token, case["case_no"]).json()["items"]
    assert [(i["id"], i["complete"], i["sha256"]) for i in items] == [
        (upload["id"], True, hashlib.sha256(data).hexdigest())
    ]
    # Kept by its content, and nothing half-sent left behind.
    sha = hashlib.sha256(data).hexdigest()
    kept = files_dir / "sha256" / sha[:2] / sha
    assert kept.read_bytes() == data
    assert (kept.stat().st_mode & 0o777, kept.parent.stat().st_mode & 0o777) == (0o600, 0o700)
    assert not (files_dir / "partial" / upload["id"]).exists()
    viewed = svc.sql(
        "SELECT count(*) FROM audit_records WHERE action = 'attachment.view' AND target = :id",
        id=upload["id"],
    )
    assert viewed == [(1,)]


def test_a_dropped_chunk_is_asked_for_again_and_the_upload_resumes(svc, token) -> None:
    data = png_bytes(3 * CHUNK + 1000)
    case, declared = _declared(svc, token, data)
    upload_id = declared["upload"]["id"]
    first = put_chunk(svc, token, upload_id, data[:CHUNK], 0, len(data))
    assert first.json()["upload"]["received"] == CHUNK
    # The second chunk is lost on the way; the third arrives: refused, with where to resume.
    ahead = put_chunk(svc, token, upload_id, data[2 * CHUNK : 3 * CHUNK], 2 * CHUNK, len(data))
    problem = assert_problem(ahead, 409, "upload-offset")
    assert problem["received"] == CHUNK
    assert fetch(svc, token, upload_id).status_code == 404  # not whole: not served
    # The desk declares again after a restart: the same upload, the stored answer.
    again = declare(svc, token, case["case_no"], _body_of(declared, case))
    assert again.status_code == 201 and again.json()["upload"]["id"] == upload_id
    upload_all(svc, token, upload_id, data, CHUNK, start=problem["received"])
    assert fetch(svc, token, upload_id).content == data


def _body_of(declared: dict, case: dict) -> dict:
    attachment = declared["attachment"]
    return {
        "id": attachment["id"],
        "material_code": attachment["material_code"],
        "page": attachment["page"],
        "content_type": attachment["content_type"],
        "size": attachment["size"],
        "sha256": attachment["sha256"],
    }


def test_a_repeated_chunk_changes_nothing(svc, token) -> None:
    data = png_bytes(2 * CHUNK)
    _, declared = _declared(svc, token, data)
    upload_id = declared["upload"]["id"]
    for _ in range(2):
        answer = put_chunk(svc, token, upload_id, data[:CHUNK], 0, len(data))
        assert answer.json()["upload"]["received"] == CHUNK
    # A chunk overlapping the acknowledged bytes adds only what is new.
    overlap = put_chunk(svc, token, upload_id, data[CHUNK // 2 :], CHUNK // 2, len(data))
    assert overlap.json()["upload"]["complete"] is True
    # After completion, the last chunk again (its answer was lost) is taken without change.
    repeat = put_chunk(svc, token, upload_id, data[CHUNK:], CHUNK, len(data))
    assert repeat.status_code == 200 and repeat.json()["upload"]["complete"] is True
    assert fetch(svc, token, upload_id).content == data


def test_a_wrong_hash_is_refused_and_the_upload_starts_again(svc, token) -> None:
    data = png_bytes(2 * CHUNK)
    spoiled = data[:CHUNK] + bytes([data[CHUNK] ^ 0xFF]) + data[CHUNK + 1 :]
    case, declared = _declared(svc, token, data)
    upload_id = declared["upload"]["id"]
    put_chunk(svc, token, upload_id, spoiled[:CHUNK], 0, len(data))
    last = put_chunk(svc, token, upload_id, spoiled[CHUNK:], CHUNK, len(data))
    problem = assert_problem(last, 422, "hash-mismatch")
    assert hashlib.sha256(spoiled).hexdigest() in problem["detail"]
    assert problem["received"] == 0
    assert fetch(svc, token, upload_id).status_code == 404
    [item] = listed(svc, token, case["case_no"]).json()["items"]
    assert item["complete"] is False
    # Nothing of the spoiled bytes is kept: a chunk past 0 is out of order now.
    assert_problem(put_chunk(svc, token, upload_id, data[CHUNK:], CHUNK, len(data)), 409)
    upload_all(svc, token, upload_id, data, CHUNK)
    assert fetch(svc, token, upload_id).content == data


def test_a_file_of_another_kind_than_declared_is_refused(svc, token) -> None:
    data = b"%PDF-1.7\n" + png_bytes(1000)
    _, declared = _declared(svc, token, data)
    answer = put_chunk(svc, token, declared["upload"]["id"], data, 0, len(data))
    assert_problem(answer, 422, "content-mismatch")


def test_wrong_ranges_are_refused_with_the_reason(svc, token) -> None:
    data = png_bytes(1000)
    _, declared = _declared(svc, token, data)
    upload_id = declared["upload"]["id"]
    missing = put_chunk(svc, token, upload_id, data, 0, len(data), content_range=None)
    assert_problem(missing, 400, "bad-range")
    other_size = put_chunk(svc, token, upload_id, data, 0, 999, content_range="bytes 0-999/999")
    assert "declared size 1000" in assert_problem(other_size, 422, "bad-range")["detail"]
    short = put_chunk(svc, token, upload_id, data[:10], 0, 1000, content_range="bytes 0-99/1000")
    assert "10 came" in assert_problem(short, 422, "bad-range")["detail"]
    assert put_chunk(svc, token, upload_id, data, 0, len(data)).status_code == 200


def test_files_over_the_limits_are_refused_and_the_case_is_unharmed(svc, token) -> None:
    big = png_bytes(FILE_LIMIT + 1)
    case = new_case(svc, token)
    too_big = declare(svc, token, case["case_no"], declaration(case, big))
    assert_problem(too_big, 413, "attachment-too-large")
    kept = []
    for _ in range(2):
        data = png_bytes(FILE_LIMIT)
        body = declaration(case, data)
        assert declare(svc, token, case["case_no"], body).status_code == 201
        kept.append(body["id"])
    third = declare(
        svc, token, case["case_no"], declaration(case, png_bytes(CASE_LIMIT - 2 * FILE_LIMIT + 1))
    )
    problem = assert_problem(third, 413, "case-attachments-too-large")
    assert problem["limit"] == CASE_LIMIT
    items = listed(svc, token, case["case_no"]).json()["items"]
    assert sorted(i["id"] for i in items) == sorted(kept)


def test_a_material_the_case_does_not_have_is_422(svc, token) -> None:
    case = new_case(svc, token)
    body = declaration(case, png_bytes(100), material_code="NO-SUCH-MATERIAL")
    problem = assert_problem(declare(svc, token, case["case_no"], body), 422)
    assert error_fields(problem) == {"material_code"}


def test_a_clerk_of_another_window_gets_404_everywhere(svc, token) -> None:
    data = png_bytes(1000)
    case, declared = _declared(svc, token, data)
    upload_id = declared["upload"]["id"]
    upload_all(svc, token, upload_id, data, CHUNK)
    other = token_for(svc, "demo-clerk-w03", window_code="W03")
    assert_problem(listed(svc, other, case["case_no"]), 404)
    assert_problem(fetch(svc, other, upload_id), 404)
    assert_problem(put_chunk(svc, other, upload_id, data, 0, len(data)), 404)
    body = declaration(case, data)
    assert_problem(declare(svc, other, case["case_no"], body), 404)
    # Unknown numbers answer the same.
    assert_problem(fetch(svc, other, "00000000-0000-0000-0000-000000000000"), 404)


def test_backup_and_restore_carry_the_files(svc, token, files_dir, backend, tmp_path) -> None:
    data = png_bytes(5000)
    _, declared = _declared(svc, token, data)
    upload_all(svc, token, declared["upload"]["id"], data, CHUNK)
    sha = hashlib.sha256(data).hexdigest()
    backup = tmp_path / "records.backup"
    run_cli(["backup", str(backup)], svc.database_url, {"CLERK_ATTACHMENTS_DIR": str(files_dir)})
    kept = tmp_path / "records.backup.attachments" / "sha256" / sha[:2] / sha
    assert kept.read_bytes() == data and kept.stat().st_mode & 0o777 == 0o600
    if backend != "sqlite":
        return  # restoring PostgreSQL needs an empty database: test_audit_chain does that
    restored_files = tmp_path / "restored-files"
    restored_db = f"sqlite:///{tmp_path / 'restored.db'}"
    run_cli(["restore", str(backup)], restored_db, {"CLERK_ATTACHMENTS_DIR": str(restored_files)})
    assert (restored_files / "sha256" / sha[:2] / sha).read_bytes() == data


def test_audit_verify_checks_every_whole_file_by_its_hash(svc, token, files_dir) -> None:
    data = png_bytes(3000)
    _, declared = _declared(svc, token, data)
    upload_all(svc, token, declared["upload"]["id"], data, CHUNK)
    env = {"CLERK_ATTACHMENTS_DIR": str(files_dir)}
    code, out = _clerk_records(["audit", "verify"], svc.database_url, env)
    assert code == 0, out
    assert ", 0 missing or altered" in out
    sha = hashlib.sha256(data).hexdigest()
    kept = files_dir / "sha256" / sha[:2] / sha
    kept.write_bytes(data[:-1] + b"\x00")
    code, out = _clerk_records(["audit", "verify"], svc.database_url, env)
    assert code == 1
    assert f"attachment {declared['upload']['id']} of case" in out and "file altered" in out
    kept.write_bytes(data)  # as it was, for the tests after this one


def _clerk_records(args: list[str], url: str, env: dict[str, str]) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-m", "records_service", *args],
        cwd=REPO_ROOT,
        env=_child_env(url, env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr
