"""Shared fixtures. Seed documents live beside the project (../shared/); tests that need them
skip, saying why, where they are absent (a clone outside this workplace)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BULLETINS_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
SAMPLES = ROOT / "samples"
CHECK_EXPORT = SHARED / "tools" / "check_export.py"


def seed_path(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS} (clone outside the workplace)")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"no seed {prefix}_*.txt in {SEEDS}")
    return matches[0]


@pytest.fixture(scope="session")
def kit():
    from pipeline.stages.document import Toolkit

    return Toolkit.create()


@pytest.fixture(scope="session")
def extract(kit):
    """extract(path) → ExtractedDocument, cached per path for the session."""
    from pipeline.stages.document import extract_document, read_source

    cache = {}

    def _extract(path):
        path = str(path)
        if path not in cache:
            data, sha = read_source(path)
            cache[path] = extract_document(path, data, sha, kit)
        return cache[path]

    return _extract


def read_text(kit, name: str, text: str):
    """A bulletin written in the test, read as a text file is."""
    from pipeline.core.normalize import normalize_text
    from pipeline.stages.document import extract_from_lines
    from schemas.records import SourceText

    return extract_from_lines(SourceText(name, "0" * 64, "utf-8", normalize_text(text)), kit)
