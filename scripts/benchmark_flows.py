#!/usr/bin/env python3
"""Benchmark batch loading: N text bulletins generated from samples/ (figures varied, districts
swapped) loaded into a fresh SQLite warehouse by
  1. the plain loop (pipeline.batch.loop.ingest_paths, no Prefect), and the default pool of
     worker processes with one writer (pipeline.batch.pool),
  2. the Prefect flow on threads, one task per document and in chunks (chunk_size),
  3. the Prefect flow on a local Dask cluster of two worker processes,
each in its own process; plus Prefect's fixed start-up cost (a flow of one trivial task on a
temporary server). Prints documents per second and peak memory.

usage: python scripts/benchmark_flows.py [N] [MODE,MODE…]      (default 1000, every mode)
"""
from __future__ import annotations

import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACES = ["荷塘区", "芦淞区", "石峰区", "天元区", "渌口区", "醴陵市", "攸县", "茶陵县", "炎陵县"]


def generate(n: int, folder: Path, seed: int = 3) -> None:
    rnd = random.Random(seed)
    sources = [p for p in sorted((ROOT / "samples").iterdir()) if p.suffix in (".txt", ".md", ".html")]
    texts = []
    for p in sources:
        raw = p.read_bytes()
        try:
            texts.append((p.suffix, raw.decode("utf-8")))
        except UnicodeDecodeError:
            texts.append((p.suffix, raw.decode("gb18030")))

    def vary(m: re.Match) -> str:
        text = m.group(0)
        if "." in text:
            return f"{float(text) * rnd.uniform(0.8, 1.2):.{len(text.split('.')[1])}f}"
        value = int(text)
        return str(max(1, round(value * rnd.uniform(0.8, 1.2)))) if value > 31 else text  # keep months and days

    for i in range(n):
        suffix, text = texts[i % len(texts)]
        place = rnd.choice(PLACES)
        body = re.sub(r"(?<![\d年])\d+(?:\.\d+)?(?![\d年月日期])", vary, text)
        body = body.replace("荷塘区", place) + f"\n\n（第 {i} 号）\n"
        (folder / f"bulletin_{i:05d}{suffix}").write_text(body, encoding="utf-8")


def _mode(mode: str, folder: str, db: str) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    files = len(list(Path(folder).iterdir()))
    start = time.perf_counter()
    if mode == "plain":
        from pipeline.batch.loop import ingest_paths

        summary = ingest_paths([folder], db)
        loaded = summary.count("loaded")
    elif mode == "pool":
        from pipeline.batch.pool import ingest_paths_pooled

        summary = ingest_paths_pooled([folder], db)
        loaded = summary.count("loaded")
    elif mode == "prefect-startup":
        from prefect import flow, task

        @task
        def one() -> int:
            return 1

        @flow
        def trivial() -> int:
            return one()

        trivial()
        loaded = 0
    else:
        from flows.ingest_flow import build_ingest_flow, task_runner

        if mode == "flow-dask":
            from distributed import LocalCluster

            with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
                runner = task_runner("dask", cluster.scheduler_address)
                result = build_ingest_flow().with_options(task_runner=runner)(paths=[folder], db_url=db)
        elif mode == "flow-chunked":  # as `bulletins ingest --flow`: chunks one after another, each read by the pool
            from pipeline.batch.pool import default_workers

            result = build_ingest_flow().with_options(task_runner=task_runner("threads", workers=1))(
                paths=[folder], db_url=db, chunk=None, workers=1, processes=default_workers())
        else:
            result = build_ingest_flow().with_options(task_runner=task_runner("threads", workers=4))(
                paths=[folder], db_url=db, chunk=1)
        loaded = result["loaded"]
    seconds = time.perf_counter() - start
    return {"mode": mode, "documents": files, "loaded": loaded, "seconds": round(seconds, 2),
            "docs_per_second": round(files / seconds, 1) if mode != "prefect-startup" else None,
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--mode":
        print(json.dumps(_mode(argv[1], argv[2], argv[3])))
        return 0
    n = int(argv[0]) if argv else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "bulletins"
        folder.mkdir()
        generate(n, folder)
        print(f"{n} generated text bulletins; 2 cores; each mode in its own process on a fresh SQLite warehouse")
        print(f"{'mode':<18}{'loaded':>8}{'seconds':>10}{'docs/s':>9}{'peak MiB':>10}")
        modes = argv[1].split(",") if len(argv) > 1 else ["prefect-startup", "plain", "pool", "flow-threads", "flow-chunked", "flow-dask"]
        for mode in modes:
            db = f"sqlite:///{tmp}/{mode}.db"
            proc = subprocess.run([sys.executable, __file__, "--mode", mode, str(folder), db], capture_output=True,
                                  text=True)
            if proc.returncode:
                print(f"{mode:<18} failed: {(proc.stderr.strip().splitlines() or ['?'])[-1]}")
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"{mode:<18}{r['loaded']:>8}{r['seconds']:>10}{r['docs_per_second'] or '-':>9}{r['peak_rss_mib']:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
