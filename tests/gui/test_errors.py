"""Every user-facing error kind has its own message, in English and in Chinese (one mapping,
by type: the real exceptions of store, remote and sign-in)."""

from __future__ import annotations

import pytest

from clerk_app.app.catalog import NoCatalogError
from clerk_app.core import errors
from clerk_app.gui.errors import error_message, is_offline, is_refused
from clerk_app.gui.i18n import install_translations
from clerk_app.remote.api import ApiError, BadResponseError, NetworkError, TlsError
from clerk_app.store.credentials import OfflineSignInError
from clerk_app.store.db import (
    CannotOpenError,
    CorruptDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    StoreError,
)

#: (the error, a phrase of its English message, a phrase of its Chinese message)
CASES = [
    (DiskFullError("database or disk is full"), "The disk is full", "磁盘已满"),
    (DatabaseLockedError("database is locked"), "locked by another program", "被其他程序锁定"),
    (CorruptDatabaseError("malformed"), "The local database is damaged", "本地数据库已损坏"),
    (CannotOpenError("no folder"), "could not be used: no folder", "无法使用本地数据库：no"),
    (StoreError("v99 is newer"), "could not be used: v99", "无法使用本地数据库：v99"),
    (TlsError("bad cert"), "certificate is not trusted", "证书"),
    (NetworkError("refused"), "cannot be reached (offline)", "无法连接"),
    (BadResponseError("no token"), "does not understand", "无法识别"),
    (ApiError(401, {}), "Wrong user name or password", "用户名或密码错误"),
    (ApiError(403, {}), "may not do that at this window", "无权"),
    (ApiError(426, {"min_client_version": "9.1"}), "version 9.1 or newer", "要求 9.1 或更高"),
    (ApiError(429, {}), "Too many attempts", "尝试次数过多"),
    (ApiError(422, {"detail": "no item"}), "refused the request (422). no item", "拒绝了请求（422"),
    (OfflineSignInError("never-online", "x"), "never signed in online", "从未"),
    (OfflineSignInError("expired", "x"), "too long ago", "距今过久"),
    (OfflineSignInError("wrong-password", "x"), "(offline). Wrong user", "）。 用户名或密码错误"),
    (NoCatalogError("no catalog yet"), "no catalog on this computer", "事项目录"),
    (ValueError("bug"), "Something went wrong: bug", "出现错误：bug"),
]


@pytest.fixture
def chinese(qapp, qm_dir):
    assert "clerk_zh_CN" in install_translations("zh_CN", qm_dir)
    yield
    install_translations("en", qm_dir)


@pytest.mark.parametrize(("exc", "english", "_chinese"), CASES, ids=lambda v: repr(v)[:40])
def test_each_error_kind_is_worded_in_english(exc, english, _chinese):
    assert english in error_message(exc)


@pytest.mark.parametrize(("exc", "_english", "chinese_text"), CASES, ids=lambda v: repr(v)[:40])
def test_each_error_kind_is_worded_in_chinese(chinese, exc, _english, chinese_text):
    assert chinese_text in error_message(exc)


def test_the_messages_of_different_kinds_differ():
    messages = [error_message(exc) for exc, _en, _zh in CASES]
    assert len(set(messages)) == len(messages)


def test_the_real_errors_are_of_the_user_facing_kinds():
    assert isinstance(DiskFullError("x"), errors.DiskFull)
    assert isinstance(TlsError("x"), errors.CertificateNotTrusted)
    assert isinstance(TlsError("x"), errors.Offline)  # the sync engine treats it as offline
    assert isinstance(BadResponseError("x"), errors.BadAnswer)
    assert isinstance(ApiError(403, {}), errors.Refused)
    assert isinstance(OfflineSignInError("expired", "x"), errors.OfflineSignInRefused)
    assert isinstance(NoCatalogError("x"), errors.NoCatalog)
    assert all(isinstance(exc, errors.UserError) for exc, _en, _zh in CASES[:-1])


def test_offline_and_refusals_are_told_apart_by_type():
    assert is_offline(NetworkError("x")) and is_offline(TlsError("x"))
    assert not is_offline(ApiError(503, {}))
    assert is_refused(ApiError(404, {}), 404) and not is_refused(ApiError(404, {}), 429)
    assert not is_refused(NetworkError("x"), 404)


def test_a_wrong_offline_password_says_how_many_tries_are_left(qapp):
    counted = error_message(OfflineSignInError("wrong-password", "x", tries_left=2))
    assert "Wrong user name or password" in counted and "2 more wrong password" in counted
    uncounted = error_message(OfflineSignInError("wrong-password", "x"))
    assert "more wrong password" not in uncounted
