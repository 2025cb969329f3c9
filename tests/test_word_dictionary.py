"""jieba's dictionary as memory-mapped tries: the same words and tags as jieba's own tables."""
from pathlib import Path

import jieba
import pytest

from pipeline.core import word_dictionary

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ADDED = ["荷塘区", "芦淞区", "株洲高新区", "重点项目完成投资", "宜都"]


@pytest.fixture(scope="module")
def jiebas_own():
    """jieba's tokenizer and tagger built as jieba builds them, from its dictionary file."""
    words = jieba.Tokenizer()
    words.initialize()
    posseg = word_dictionary._posseg_module()
    tags = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    tags.tokenizer = words
    tags.load_word_tag(words.get_dict_file())
    for w in ADDED:
        words.add_word(w, freq=2000)
    return words, tags


def _sample_lines():
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix in (".txt", ".md"):
            raw = path.read_bytes()
            text = raw.decode("utf-8", errors="replace") if b"\xe5" in raw[:400] else raw.decode("gb18030", "replace")
            yield from (line for line in text.splitlines() if line.strip())


def test_words_and_tags_are_jiebas_own(jiebas_own):
    own_words, own_tags = jiebas_own
    words = word_dictionary.tokenizer()
    tags = word_dictionary.pos_tokenizer(words)
    for w in ADDED:
        words.add_word(w, freq=2000)
    lines = list(_sample_lines())
    assert len(lines) > 100
    for line in lines:
        assert words.lcut(line) == own_words.lcut(line), line
        assert [tuple(p) for p in tags.lcut(line)] == [tuple(p) for p in own_tags.lcut(line)], line
    assert "荷塘区" in words.lcut("荷塘区完成投资12亿元")


def test_added_words_stay_with_their_tokenizer():
    one, other = word_dictionary.tokenizer(), word_dictionary.tokenizer()
    one.add_word("醴陵陶瓷谷", freq=2000)
    assert "醴陵陶瓷谷" in one.lcut("醴陵陶瓷谷项目开工")
    assert "醴陵陶瓷谷" not in other.lcut("醴陵陶瓷谷项目开工")


def test_tags_read_from_the_dictionary():
    tags = word_dictionary.word_tags()
    assert tags.get("南康") == "ns" and tags.get("资源") == "n"
    assert tags.get("不是一个词语啊") is None and tags.get("不是一个词语啊", "x") == "x"


def test_cache_built_once_then_mapped_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    monkeypatch.setenv("BULLETINS_CACHE", str(tmp_path))
    word_dictionary._tables.cache_clear()
    try:
        freq, tags, total = word_dictionary._tables()
        files = sorted(p.name for p in tmp_path.iterdir())
        assert [f.split(".", 1)[1] for f in files] == ["freq.marisa", "json", "tags.marisa"]
        assert total == jieba.Tokenizer.gen_pfdict(jieba.get_module_res("dict.txt"))[1]
        trie = tmp_path / files[0]
        good = trie.read_bytes()
        for damaged in (b"not a trie", good[:-200_000] + bytes(200_000)):  # unreadable; readable but zeroed
            trie.write_bytes(damaged)
            word_dictionary._tables.cache_clear()
            freq, _, _ = word_dictionary._tables()
            assert freq["重点项目"][0][0] > 0 and trie.read_bytes() == good  # rebuilt, never used as it was
        assert not list(tmp_path.glob(".partial-*"))  # no temporary file left behind
    finally:
        word_dictionary._tables.cache_clear()


def test_an_unwritable_cache_builds_the_tables_for_the_run(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("BULLETINS_CACHE", str(blocker / "cache"))  # a folder under a file cannot be made
    word_dictionary._tables.cache_clear()
    try:
        words = word_dictionary.tokenizer()
        assert "建设" in words.lcut("重点项目建设")
        assert "not cached" in capsys.readouterr().err
    finally:
        word_dictionary._tables.cache_clear()
