"""The worklist's memory (issue 21): showing the list loads what it shows, not the document
stack, the case actions or the joint cases' catalog. Each of these stayed resident for the
whole session once the worklist pulled it in (tens of MiB at 100,000 cases)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

#: Loaded on first use only (a case opened, a document issued, 待本部门办理 chosen, a year
#: without a published holiday table).
NOT_FOR_THE_LIST = (
    "clerk_app.documents",
    "clerk_app.app.case_actions",
    "clerk_app.app.commitment",
    "clerk_app.app.joint_work",
    "clerk_app.gui.case_actions",
    "clerk_app.gui.case_detail",
    "lunar_python",
    "importlib.metadata",
)


def test_showing_the_worklist_loads_no_document_stack_nor_case_actions() -> None:
    code = (
        "import json, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from clerk_app.core.calendar import WorkCalendar\n"
        "WorkCalendar.builtin()\n"
        "import clerk_app.gui.worklist\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert "clerk_app.gui.worklist_model" in loaded
    assert sorted(m for m in NOT_FOR_THE_LIST if m in loaded) == []
