"""An ordinary start reads its arguments without argparse (issue 21: its parser loads
shutil, gettext and locale before the sign-in window); what it reads must be what argparse
reads, and anything else must still go to argparse (help, --version, mistakes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.__main__ import _parser, _quick_args

ORDINARY = [
    [],
    ["--smoke-start"],
    ["--provisioning", "resources/provisioning/demo-W01.toml", "--smoke-start"],
    ["--provisioning=/etc/clerk/provisioning.toml", "--home", "/tmp/clerk home"],
    ["--demo", "--smoke", "--home=relative/folder"],
    ["--kiosk", "--provisioning", "a.toml", "--provisioning", "b.toml"],  # the last one
]


@pytest.mark.parametrize("argv", ORDINARY)
def test_an_ordinary_start_reads_what_argparse_reads(argv):
    quick = _quick_args(argv)
    assert quick is not None
    assert vars(quick) == vars(_parser().parse_args(argv))
    assert all(isinstance(v, Path) for v in (quick.provisioning, quick.home) if v is not None)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["--prov", "a.toml"],  # an abbreviation argparse accepts
        ["--provisioning"],  # no value: argparse says so
        ["--provisioning", "--smoke-start"],
        ["--home="],
        ["--demo=yes"],
        ["stray"],
        ["--unknown"],
    ],
)
def test_anything_else_goes_to_argparse(argv):
    assert _quick_args(argv) is None
