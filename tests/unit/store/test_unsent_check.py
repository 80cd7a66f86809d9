"""``clerk-app unsent``: the cases and documents a desk has not sent, counted from a real
desk database (encrypted, key in the machine key file) without changing its folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.store.unsent_check import all_databases, count_unsent, desk_database, main
from tests.helpers.unsent_desk import desk_with_waiting_cases

pytestmark = pytest.mark.usefixtures("no_secure_keyring", "qapp")


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_the_count_names_cases_and_documents_and_leaves_the_folder_as_it_was(tmp_path, capsys):
    database, shown = desk_with_waiting_cases(tmp_path / "w1" / "data", 2)
    before = _files(database.parent)
    counts = count_unsent(database)
    assert counts == shown  # what the desk's status bar says
    assert (counts.cases, counts.documents) == (2, 4)  # each case: notice and slip
    assert _files(database.parent) == before  # no -shm/-wal left, nothing touched

    assert main(["--home", str(tmp_path / "w1")]) == 1
    out = capsys.readouterr().out
    assert "2 件办件、4 份文书尚未上传到中心" in out and str(database.parent) in out
    assert main(["--home", str(tmp_path / "w1"), "--numbers"]) == 1
    assert capsys.readouterr().out.split() == ["2", "4", "0", "0"]


def test_an_empty_desk_exits_0_and_an_unreadable_one_2(tmp_path, capsys):
    desk_with_waiting_cases(tmp_path / "empty" / "data", 0)
    assert main(["--home", str(tmp_path / "empty"), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == "Nothing waiting to be sent."
    database, _ = desk_with_waiting_cases(tmp_path / "w2" / "data", 1)
    (database.parent / "machine.key").unlink()  # the key only in another user's keyring
    assert main(["--database", str(database), "--lang", "en"]) == 2
    out = capsys.readouterr().out
    assert "cannot be read" in out and "not every desk could be checked" in out


def test_all_users_finds_every_home_under_the_root_and_the_command_runs(tmp_path, monkeypatch):
    root = tmp_path / "root"
    (root / "etc").mkdir(parents=True)
    (root / "etc" / "passwd").write_text(
        "root:x:0:0:root:/root:/bin/bash\n"
        "li:x:1000:1000:Li:/home/li:/bin/bash\n"
        "wang:x:1001:1001:Wang:/home/wang:/bin/bash\n"
        "gone:x:1002:1002::/home/gone:/bin/sh\n",
        "utf-8",
    )
    li, _ = desk_with_waiting_cases(desk_database(root / "home" / "li").parent, 1)
    wang, _ = desk_with_waiting_cases(desk_database(root / "home" / "wang").parent, 2)
    (root / "root").mkdir()
    monkeypatch.delenv("CLERK_HOME", raising=False)
    assert sorted(all_databases(root)) == sorted([li.resolve(), wang.resolve()])

    run = subprocess.run(
        [sys.executable, "-m", "clerk_app", "unsent", "--all-users", "--root", str(root),
         "--lang", "en"],
        env=dict(os.environ), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert "In all: 3 case(s), 6 document(s)" in run.stdout
    assert f"{li.parent}: 1 case(s) and 2 document(s) not sent" in run.stdout
