#!/usr/bin/env python3
"""Benchmark the PDF path: pages per second, documents per second and peak memory for
  1. pdfplumber's table extraction alone (find_tables + extract on every page),
  2. pdfplumber's own tables-plus-text pass (the reference the pipeline is measured against),
  3. camelot lattice alone,
  4. the full pipeline into a fresh SQLite warehouse (read, tables, prose, reconcile, load): the
     plain loop with start-up (pipeline-sqlite) and without (pipeline-warm), the pool of worker
     processes (pipeline-pool), and `bulletins ingest` as a user types it, its own process,
     start-up and all (bulletins-ingest),
on the same PDFs in one run. Each mode runs in its own process so peak RSS is its own.

usage: python scripts/benchmark_pdf.py [--repeat N] [--modes a,b] [--long PAGES] [PDF or folder ...]
  (default: ../shared/seeds_pdf and samples/, every mode, the median of 3 runs each; --long PAGES
  measures one PDF of that many pages made by repeating the given PDFs' pages, samples/' by default)
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = ["pdfplumber-tables", "pdfplumber-tables+text", "camelot-lattice", "pipeline-sqlite", "pipeline-warm",
         "pipeline-pool", "bulletins-ingest"]


def _pdfs(args: list[str]) -> list[str]:
    sources = args or [str(ROOT.parent / "shared" / "seeds_pdf"), str(ROOT / "samples")]
    out = []
    for s in sources:
        p = Path(s)
        out += [str(x) for x in sorted(p.glob("*.pdf"))] if p.is_dir() else [str(p)] if p.suffix == ".pdf" else []
    return out


def _run_mode(mode: str, pdfs: list[str]) -> dict:
    import pdfplumber

    pages = 0
    start = time.perf_counter()
    if mode in ("pdfplumber-tables", "pdfplumber-tables+text"):
        for f in pdfs:
            with pdfplumber.open(f) as pdf:
                for page in pdf.pages:
                    pages += 1
                    [t.extract() for t in page.find_tables()]
                    if mode.endswith("+text"):
                        page.extract_text_lines()
    elif mode == "camelot-lattice":
        import camelot

        for f in pdfs:
            with pdfplumber.open(f) as pdf:
                pages += len(pdf.pages)
            camelot.read_pdf(f, pages="all", flavor="lattice")
    elif mode == "bulletins-ingest":
        for f in pdfs:
            with pdfplumber.open(f) as pdf:
                pages += len(pdf.pages)
        start = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", *pdfs, "--db",
                                   f"sqlite:///{tmp}/bench.db", "-q"], cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(done.stderr.strip()[-300:])
        seconds = time.perf_counter() - start
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return {"mode": mode, "documents": len(pdfs), "pages": pages, "seconds": round(seconds, 3),
                "pages_per_second": round(pages / seconds, 2), "documents_per_second": round(len(pdfs) / seconds, 2),
                "peak_rss_mib": round(children / 1024, 1)}
    elif mode == "pipeline-pool":
        sys.path.insert(0, str(ROOT))
        from pipeline.batch.pool import ingest_paths_pooled

        for f in pdfs:
            with pdfplumber.open(f) as pdf:
                pages += len(pdf.pages)
        start = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            summary = ingest_paths_pooled(pdfs, f"sqlite:///{tmp}/bench.db")
        if summary.count("failed"):
            raise SystemExit(f"pipeline failed on {[o.path for o in summary.outcomes if o.status == 'failed']}")
    elif mode in ("pipeline-sqlite", "pipeline-warm"):
        # pipeline-sqlite counts the start-up (jieba's dictionary, the gazetteer) that a batch pays
        # once; pipeline-warm starts the clock after it, as in a long batch
        sys.path.insert(0, str(ROOT))
        from pipeline.batch.loop import ingest_paths
        from pipeline.stages.document import Toolkit

        for f in pdfs:
            with pdfplumber.open(f) as pdf:
                pages += len(pdf.pages)
        start = time.perf_counter()
        kit = Toolkit.create()
        if mode == "pipeline-warm":
            start = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            summary = ingest_paths(pdfs, f"sqlite:///{tmp}/bench.db", kit=kit)
        if summary.count("failed"):
            raise SystemExit(f"pipeline failed on {[o.path for o in summary.outcomes if o.status == 'failed']}")
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"mode": mode, "documents": len(pdfs), "pages": pages, "seconds": round(seconds, 3),
            "pages_per_second": round(pages / seconds, 2), "documents_per_second": round(len(pdfs) / seconds, 2),
            "peak_rss_mib": round(peak_kib / 1024, 1)}


def long_pdf(sources: list[str], pages: int, out: str) -> str:
    """A PDF of `pages` pages made by repeating the sources' pages (pypdfium2, a pdfplumber
    dependency): the long-document case (a year's bulletins bound in one file)."""
    import pypdfium2

    target = pypdfium2.PdfDocument.new()
    while len(target) < pages:
        for path in sources:
            src = pypdfium2.PdfDocument(path)
            want = min(len(src), pages - len(target))
            target.import_pages(src, list(range(want)))
            src.close()
            if len(target) >= pages:
                break
    target.save(out)
    target.close()
    return out


def _measure(mode: str, pdfs: list[str], repeat: int) -> dict:
    """The median run of `repeat`, each in its own process (peak memory its own)."""
    runs = []
    for _ in range(repeat):
        proc = subprocess.run([sys.executable, __file__, "--mode", mode, *pdfs], capture_output=True, text=True)
        if proc.returncode:
            raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else str(proc.returncode))
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    runs.sort(key=lambda r: r["seconds"])
    return runs[len(runs) // 2]


def main(argv: list[str]) -> int:
    """[--repeat N] [--modes a,b] [--long PAGES] [PDF or folder …]"""
    if argv and argv[0] == "--mode":
        print(json.dumps(_run_mode(argv[1], argv[2:])))
        return 0
    repeat, modes, long_pages, rest = 3, MODES, 0, []
    args = iter(argv)
    for arg in args:
        if arg == "--repeat":
            repeat = int(next(args))
        elif arg == "--modes":
            modes = next(args).split(",")
        elif arg == "--long":
            long_pages = int(next(args))
        else:
            rest.append(arg)
    pdfs = _pdfs(rest) if rest or not long_pages else [str(ROOT / "samples" / "2020_lukou_1-6.pdf")]
    if not pdfs:
        print("no PDFs to measure", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        if long_pages:
            pdfs = [long_pdf(pdfs, long_pages, f"{tmp}/long-{long_pages}.pdf")]
        return _report(pdfs, modes, repeat, long_pages)


def _report(pdfs: list[str], modes: list[str], repeat: int, long_pages: int) -> int:
    what = f"one PDF of {long_pages} pages" if long_pages else f"{len(pdfs)} PDFs"
    print(f"{what}, one process per mode, median of {repeat}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"{'mode':<24}{'pages':>7}{'seconds':>10}{'pages/s':>10}{'docs/s':>9}{'peak MiB':>10}")
    results = {}
    for mode in modes:
        try:
            r = _measure(mode, pdfs, repeat)
        except RuntimeError as exc:
            print(f"{mode:<24} failed: {exc}")
            continue
        results[mode] = r
        print(f"{mode:<24}{r['pages']:>7}{r['seconds']:>10}{r['pages_per_second']:>10}{r['documents_per_second']:>9}"
              f"{r['peak_rss_mib']:>10}")
    for mode in ("pipeline-sqlite", "pipeline-warm", "pipeline-pool", "bulletins-ingest"):
        if mode in results and "pdfplumber-tables+text" in results:
            ratio = results[mode]["pages_per_second"] / results["pdfplumber-tables+text"]["pages_per_second"]
            print(f"{mode} speed / pdfplumber tables+text speed = {ratio:.2f}")
    if "pipeline-sqlite" in results and "pipeline-pool" in results:
        print(f"pool / plain loop = {results['pipeline-pool']['pages_per_second'] / results['pipeline-sqlite']['pages_per_second']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
