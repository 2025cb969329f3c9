"""Pages rendered by pdfium, one call at a time.

PDFium may not be called from two threads at once, not even on two documents (pypdfium2's own
documentation: it crashes the process), and batches run documents in threads. Every pdfium call
of the project, camelot's lattice (which renders through pdfium) included, takes PDFIUM_LOCK;
every pdfium object is closed under it, never left to another thread's garbage collector.
"""
from __future__ import annotations

import threading

from extractors.visible_text import RENDER_SCALE

PDFIUM_LOCK = threading.Lock()


class PageRenderer:
    """A PDF's pages rendered in grey at RENDER_SCALE: what was painted. A file pdfium cannot
    open is rendered as None (the checks that need it stand aside)."""

    def __init__(self, data: bytes):
        try:
            import pypdfium2 as pdfium

            with PDFIUM_LOCK:
                self.doc = pdfium.PdfDocument(data)
        except Exception:
            self.doc = None

    def __call__(self, index: int):
        image = self._render(index, RENDER_SCALE, grayscale=True)
        if image is None:
            return None
        return image[:, :, 0] if image.ndim == 3 else image

    def colour(self, index: int, scale: float):
        """The page in colour (BGR, as OpenCV and the recognizer take it) at `scale` pixels a point,
        for OCR; None where pdfium fails."""
        image = self._render(index, scale, grayscale=False)
        return None if image is None else image[:, :, :3].copy()

    def _render(self, index: int, scale: float, grayscale: bool):
        if self.doc is None:
            return None
        with PDFIUM_LOCK:
            page = bitmap = None
            try:
                page = self.doc[index]
                bitmap = page.render(scale=scale, grayscale=grayscale)
                return bitmap.to_numpy().copy()
            except Exception:
                return None
            finally:
                if bitmap is not None:
                    bitmap.close()
                if page is not None:
                    page.close()

    def close(self) -> None:
        if self.doc is not None:
            with PDFIUM_LOCK:
                self.doc.close()
