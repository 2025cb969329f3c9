#!/usr/bin/env python3
"""How well scans read: each born-digital PDF is printed and scanned (rendered at 200 dpi, turned,
noised: scripts/build_scan_sample.py's `scanned`), read by OCR, and its facts held against the
born-digital PDF's own. Prints per document: figures found (values), measure right (value, unit,
measure and category), entity and measure right (and the period), and figures the scan has that the
PDF has not (a chart's labels, misreads).

usage: python scripts/ocr_accuracy.py [PDF ...] [--pages N]
  (default: ../shared/seeds_pdf/*.pdf and the first three pages of the 周口 communiqué in
  ../shared/real_pdfs; the recognizer's readings are cached, so a second run takes seconds)
"""
from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def _key(f):
    return f.entity, f.metric, f.category, round(f.value, 6), f.unit, f.period.label if f.period else None


def _measure(f):
    return f.metric, f.category, round(f.value, 6), f.unit


def scan_of(source: Path, pages: int, work: Path) -> tuple[Path, Path]:
    """The PDF's first `pages` pages born-digital, and the same pages printed and scanned."""
    import pypdfium2

    from build_scan_sample import scanned_pdf

    document = pypdfium2.PdfDocument(str(source))
    digital = pypdfium2.PdfDocument.new()
    digital.import_pages(document, list(range(min(pages, len(document)))))
    digital_path, scan_path = work / f"{source.stem}.pdf", work / f"{source.stem}_scan.pdf"
    digital.save(str(digital_path))
    scan_path.write_bytes(scanned_pdf(document, pages))
    digital.close()
    document.close()
    return digital_path, scan_path


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from pipeline.stages.document import Toolkit, extract_document, read_source

    pages = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else 100
    paths = [Path(a) for a in argv if a.endswith(".pdf")]
    jobs = [(p, pages) for p in paths] or [(p, pages) for p in sorted((SHARED / "seeds_pdf").glob("*.pdf"))] + \
        [(p, 3) for p in sorted((SHARED / "real_pdfs").glob("01_*.pdf"))]
    kit = Toolkit.create()
    total = Counter()
    print(f"{'document':<42} {'facts':>6} {'figures':>8} {'measure':>8} {'entity+measure':>15} {'extra':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for source, n in jobs:
            digital, scan = scan_of(source, n, Path(tmp))
            born = extract_document(str(digital), *read_source(str(digital)), kit).facts
            read = extract_document(str(scan), *read_source(str(scan)), kit).facts
            values, got = Counter(round(f.value, 6) for f in born), Counter(round(f.value, 6) for f in read)
            row = Counter(n=sum(values.values()), figures=sum((values & got).values()),
                          measure=sum((Counter(map(_measure, born)) & Counter(map(_measure, read))).values()),
                          entity=sum((Counter(map(_key, born)) & Counter(map(_key, read))).values()),
                          extra=sum((got - values).values()))
            total.update(row)
            print(f"{source.name[:42]:<42} {row['n']:>6} {row['figures'] / row['n']:>8.3f} "
                  f"{row['measure'] / row['n']:>8.3f} {row['entity'] / row['n']:>15.3f} {row['extra']:>6}")
    if total["n"]:
        print(f"{'all':<42} {total['n']:>6} {total['figures'] / total['n']:>8.3f} {total['measure'] / total['n']:>8.3f} "
              f"{total['entity'] / total['n']:>15.3f} {total['extra']:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
