"""jieba's dictionary in a compact, memory-mapped form, so that a run starts in milliseconds.

jieba keeps its 350,000 words as Python dicts: it unmarshals its prefix table (1 s on a busy
core) when a tokenizer first cuts, and jieba.posseg reads the whole dictionary file again to
tag words when it is imported (0.9 s). Both tables are built once here into marisa tries
(``freq.marisa`` and ``tags.marisa`` in the cache folder, 3 MiB, with a manifest of their
digests), opened with mmap by every run and shared by forked workers. Words a run adds (the gazetteer's names) go into a small dict laid
over the trie, so the tokenizer's answers are exactly jieba's own.

The cache folder is ``$BULLETINS_CACHE`` or ``~/.cache/bulletin-warehouse``; where it cannot
be written, the tries are built in memory for the run (about 3 s).
"""
from __future__ import annotations

import functools
import hashlib
import importlib
import json
import sys
import tempfile
import threading
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Optional

import marisa_trie

from pipeline.core.cache import cache_dir
from pipeline.core.files import replacing


def _import_jieba():
    """jieba without pkg_resources: jieba imports it only to find its own files, and it scans every
    installed package (a fifth of a second of each start-up); without it jieba opens them by path."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return jieba


jieba = _import_jieba()

FORMAT = "1"  # raise when the files' layout changes: a new key makes new files


class FrequencyTable:
    """jieba's FREQ (word or word prefix → frequency, 0 for a bare prefix) over a trie, with the
    words a run adds kept in a dict of its own."""

    __slots__ = ("trie", "added")

    def __init__(self, trie: marisa_trie.RecordTrie):
        self.trie = trie
        self.added: dict[str, int] = {}

    def __contains__(self, word: str) -> bool:
        return word in self.added or word in self.trie

    def __getitem__(self, word: str) -> int:
        if word in self.added:
            return self.added[word]
        return self.trie[word][0][0]

    def get(self, word: str, default=None):
        if word in self.added:
            return self.added[word]
        found = self.trie.get(word)
        return found[0][0] if found else default

    def __setitem__(self, word: str, freq: int) -> None:
        self.added[word] = freq

    def __len__(self) -> int:
        return len(self.trie) + len(self.added)


class TagTable:
    """jieba.posseg's word → part-of-speech tag over a trie, with the tags a run adds."""

    __slots__ = ("trie", "added")

    def __init__(self, trie: marisa_trie.BytesTrie):
        self.trie = trie
        self.added: dict[str, str] = {}

    def get(self, word: str, default=None):
        if word in self.added:
            return self.added[word]
        found = self.trie.get(word)
        return found[0].decode() if found else default

    def __getitem__(self, word: str) -> str:
        tag = self.get(word)
        if tag is None:
            raise KeyError(word)
        return tag

    def __contains__(self, word: str) -> bool:
        return word in self.added or word in self.trie

    def update(self, tags: dict) -> None:
        self.added.update(tags)


def _dictionary_key() -> str:
    """Names the files after what they were built from: jieba's dictionary, marisa's version."""
    dictionary = Path(jieba.__file__).with_name("dict.txt")
    stat = dictionary.stat()
    seed = f"{FORMAT}|{jieba.__version__}|{stat.st_size}|{int(stat.st_mtime)}|{version('marisa-trie')}"
    return hashlib.sha256(seed.encode()).hexdigest()[:12]


def _build() -> tuple[marisa_trie.RecordTrie, marisa_trie.BytesTrie, int]:
    """The tables from jieba's dictionary file, read as jieba reads it (gen_pfdict, load_word_tag)."""
    freq, total = jieba.Tokenizer.gen_pfdict(jieba.get_module_res("dict.txt"))
    tags = {}
    with jieba.get_module_res("dict.txt") as lines:
        for raw in lines:
            parts = raw.decode("utf-8").strip().split(" ")
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return (marisa_trie.RecordTrie("<Q", ((w, (f,)) for w, f in freq.items())),
            marisa_trie.BytesTrie((w, t.encode()) for w, t in tags.items()), total)


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _save(folder: Path, key: str, freq, tags, total: int) -> None:
    """The two tries, then a manifest of their digests: files without a manifest that matches
    them are never used."""
    folder.mkdir(parents=True, exist_ok=True)
    digests = {}
    for name, trie in (("freq", freq), ("tags", tags)):
        path = folder / f"jieba-{key}.{name}.marisa"
        with replacing(path, text=False, sync=True) as tmp:
            trie.save(tmp)
        digests[name] = _digest(path)
    with replacing(folder / f"jieba-{key}.json", sync=True) as manifest:
        json.dump({"total": total, **digests}, manifest)


