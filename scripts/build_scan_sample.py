#!/usr/bin/env python3
"""Build the scanned sample: a page of a sample bulletin printed, scanned and wrapped as a PDF
with no text layer, as archives hold paper bulletins.

The source is drawn as the PDF samples are (build_sample_pdfs.py), with a TrueType font embedded
so that the page renders with its Chinese glyphs (the PDF samples' STSong-Light is not embedded,
and a machine without CJK fonts renders it blank). The first page is rendered at 200 dpi in grey,
turned by a small angle, given paper noise and a little blur, and saved as a JPEG inside a PDF.
Deterministic: the noise has a fixed seed.

Needs reportlab, pypdfium2, Pillow, numpy and mplfonts (for its SimHei.ttf): pip install -e '.[test]'.
usage: python scripts/build_scan_sample.py [SOURCE.txt]
"""
from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import build_sample_pdfs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = build_sample_pdfs.SOURCES / "2020_lukou_1-6.txt"
DPI = 200
ANGLE = 0.6  # degrees: a sheet fed a little askew
SEED = 2020


def embedded_font() -> str:
    """Register SimHei (shipped by mplfonts) with reportlab; its glyphs are embedded in the PDF."""
    import mplfonts
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = Path(mplfonts.__file__).parent / "fonts" / "SimHei.ttf"
    pdfmetrics.registerFont(TTFont("SimHei", str(path)))
    return "SimHei"


def scanned(page_image, angle: float = ANGLE, seed: int = SEED):
    """A clean rendering as a scanner gives it back: askew, noisy, slightly soft."""
    import numpy as np
    from PIL import Image, ImageFilter

    grey = page_image.convert("L").rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    grey = grey.filter(ImageFilter.GaussianBlur(0.6))
    pixels = np.asarray(grey, dtype=np.float32)
    rng = np.random.default_rng(seed)
    pixels = pixels * 0.94 + 8 + rng.normal(0, 9, pixels.shape)  # grey paper, sensor noise
    specks = rng.random(pixels.shape) < 0.0004
    pixels[specks] = 40  # dust
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def scanned_pdf(document, pages: int) -> bytes:
    """The first `pages` pages of a pdfium document printed and scanned: a PDF of their images at
    DPI, with no text layer."""
    images = [scanned(document[i].render(scale=DPI / 72).to_pil()) for i in range(min(pages, len(document)))]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=DPI, save_all=True, append_images=images[1:], quality=80)
    return buffer.getvalue()


def build(source: Path, out: Path, pages: int = 1) -> Path:
    import pypdfium2 as pdfium

    build_sample_pdfs.FONT = embedded_font()
    with tempfile.TemporaryDirectory() as work:
        document = pdfium.PdfDocument(str(build_sample_pdfs.build(source, Path(work))))
        out.write_bytes(scanned_pdf(document, pages))
        document.close()
    return out


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT
    print(build(source, ROOT / "samples" / f"{source.stem}_scan.pdf"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
