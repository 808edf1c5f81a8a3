"""The installed ``dealqa`` command, run as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS

pytestmark = pytest.mark.slow  # the CLI in its own processes

DEALQA = str(Path(sys.executable).with_name("dealqa"))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory with a corpus/, like a user's checkout; the store goes to .dealqa/."""
    root = tmp_path_factory.mktemp("cli")
    shutil.copytree(CORPUS, root / "corpus")
    return root


def run(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    return subprocess.run([DEALQA, *args], cwd=workdir, env=env, capture_output=True, text=True, timeout=300)


def test_ingest_then_ask_json(workdir: Path) -> None:
    ingest = run(workdir, "ingest")
    assert ingest.returncode == 0, ingest.stderr
    assert "2 added" in ingest.stdout
    again = run(workdir, "ingest")
    assert "2 unchanged" in again.stdout and "0 texts embedded" in again.stdout
    asked = run(workdir, "ask", "When was the deal signed?", "--json")
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["abstained"] is False and "May 6, 2026" in answer["text"]
    citation = answer["citations"][0]
    assert set(citation) >= {"article_id", "title", "start", "end", "quote"}
    assert (workdir / ".dealqa" / "chroma").is_dir()


def test_a_first_ask_ingests_the_corpus_and_keeps_it(tmp_path: Path) -> None:
    # `ask` ends without the interpreter's teardown: what its first run ingests must still be there
    shutil.copytree(CORPUS, tmp_path / "corpus")
    first = run(tmp_path, "ask", "When was the deal signed?")
    assert first.returncode == 0 and "May 6, 2026" in first.stdout, first.stderr
    again = run(tmp_path, "ingest")
    assert "2 unchanged" in again.stdout and "0 texts embedded" in again.stdout, again.stdout
    found = run(tmp_path, "search", "Memphis, Tennessee", "--json")
    assert found.returncode == 0 and "Memphis" in found.stdout, found.stderr


def test_status_json(workdir: Path) -> None:
    status = run(workdir, "status", "--json")
    assert status.returncode == 0, status.stderr
    stats = json.loads(status.stdout)
    assert stats["articles"] == 2 and stats["embedding_model"] == "all-MiniLM-L6-v2"


def test_errors_are_one_clear_line_without_traceback(workdir: Path) -> None:
    result = run(workdir, "ask", "   ")
    assert result.returncode == 1
    assert "error: the question is empty" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    missing = run(workdir, "ingest", "no/such/dir")
    assert missing.returncode == 1 and "no such file or directory: no/such/dir" in missing.stderr


def test_skipped_files_set_the_exit_code(workdir: Path, tmp_path: Path) -> None:
    (tmp_path / "junk.txt").write_bytes(b"\x00\xff" * 50)
    result = run(workdir, "ingest", str(tmp_path))
    assert result.returncode == 3
    assert "junk.txt" in result.stderr and "binary" in result.stderr


def test_chat_keeps_the_conversation(workdir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    chat = subprocess.run(
        [DEALQA, "chat"],
        cwd=workdir,
        env=env,
        input="When was the deal signed?\nWhere is that facility?\n\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert chat.returncode == 0, chat.stderr
    assert "2026" in chat.stdout and "Memphis" in chat.stdout
