"""Concurrency: two windows syncing at once; one outbox row sent twice in parallel through
two service processes on one database → one record."""

from __future__ import annotations

import random
import threading

from clerk_app.app.session import sign_in
from clerk_app.app.sync import sync_engine
from clerk_app.remote.api import ApiClient, ApiError
from tests.helpers.service import DEMO_PASSWORD
from tests.helpers.workload import demo_item, follow_up, local_records, service_records, take_in


def _run_threads(*targets) -> None:
    errors: list[BaseException] = []

    def wrap(fn):
        def run() -> None:
            try:
                fn()
            except BaseException as exc:
                errors.append(exc)

        return run

    threads = [threading.Thread(target=wrap(t)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads)
    assert not errors, errors


def test_two_windows_take_in_and_sync_at_the_same_time(records_service, make_context):
    desks = []
    for home, window, user, code in (
        ("w1", "W01", "demo-clerk", "DEMO-GA-001"),
        ("w3", "W03", "demo-clerk-w03", "DEMO-SJ-001"),
    ):
        ctx = make_context(records_service.base_url, home=home, window_code=window)
        session = sign_in(ctx, user, DEMO_PASSWORD)
        desks.append((ctx, session, demo_item(code)))

    def work(ctx, session, found, seed):
        def run() -> None:
            rng = random.Random(seed)
            catalog, item = found
            engine = sync_engine(ctx, session)
            for n in range(25):
                payload = take_in(ctx, session.username, item, catalog.version, n)
                follow_up(ctx, session.username, payload["case_no"], rng)
                engine.push_once()
            for _ in range(50):
                if engine.push_once().waiting == 0:
                    return
            raise AssertionError("not drained")

        return run

    _run_threads(*(work(c, s, f, i) for i, (c, s, f) in enumerate(desks)))
    for ctx, _session, _ in desks:
        window = ctx.provisioning.window_code
        assert ctx.backend.store.outbox_counts() == {"pending": 0, "rejected": 0}
        local = local_records(ctx.paths.database, window)
        remote = service_records(records_service.database_path, window)
        assert remote["case_count"] == 25
        for kind in ("cases", "events", "ratings"):
            assert local[kind] == remote[kind], (window, kind)


def _send_until_done(api: ApiClient, token: str, row, answers: list, barrier) -> None:
    barrier.wait(timeout=30)
    for _ in range(200):
        try:
            answers.append(
                api.send(row.method, row.path, token, row.body_json, row.idempotency_key)
            )
            return
        except ApiError as exc:
            if exc.status == 409 and exc.type.rstrip("/").endswith("/in-flight"):
                continue  # the other process holds it: retry (a real client backs off)
            raise
    raise AssertionError("still in flight after 200 tries")


def test_the_same_row_twice_in_parallel_through_two_service_processes(
    service_factory, make_context
):
    first = service_factory()
    second = service_factory(database_path=first.database_path)
    ctx = make_context(first.base_url)
    session = sign_in(ctx, "demo-clerk", DEMO_PASSWORD)
    token = ctx.backend.tokens.get_device_token("W01", ctx.device_id)
    assert token
    catalog, item = demo_item()
    rng = random.Random(3)
    apis = [ApiClient(s.base_url, timeout=(3.05, 15)) for s in (first, second)]
    try:
        for n in range(8):
            payload = take_in(ctx, session.username, item, catalog.version, n)
            follow_up(ctx, session.username, payload["case_no"], rng)
            for row in ctx.backend.store.outbox_rows("pending"):
                answers: list = []
                barrier = threading.Barrier(2)
                _run_threads(
                    *(
                        (
                            lambda api=api, row=row, answers=answers, barrier=barrier: (
                                _send_until_done(api, token, row, answers, barrier)
                            )
                        )
                        for api in apis
                    )
                )
                # Both processes answer the same: the one record, made once.
                assert len(answers) == 2 and answers[0] == answers[1], answers
                ctx.backend.store.mark_sent(row.id, answers[0][0], answers[0][1])
    finally:
        for api in apis:
            api.close()
    local = local_records(ctx.paths.database)
    remote = service_records(first.database_path)
    assert remote["case_count"] == 8
    for kind in ("cases", "events", "ratings"):
        assert local[kind] == remote[kind], kind
