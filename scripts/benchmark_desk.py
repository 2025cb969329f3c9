#!/usr/bin/env python3
"""The statistician's desk on a large warehouse: facts per second and peak memory of each export
format, the pivot, the chart and a streamed query.

  python scripts/benchmark_desk.py [FACTS]     (default 200000)

The warehouse is the bundled samples loaded once, then their facts copied (each copy one period
a year later, so pivots get wider) until it holds FACTS facts. Each step runs in its own process,
so its peak memory is its own. Numbers are for this machine, never asserted by a test.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STEPS = {
    "export jsonl": "from pipeline.store.exports import export_facts as e; n = e(engine, 'jsonl', OUT + '.jsonl')",
    "export csv": "from pipeline.store.exports import export_facts as e; n = e(engine, 'csv', OUT + '.csv')",
    "export parquet": "from pipeline.store.exports import export_facts as e; n = e(engine, 'parquet', OUT + '.parquet')",
    "export xlsx": "from pipeline.store.exports import export_facts as e; n = e(engine, 'xlsx', OUT + '.xlsx')",
    "pivot 完成投资 → xlsx": ("from pipeline.store.pivot import build_pivot, write_pivot\n"
                             "p = build_pivot(engine, '完成投资'); write_pivot(p, OUT + '.pivot.xlsx')\n"
                             "n = sum(len(c.claims) for c in p.conflicts) + sum(1 + c.agreeing for c in p.cells.values())"),
    "chart 完成投资 渌口区": ("from pipeline.store.chart import draw_series\n"
                              "d = draw_series(engine, '完成投资', ('渌口区', '淦田镇'), None, None, OUT + '.png'); n = d.points"),
    "query stream": ("from pipeline.store.query import QueryOptions, run_read_only\n"
                     "rows = run_read_only(URL, 'SELECT * FROM facts_view', QueryOptions(timeout=0)); next(rows)\n"
                     "n = sum(1 for _ in rows)"),
}


def build(db: Path, facts: int) -> None:
    import sqlite3

    subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", str(ROOT / "samples"), "--db", f"sqlite:///{db}",
                    "--runner", "plain", "-q"], check=True, cwd=ROOT)
    con = sqlite3.connect(db)
    base = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    columns = [r[1] for r in con.execute("PRAGMA table_info(facts)") if r[1] != "id"]
    shifted = {"period_start": "date(period_start, '+{k} years')", "period_end": "date(period_end, '+{k} years')"}
    k = 0
    while con.execute("SELECT count(*) FROM facts").fetchone()[0] < facts:
        k += 1
        picked = ", ".join(shifted.get(c, c).format(k=k) for c in columns)
        con.execute(f"INSERT INTO facts ({', '.join(columns)}) SELECT {picked} FROM facts WHERE id <= {base}")
    con.commit()
    con.close()


def run_step(name: str, code: str, url: str, out: str) -> None:
    script = (f"import time; from pipeline.store import engine as store_engine\n"
              f"URL = {url!r}; OUT = {out!r}; engine = store_engine.open_read_only(URL)\n"
              f"t = time.perf_counter()\n{code}\nprint(n, time.perf_counter() - t)")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    output = proc.stdout.read().split()
    if status != 0 or len(output) < 2:
        print(f"{name:<24} failed (status {status})")
        return
    n, seconds = int(output[-2]), float(output[-1])
    print(f"{name:<24} {n:>9,} in {seconds:7.2f} s = {n / seconds:>10,.0f}/s   "
          f"peak {usage.ru_maxrss / 1024:,.0f} MiB   (process {time.perf_counter() - start:.1f} s)")


def main(argv: list[str]) -> int:
    facts = int(argv[0]) if argv else 200_000
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "desk.db"
        t = time.perf_counter()
        build(db, facts)
        import sqlite3

        n = sqlite3.connect(db).execute("SELECT count(*) FROM facts").fetchone()[0]
        print(f"warehouse: {n:,} facts built in {time.perf_counter() - t:.1f} s ({db.stat().st_size / 2**20:.0f} MiB)")
        for name, code in STEPS.items():
            run_step(name, code, f"sqlite:///{db}", str(Path(tmp) / "out"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
