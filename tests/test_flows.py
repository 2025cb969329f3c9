"""The Prefect flows under prefect_test_harness: a batch with broken files, a rerun that skips,
a changed file that replaces, retries of transient errors, Dask workers, the inbox flow."""
import os
import shutil
import sqlite3
import time

import pytest

prefect = pytest.importorskip("prefect", reason="the flows extra (Prefect) is not installed")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from prefect.testing.utilities import prefect_test_harness  # noqa: E402

from tests.conftest import SAMPLES  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def harness():
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture()
def batch(tmp_path):
    folder = tmp_path / "batch"
    shutil.copytree(SAMPLES, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.docx").write_bytes(b"PK\x03\x04")
    (folder / "no_figures.txt").write_text("各单位要高度重视，抓好落实。\n", encoding="utf-8")
    return folder


def sqlite_journal_mode(db) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]


def count(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_batch_rerun_and_change(batch, tmp_path):
    from flows.ingest_flow import build_ingest_flow, task_runner

    seen = []
    flow = build_ingest_flow(seen.append).with_options(task_runner=task_runner("threads", workers=4))
    db = tmp_path / "w.db"
    url = f"sqlite:///{db}"
    good = len(list(SAMPLES.glob("*.*")))
    state = flow(paths=[str(batch)], db_url=url, return_state=True)
    assert state.is_completed()
    result = state.result()
    assert (result["loaded"], result["failed"], result["files_seen"]) == (good, 3, good + 3)
    assert len(seen) == good + 3
    assert sorted(o["kind"] for o in result["outcomes"] if o["status"] == "failed") == ["corrupt_office", "empty", "no_figures"]
    assert count(db, "SELECT count(*) FROM failures") == 3 and count(db, "SELECT count(*) FROM documents") == good

    from prefect.artifacts import Artifact
    artifact = Artifact.get("bulletins-ingest-summary")
    assert artifact is not None and "| files | loaded |" in artifact.data and "no_figures" in artifact.data
    # one task run per document, each on the server before the flow ends, and the artifact says so
    assert result["task_runs"] == good + 3 and result["task_runs_recorded"] == good + 3
    assert f"Task runs recorded on the server: {good + 3} of {good + 3}" in artifact.data
    assert sqlite_journal_mode(db) == "delete" and not os.path.exists(f"{db}-wal")  # one file again

    rerun = flow(paths=[str(batch)], db_url=url)
    assert (rerun["skipped"], rerun["loaded"]) == (good, 0)

    changed = batch / "2019_hetang_1-9.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("108600", "109900"), encoding="utf-8")
    third = flow(paths=[str(changed)], db_url=url, replace=True)  # a correction
    assert third["replaced"] == 1
    assert count(db, "SELECT count(*) FROM facts WHERE value = 109900") == 1
    assert count(db, "SELECT count(*) FROM facts WHERE value = 108600") == 0


def test_transient_errors_are_retried(tmp_path, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from flows import ingest_flow as module
    from pipeline.batch import loop as ingest

    calls = {"n": 0}
    real = ingest.process_file

    def flaky(engine, path, run_id, kit, raise_transient=False, **options):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("INSERT ...", {}, Exception("database is locked"))
        return real(engine, path, run_id, kit, raise_transient, **options)

    monkeypatch.setattr(module, "process_file", flaky)
    flow = module.build_ingest_flow().with_options(task_runner=module.task_runner("threads", workers=1))
    result = flow(paths=[str(SAMPLES / "2019_hetang_1-9.txt")], db_url=f"sqlite:///{tmp_path / 'w.db'}")
    assert calls["n"] == 2 and result["loaded"] == 1


def test_a_bug_is_not_retried(tmp_path, monkeypatch):
    from flows import ingest_flow as module

    calls = {"n": 0}

    def broken(*args, **kwargs):
        calls["n"] += 1
        raise ValueError("a bug, not a lost connection")

    monkeypatch.setattr(module, "process_file", broken)
    flow = module.build_ingest_flow().with_options(task_runner=module.task_runner("threads", workers=1))
    result = flow(paths=[str(SAMPLES / "2019_hetang_1-9.txt")], db_url=f"sqlite:///{tmp_path / 'w.db'}")
    assert calls["n"] == 1 and result["failed"] == 1 and "a bug" in result["outcomes"][0]["reason"]


def test_flow_on_two_dask_workers(tmp_path):
    pytest.importorskip("prefect_dask")
    from distributed import LocalCluster

    from flows.ingest_flow import build_ingest_flow, task_runner

    db = tmp_path / "w.db"
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        flow = build_ingest_flow().with_options(task_runner=task_runner("dask", cluster.scheduler_address))
        result = flow(paths=[str(SAMPLES)], db_url=f"sqlite:///{db}")
    assert result["loaded"] == len(list(SAMPLES.glob("*.*"))) and result["failed"] == 0
    assert count(db, "SELECT count(*) FROM facts") > 100


def test_inbox_flow_records_and_archives(tmp_path):
    from flows.ingest_flow import build_inbox_flow

    inbox, archive = tmp_path / "inbox", tmp_path / "done"
    inbox.mkdir()
    shutil.copy(SAMPLES / "2018_yueyang_1-5.html", inbox)
    (inbox / "broken.txt").write_bytes(b"")
    for f in inbox.iterdir():
        os.utime(f, (time.time() - 60, time.time() - 60))  # settled: not still being copied
    db = tmp_path / "w.db"
    flow = build_inbox_flow()
    first = flow(inbox=str(inbox), db_url=f"sqlite:///{db}", archive=str(archive))
    assert (first["loaded"], first["failed"]) == (1, 1)
    assert sorted(p.name for p in archive.iterdir()) == ["2018_yueyang_1-5.html"]
    assert sorted(p.name for p in inbox.iterdir()) == ["broken.txt"]  # a failed file stays for a person to see
    second = flow(inbox=str(inbox), db_url=f"sqlite:///{db}", archive=str(archive))
    assert second["files_seen"] == 0  # nothing new: the broken file is recorded, not retried
    assert count(db, "SELECT count(*) FROM inbox_files") == 2


def test_an_interrupted_flow_run_counts_what_it_loaded(tmp_path):
    """Stopped after the first outcome: documents under way finish, none starts, and the run's
    counts are the rows it wrote (they once said 0 while threads went on loading)."""
    from flows.ingest_flow import build_ingest_flow, task_runner

    def stop(outcome):
        raise KeyboardInterrupt

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10):  # 40 distinct text documents: far more than two workers finish at once
        for f in SAMPLES.glob("*.txt"):
            (folder / f"{i}_{f.name}").write_bytes(f.read_bytes() + b"\n" * (i + 1))
    db = tmp_path / "w.db"
    flow = build_ingest_flow(stop).with_options(task_runner=task_runner("threads", workers=2))
    with pytest.raises(BaseException):
        flow(paths=[str(folder)], db_url=f"sqlite:///{db}")
    status, loaded, facts = sqlite3.connect(db).execute("SELECT status, loaded, facts FROM ingest_runs").fetchone()
    assert status == "interrupted" and loaded >= 1
    assert (loaded, facts) == sqlite3.connect(db).execute("SELECT count(*), sum(n_facts) FROM documents").fetchone()
    assert loaded < 40  # the rest were never started


def test_a_chunked_flow_loads_what_the_per_document_flow_loads(batch, tmp_path):
    """--chunk: documents per task; each document still its own outcome, a bad one its own failure."""
    from flows.ingest_flow import build_ingest_flow, chunk_size, task_runner

    seen = []
    flow = build_ingest_flow(seen.append).with_options(task_runner=task_runner("threads", workers=2))
    db = tmp_path / "w.db"
    result = flow(paths=[str(batch)], db_url=f"sqlite:///{db}", chunk=3)
    good = len(list(SAMPLES.glob("*.*")))
    assert (result["loaded"], result["failed"], result["files_seen"]) == (good, 3, good + 3)
    assert len(seen) == good + 3 and count(db, "SELECT count(*) FROM documents") == good
    assert sorted(o["kind"] for o in result["outcomes"] if o["status"] == "failed") == ["corrupt_office", "empty", "no_figures"]
    assert (chunk_size(1000, 4), chunk_size(10, 4), chunk_size(100_000, 2)) == (50, 1, 50)
    chunks = -(-(good + 3) // 3)
    assert (result["task_runs"], result["task_runs_recorded"]) == (chunks, chunks)


def test_chunks_read_by_the_pool_of_processes(batch, tmp_path):
    """`bulletins ingest --flow` on threads: chunks one after another, each read by the pool."""
    from flows.ingest_flow import build_ingest_flow, chunk_size, task_runner

    flow = build_ingest_flow().with_options(task_runner=task_runner("threads", workers=1))
    db = tmp_path / "w.db"
    result = flow(paths=[str(batch)], db_url=f"sqlite:///{db}", chunk=None, workers=1, processes=2)
    good = len(list(SAMPLES.glob("*.*")))
    assert (result["loaded"], result["failed"], result["files_seen"]) == (good, 3, good + 3)
    assert sorted(o["kind"] for o in result["outcomes"] if o["status"] == "failed") == ["corrupt_office", "empty", "no_figures"]
    size = chunk_size(good + 3, 1, processes=2)
    assert size == 8 and result["task_runs"] == result["task_runs_recorded"] == -(-(good + 3) // size)
    assert (chunk_size(1000, 1, processes=2), chunk_size(100_000, 1, processes=8)) == (250, 250)
    plain = tmp_path / "plain.db"
    from pipeline.batch.loop import ingest_paths

    ingest_paths([str(batch)], f"sqlite:///{plain}")
    facts = "SELECT count(*) FROM facts"
    assert count(db, facts) == count(plain, facts) > 300
