"""What the CLI translates to: opening an assistant from options, ingesting what a user names, the
sign-in pair. The commands themselves are run as a user runs them in test_cli.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealqa import Assistant
from dealqa.access import parse_login
from dealqa.errors import InputError


def test_an_option_left_out_keeps_the_environment_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DEALQA_TOP_K", "3")
    monkeypatch.setenv("DEALQA_DATA_DIR", str(tmp_path / "from-env"))
    settings = Assistant.configure(top_k=None, data_dir=tmp_path / "given")
    assert settings.top_k == 3
    assert settings.data_dir == tmp_path / "given"


def test_rebuild_opens_a_store_too_damaged_to_open(tmp_path: Path, corpus_copy: Path) -> None:
    options = {"data_dir": tmp_path / "data", "corpus_dir": corpus_copy}
    Assistant.open(**options)
    (tmp_path / "data" / "chroma" / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    rebuilt = Assistant.open(auto_ingest=False, rebuild=True, **options)
    report = rebuilt.ingest_sources([], rebuild=True)
    assert sorted(report.added) == ["colossus-center-of-gravity", "spacex-leases-colossus-1"]
    assert "Memphis" in rebuilt.ask("Where is Colossus 1 located?").text


def test_ingest_sources_reads_files_folders_and_url_lists(fresh: Assistant, corpus_copy: Path, tmp_path: Path) -> None:
    one = sorted(corpus_copy.glob("*.md"))[0]
    assert fresh.ingest_sources([str(one)]).unchanged == [one.stem]
    with pytest.raises(InputError, match="no such file or directory"):
        fresh.ingest_sources([str(tmp_path / "missing")])
    with pytest.raises(InputError, match=r"cannot read the URL list .*urls\.txt"):
        fresh.ingest_sources([], url_list=tmp_path / "urls.txt")
    listed = tmp_path / "only-comments.txt"
    listed.write_text("# nothing yet\n\n")
    # A URL list with no URLs in it ingests the corpus, as no sources at all would.
    articles = sorted(p.stem for p in corpus_copy.glob("*.md"))
    assert sorted(fresh.ingest_sources([], url_list=listed).unchanged) == articles


def test_the_sign_in_pair() -> None:
    assert parse_login(None) is None
    assert parse_login("alice:pass:with:colons") == ("alice", "pass:with:colons")
    for bad in ("alice", "alice:", ":secret"):
        with pytest.raises(InputError, match="--auth wants USER:PASSWORD"):
            parse_login(bad)
