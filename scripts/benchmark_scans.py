#!/usr/bin/env python3
"""Benchmark scans and Office files: pages per second, documents per second and peak memory for
  ocr-plain   scanned pages read one after another in this process (the recognizer on all cores),
  ocr-pool    the same pages as separate files in the pool of worker processes, each worker's
              recognizer on its share of the cores (BULLETINS_OCR_THREADS),
  office      the Word, Excel 2007 and Excel 97 samples read and extracted N times each (no warehouse).
Each mode runs in its own process, so its peak memory is its own; numbers are for the machine it
runs on, never asserted by a test.

usage: python scripts/benchmark_scans.py [--pages N] [--modes a,b]   (default: 4 pages, every mode)
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "samples" / "2020_lukou_1-6_scan.pdf"
OFFICE = [ROOT / "samples" / f"2020_lukou_1-6{s}" for s in (".docx", ".xlsx", ".xls")]
MODES = ["ocr-plain", "ocr-pool", "office"]


def _run_mode(mode: str, pages: int) -> dict:
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        if mode == "office":
            files = [f for _ in range(pages) for f in OFFICE]
        else:
            files = [Path(tmp) / f"scan_{k}.pdf" for k in range(pages)]
            for k, f in enumerate(files):  # a comment after %%EOF: another file (a copy would be skipped as loaded)
                f.write_bytes(SCAN.read_bytes() + f"\n% copy {k}\n".encode())
        from pipeline.stages.document import Toolkit

        kit = Toolkit.create()
        start = time.perf_counter()
        if mode == "office":  # reading and extraction alone: copies of one file would be skipped as loaded
            from pipeline.stages.document import extract_document, read_source

            for f in files:
                extract_document(str(f), *read_source(str(f)), kit)
            summary = None
        elif mode == "ocr-pool":
            from pipeline.batch.pool import ingest_paths_pooled

            summary = ingest_paths_pooled([str(f) for f in files], f"sqlite:///{tmp}/bench.db", kit=kit)
        else:
            from pipeline.batch.loop import ingest_paths

            summary = ingest_paths([str(f) for f in files], f"sqlite:///{tmp}/bench.db", kit=kit)
        seconds = time.perf_counter() - start
    if summary is not None and summary.count("failed"):
        raise SystemExit(f"failed: {[o.path for o in summary.outcomes if o.status == 'failed']}")
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"mode": mode, "documents": len(files), "pages": len(files), "seconds": round(seconds, 2),
            "pages_per_second": round(len(files) / seconds, 3), "documents_per_second": round(len(files) / seconds, 3),
            "peak_rss_mib": round(peak / 1024, 1)}


def main(argv: list[str]) -> int:
    pages, modes = 4, MODES
    if "--pages" in argv:
        pages = int(argv[argv.index("--pages") + 1])
    if "--modes" in argv:
        modes = argv[argv.index("--modes") + 1].split(",")
    if "--one" in argv:
        print(json.dumps(_run_mode(argv[argv.index("--one") + 1], pages)))
        return 0
    print(f"{'mode':<10} {'docs':>5} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'docs/s':>7} {'peak MiB':>9}")
    for mode in modes:
        done = subprocess.run([sys.executable, __file__, "--one", mode, "--pages", str(pages)], capture_output=True,
                              text=True, cwd=ROOT)
        if done.returncode:
            print(f"{mode}: failed: {done.stderr.strip()[-300:]}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{r['mode']:<10} {r['documents']:>5} {r['pages']:>6} {r['seconds']:>8} {r['pages_per_second']:>8} "
              f"{r['documents_per_second']:>7} {r['peak_rss_mib']:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
