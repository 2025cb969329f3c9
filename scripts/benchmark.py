#!/usr/bin/env python3
"""One entry point for the benchmarks: pages per second, documents per second and peak memory.

  python scripts/benchmark.py pdf [PDF or folder …]   the PDF path against pdfplumber's own pass
                                                      (scripts/benchmark_pdf.py)
  python scripts/benchmark.py batch [N] [MODES]       N text bulletins: plain loop, pool, Prefect
                                                      flow (scripts/benchmark_flows.py)
  python scripts/benchmark.py scans [--pages N]        scanned pages by OCR (one process, the
                                                      pool) and the Word / Excel samples
                                                      (scripts/benchmark_scans.py)
  python scripts/benchmark.py desk [FACTS]            exports, pivot, chart and query on a warehouse
                                                      of FACTS facts (scripts/benchmark_desk.py)
  python scripts/benchmark.py all                     pdf on the seeds' PDFs, then batch for 1, 10
                                                      and 1,000 bulletins

Each mode runs in its own process, so its peak memory is its own; numbers are for the machine
it runs on, never asserted by a test.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    what, rest = (argv[0], argv[1:]) if argv else ("all", [])
    if what == "pdf":
        return subprocess.call([sys.executable, str(HERE / "benchmark_pdf.py"), *rest])
    if what == "batch":
        return subprocess.call([sys.executable, str(HERE / "benchmark_flows.py"), *rest])
    if what == "scans":
        return subprocess.call([sys.executable, str(HERE / "benchmark_scans.py"), *rest])
    if what == "desk":
        return subprocess.call([sys.executable, str(HERE / "benchmark_desk.py"), *rest])
    if what == "all":
        code = subprocess.call([sys.executable, str(HERE / "benchmark_pdf.py")])
        for n in ("1", "10", "1000"):
            print()
            code |= subprocess.call([sys.executable, str(HERE / "benchmark_flows.py"), n, "plain,pool"])
        print()
        code |= subprocess.call([sys.executable, str(HERE / "benchmark_scans.py")])
        return code
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
