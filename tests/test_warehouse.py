"""Loading is one transaction per document and idempotent by content hash."""
import shutil
import sqlite3

from pipeline.batch.loop import ingest_paths
from tests.conftest import SAMPLES


def count(db, table):
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_changed_file_is_a_new_document_unless_it_replaces(tmp_path):
    doc = tmp_path / "bulletin.txt"
    shutil.copy(SAMPLES / "2019_hetang_1-9.txt", doc)
    db = tmp_path / "w.db"
    url = f"sqlite:///{db}"
    s1 = ingest_paths([str(doc)], url)
    assert s1.count("loaded") == 1
    facts_before = count(db, "facts")
    text = doc.read_text(encoding="utf-8").replace("月塘街道\t120000\t108600", "月塘街道\t120000\t109900")
    doc.write_text(text, encoding="utf-8")
    # a document is its content: next month's bulletin under last month's name is kept beside it
    beside = ingest_paths([str(doc)], url)
    assert beside.count("loaded") == 1 and "--replace" in beside.outcomes[0].note
    assert count(db, "documents") == 2 and count(db, "facts") == 2 * facts_before
    # the archivist says it is a correction: the earlier contents give way, recorded
    doc.write_text(text + "\n", encoding="utf-8")
    s2 = ingest_paths([str(doc)], url, replace=True)
    assert s2.count("replaced") == 1 and s2.counts()["replaced"] == 1
    assert count(db, "documents") == 1 and count(db, "facts") == facts_before
    assert count(db, "replacements") == 2
    with sqlite3.connect(db) as conn:
        values = [v for (v,) in conn.execute("SELECT value FROM facts WHERE entity_raw='月塘街道' AND metric_raw='1-9月完成投资'")]
    assert values == [109900]
    s3 = ingest_paths([str(doc)], url)
    assert s3.count("skipped") == 1 and count(db, "facts") == facts_before


def test_a_failing_document_leaves_nothing(tmp_path, monkeypatch):
    """A crash in the middle of loading rolls the whole document back."""
    from pipeline.store import loading

    db = tmp_path / "w.db"
    url = f"sqlite:///{db}"
    real = loading._ensure_metrics

    def broken(*args, **kwargs):
        real(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(loading, "_ensure_metrics", broken)
    summary = ingest_paths([str(SAMPLES / "2019_hetang_1-9.txt")], url)
    assert summary.count("failed") == 1 and "disk full" in summary.outcomes[0].reason
    assert count(db, "documents") == 0 and count(db, "facts") == 0 and count(db, "extracted_tables") == 0
    assert count(db, "entities") == 0 and count(db, "failures") == 1


def test_facts_view_joins_documents_entities_metrics(tmp_path):
    db = tmp_path / "w.db"
    ingest_paths([str(SAMPLES)], f"sqlite:///{db}")
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT document, entity, entity_kind, metric, period_start, period_end, value, unit "
                            "FROM facts_view WHERE entity_raw = '合计' AND metric_raw = '1-9月完成投资'").fetchall()
    assert rows == [("2019_hetang_1-9.txt", "荷塘区", "district", "完成投资", "2019-01-01", "2019-09-30", 298350.0, "万元")]
