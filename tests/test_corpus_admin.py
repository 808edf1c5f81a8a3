"""The corpus as its keepers manage it through the Assistant: listed with metadata and no server
paths, one article deleted (its merged copies kept), and one upload policy for every surface."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from dealqa import Assistant
from dealqa.errors import InputError, NotFoundError
from tests.conftest import make_settings


def test_articles_are_listed_with_their_metadata_and_never_a_server_path(assistant: Assistant) -> None:
    listed = {a.id: a for a in assistant.catalogue()}
    assert set(listed) >= {"colossus-center-of-gravity", "spacex-leases-colossus-1"}
    lease = listed["spacex-leases-colossus-1"]
    assert lease.title == "SpaceX leases Colossus 1 to Anthropic"
    assert lease.source == "spacex-leases-colossus-1.md" and lease.chunks > 0
    server_paths = [str(assistant.settings.corpus_dir.resolve()), str(assistant.settings.data_dir.resolve())]
    for article in listed.values():
        assert not any(place in article.source for place in server_paths), article.source
    answer = assistant.ask("Where is Colossus 1 located?")
    assert answer.citations and all(not Path(c.source).is_absolute() for c in answer.citations)


def test_deleting_a_story_keeps_its_copy_as_the_story_and_says_its_file_remains(
    fresh: Assistant, corpus_copy: Path
) -> None:
    lease = (corpus_copy / "spacex-leases-colossus-1.md").read_text()
    (corpus_copy / "lease-again.md").write_text(lease.replace("id: spacex-leases-colossus-1", "id: lease-again"))
    fresh.ingest([corpus_copy])
    assert {a.id: a.copy_of for a in fresh.catalogue()}["lease-again"] == "spacex-leases-colossus-1"

    report = fresh.remove_article("spacex-leases-colossus-1")
    assert report.deleted == ["spacex-leases-colossus-1"]
    assert "lease-again was a copy of spacex-leases-colossus-1; it is now a story" in report.notes
    assert any("spacex-leases-colossus-1.md is still in the corpus folder" in n for n in report.notes)
    listed = {a.id: a for a in fresh.catalogue()}
    assert "spacex-leases-colossus-1" not in listed
    assert listed["lease-again"].copy_of == "" and listed["lease-again"].chunks > 0
    answer = fresh.ask("Where is Colossus 1 located?")
    assert "Memphis" in answer.text
    assert {c.article_id for c in answer.citations} <= {"lease-again", "colossus-center-of-gravity"}
    assert "spacex-leases-colossus-1" not in {h.chunk.article_id for h in fresh.search("Memphis Tennessee", k=10)}

    with pytest.raises(NotFoundError, match=r"no article with id 'spacex-leases-colossus-1'.*articles list"):
        fresh.remove_article("spacex-leases-colossus-1")
    with pytest.raises(InputError, match="give the id of an article"):
        fresh.remove_article("  ")


def test_a_deleted_upload_leaves_no_file_behind(fresh: Assistant) -> None:
    text = b"Quillon Storage agreed to buy the Oskarshamn data hall from Brenvik for 41 million euros in June.\n"
    report = fresh.ingest_uploads([("quillon deal.txt", text)])
    assert report.added == ["upload-quillon-deal"]
    kept = fresh.settings.data_dir / "uploads" / "upload-quillon-deal.txt"
    assert kept.is_file()
    fresh.remove_article("upload-quillon-deal")
    assert not kept.exists()
    assert "upload-quillon-deal" not in {a.id for a in fresh.catalogue()}
    assert fresh.ask("Who agreed to buy the Oskarshamn data hall?").abstained


def test_one_upload_policy_names_types_sizes_and_limits(assistant: Assistant) -> None:
    policy = assistant.uploads
    assert ".pdf" in policy.types and policy.label.startswith("md, markdown")
    assert policy.stored_name("../../Q3 Deal!.MD") == "upload-q3-deal.md"
    assert "unsupported file type '.exe'" in (policy.refusal("setup.exe") or "")
    assert policy.refusal("notes.txt") is None
    with pytest.raises(InputError, match="nothing to add"):
        assistant.ingest_uploads([])
    with pytest.raises(InputError, match=f"at most {policy.max_urls} URLs"):
        assistant.ingest_uploads(urls=[f"https://example.com/{i}" for i in range(policy.max_urls + 1)])
    with pytest.raises(InputError, match="unpaired surrogate"):
        assistant.ingest_uploads(urls=["https://example.com/\ud800"])
    refused = assistant.ingest_uploads([("setup.exe", b"MZ")])
    assert [(s.path, s.reason.split(";")[0]) for s in refused.skipped] == [
        ("setup.exe", "unsupported file type '.exe'")
    ]


@pytest.mark.parametrize(
    ("since", "until", "outlet", "said"),
    [
        ("yesterday", None, None, "since must be a date like 2026-05-06, got 'yesterday'"),
        ("2027-04-01", "2027-03-01", None, "since (2027-04-01) is after until (2027-03-01)"),
        (None, None, "x" * 201, "outlet must be an outlet's name"),
    ],
)
def test_bad_filters_say_what_to_change_on_every_surface(
    assistant: Assistant, since: str | None, until: str | None, outlet: str | None, said: str
) -> None:
    with pytest.raises(InputError, match=re.escape(said)):
        assistant.search("deal", since=since, until=until, outlet=outlet)
    with pytest.raises(ValidationError, match=re.escape(said)):
        assistant.as_retriever(since=since, until=until, outlet=outlet)


@pytest.mark.slow
def test_cli_lists_and_removes_articles(tmp_path: Path, corpus_copy: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    dealqa = str(Path(sys.executable).with_name("dealqa"))
    data = ["--data-dir", str(tmp_path / "data"), "--corpus-dir", str(corpus_copy)]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([dealqa, *args, *data], env=env, capture_output=True, text=True, timeout=300)

    empty = run("articles", "list")
    assert empty.returncode == 4 and "dealqa ingest" in empty.stderr  # an empty store says how to fill it
    assert run("ingest").returncode == 0
    listed = run("articles", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert {a["id"]: a["source"] for a in json.loads(listed.stdout)} == {
        "colossus-center-of-gravity": "colossus-center-of-gravity.md",
        "spacex-leases-colossus-1": "spacex-leases-colossus-1.md",
    }
    table = run("articles", "list")
    assert "SpaceX leases Colossus 1 to Anthropic" in table.stdout and str(tmp_path) not in table.stdout
    removed = run("articles", "remove", "spacex-leases-colossus-1")
    assert removed.returncode == 0, removed.stderr
    assert "removed spacex-leases-colossus-1" in removed.stdout and "still in the corpus folder" in removed.stdout
    assert [a["id"] for a in json.loads(run("articles", "list", "--json").stdout)] == ["colossus-center-of-gravity"]
    missing = run("articles", "remove", "spacex-leases-colossus-1")
    assert missing.returncode == 1 and "no article with id 'spacex-leases-colossus-1'" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_a_copy_of_the_corpus_is_left_alone_by_a_delete(tmp_path: Path, corpus_copy: Path) -> None:
    """Deleting changes the store, never the user's files."""
    before = sorted(p.name for p in corpus_copy.iterdir())
    assistant = Assistant(make_settings(tmp_path, corpus_copy))
    assistant.remove_article("colossus-center-of-gravity")
    assert sorted(p.name for p in corpus_copy.iterdir()) == before
    shutil.rmtree(corpus_copy)