def _mapped(folder: Path, key: str) -> Optional[tuple]:
    """The cached tables, mapped, if their manifest is there and their digests match it."""
    try:
        manifest = json.loads((folder / f"jieba-{key}.json").read_text())
        paths = {name: folder / f"jieba-{key}.{name}.marisa" for name in ("freq", "tags")}
        if any(_digest(path) != manifest[name] for name, path in paths.items()):
            return None  # damaged (a crash mid-write, a full disk): rebuilt
        return (marisa_trie.RecordTrie("<Q").mmap(str(paths["freq"])),
                marisa_trie.BytesTrie().mmap(str(paths["tags"])), int(manifest["total"]))
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):
        return None


@functools.lru_cache(maxsize=1)  # read-only tables: one mapping per process, shared by its tokenizers
def _tables() -> tuple[marisa_trie.RecordTrie, marisa_trie.BytesTrie, int]:
    key, folder = _dictionary_key(), cache_dir()
    tables = _mapped(folder, key)
    if tables is not None:
        return tables
    freq, tags, total = _build()
    try:
        _save(folder, key, freq, tags, total)
    except OSError as exc:  # a read-only home: this run keeps its tables in memory
        print(f"note: jieba's tables not cached in {folder} ({exc.strerror}); built for this run", file=sys.stderr)
        return freq, tags, total
    return _mapped(folder, key) or (freq, tags, total)


def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer of its own (words added to it stay its own) over the shared tables."""
    freq, _, total = _tables()
    tok = jieba.Tokenizer()
    tok.FREQ = FrequencyTable(freq)
    tok.total = total
    tok.initialized = True  # nothing left for jieba to load
    return tok


def on_word_bounds(cut: Callable[[str], list[str]], text: str, start: int, end: int) -> bool:
    """Whether text[start:end] begins and ends where the text's words do, as `cut` (a tokenizer's
    lcut) reads the words around it: 林西 in 吉林西部 straddles 吉林 / 西部, 开工 of 新开工项目 is inside
    新开工."""
    left = max(0, start - 8)
    bounds, at = {left}, left
    for word in cut(text[left:end + 8]):
        at += len(word)
        bounds.add(at)
    return start in bounds and end in bounds


def word_tags() -> TagTable:
    """jieba's part-of-speech tag of each dictionary word (ns place, nr person, v verb …)."""
    return TagTable(_tables()[1])


_IMPORTING = threading.Lock()  # the import below points jieba's module tokenizer elsewhere for a moment


def _posseg_module():
    """jieba.posseg, imported without its import-time read of the whole dictionary: it tags
    words for its module-level tokenizer, which we never use. The tokenizer it reads from is
    pointed at an empty file for the import, then set back; so jieba.posseg's own module-level
    functions (jieba.posseg.lcut) tag every word x in this process: use pos_tokenizer."""
    with _IMPORTING:
        if "jieba.posseg" not in sys.modules:
            saved = jieba.dt.dictionary
            with tempfile.NamedTemporaryFile(suffix=".txt") as empty:
                jieba.dt.dictionary = empty.name
                try:
                    importlib.import_module("jieba.posseg")
                finally:
                    jieba.dt.dictionary = saved
        return importlib.import_module("jieba.posseg")


def pos_tokenizer(words: jieba.Tokenizer):
    """A part-of-speech tokenizer over ``words`` with the shared tag table."""
    posseg = _posseg_module()
    pos = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    pos.tokenizer = words
    pos.word_tag_tab = word_tags()
    return pos


if __name__ == "__main__":  # scripts/setup.sh builds the cache once, so no first run pays for it
    _tables()
    print(f"jieba's tables cached in {cache_dir()}")
