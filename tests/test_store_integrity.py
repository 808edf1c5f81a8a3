"""Ids belong to one source; a killed ingest is reported, not served as complete; every skipped
file says why; a server sees another process's ingest (and prune) without restarting."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from dealqa import Assistant
from dealqa.errors import StoreError
from tests.conftest import API_TOKEN, LiveServer, make_settings, server_workdir

NEW = "---\ntitle: Colossus Tromso\n---\nNordlys Compute, a new company, is based in Tromsø, Norway, near the fjord.\n"


def test_an_id_of_another_file_is_refused_and_the_original_still_answers(fresh: Assistant, tmp_path: Path) -> None:
    impostor = tmp_path / "elsewhere" / "paris.md"
    impostor.parent.mkdir()
    impostor.write_text(
        "---\nid: spacex-leases-colossus-1\ntitle: Paris\n---\nColossus 1 is located in Paris, France.\n"
    )
    report = fresh.ingest([impostor])
    assert not report.added and not report.updated
    (skipped,) = report.skipped
    assert "spacex-leases-colossus-1" in skipped.reason and "already belongs to" in skipped.reason
    assert "spacex-leases-colossus-1" in skipped.reason and "corpus" in skipped.reason  # names the other file
    assert "Memphis" in fresh.ask("Where is Colossus 1 located?").text

    # The same source path again is an update, as before.
    original = Path(fresh.article("spacex-leases-colossus-1").source)  # type: ignore[union-attr]
    original.write_text(original.read_text() + "\nAn added closing line about the deal.\n")
    assert fresh.ingest([original]).updated == ["spacex-leases-colossus-1"]


def test_uploads_cannot_take_an_id_from_a_file_on_disk(fresh: Assistant) -> None:
    report = fresh.ingest_uploads([("spacex-leases-colossus-1.md", b"Colossus 1 is located in Paris, France.\n")])
    assert report.added == ["upload-spacex-leases-colossus-1"]
    claimed = fresh.ingest_uploads(
        [("x.md", b"---\nid: spacex-leases-colossus-1\n---\nColossus 1 is located in Paris, France.\n")]
    )
    assert not claimed.added and "already belongs to" in claimed.skipped[0].reason
    too_big = fresh.ingest_uploads([("big.txt", b"a" * (fresh.settings.max_file_bytes + 1))])
    assert (
        "limit" in too_big.skipped[0].reason and not (fresh.settings.data_dir / "uploads" / "upload-big.txt").exists()
    )


def test_a_symlink_loop_is_skipped_with_its_reason(fresh: Assistant, corpus_copy: Path) -> None:
    (corpus_copy / "a.md").symlink_to(corpus_copy / "b.md")
    (corpus_copy / "b.md").symlink_to(corpus_copy / "a.md")
    report = fresh.ingest([corpus_copy])
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert "loop" in reasons["a.md"] and "loop" in reasons["b.md"]


@pytest.mark.slow
def test_a_killed_ingest_is_reported_and_not_served_as_complete(tmp_path: Path, corpus_copy: Path) -> None:
    settings = make_settings(tmp_path, corpus_copy)
    Assistant(settings)  # the corpus, ingested
    for i in range(60):
        (corpus_copy / f"filler-{i}.md").write_text(f"# Filler {i}\n\n" + f"Filler article {i} about nothing. " * 40)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    dealqa = str(Path(sys.executable).with_name("dealqa"))
    command = [dealqa, "ingest", str(corpus_copy), "--data-dir", str(settings.data_dir)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    marked = Assistant(settings, auto_ingest=False)
    for _ in range(600):  # bounded: until the ingest has started writing (its mark is there)
        if marked.store.marks()[1] or process.poll() is not None:
            break
        time.sleep(0.1)
    assert process.poll() is None, "the ingest ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    reader = Assistant(settings, auto_ingest=False)
    health = reader.health()
    assert health["status"] == "incomplete" and "dealqa ingest" in health["notice"]
    with pytest.raises(StoreError, match="did not finish"):
        reader.ask("Where is Colossus 1 located?")
    status = subprocess.run(
        [dealqa, "status", "--data-dir", str(settings.data_dir)], env=env, capture_output=True, text=True, timeout=300
    )
    assert "incomplete" in status.stdout and "did not finish" in status.stdout + status.stderr

    Assistant(settings, auto_ingest=False).ingest([corpus_copy])  # the re-run repairs it
    repaired = Assistant(settings, auto_ingest=False)
    assert repaired.health()["status"] == "ok"
    assert "Memphis" in repaired.ask("Where is Colossus 1 located?").text


@pytest.mark.slow
def test_a_running_server_sees_another_process_ingest_and_prune(tmp_path: Path) -> None:
    live = LiveServer(server_workdir(tmp_path), env={"DEALQA_API_TOKEN": API_TOKEN})
    statuses: list[int] = []
    errors: list[str] = []
    stop = threading.Event()

    def load() -> None:  # questions keep coming while the other process writes
        with httpx.Client(base_url=live.url, timeout=60) as http:
            while not stop.is_set():
                response = http.post("/v1/ask", json={"question": "Where is Colossus 1 located?"})
                statuses.append(response.status_code)
                if response.status_code != 200:
                    errors.append(response.text)

    def found(words: str) -> bool:
        hits = httpx.get(f"{live.url}/v1/search", params={"q": words, "k": 3}, timeout=60).json()["hits"]
        return any("Tromsø" in h["text"] for h in hits)

    def eventually(condition: object) -> bool:
        for _ in range(100):  # bounded
            if condition():  # type: ignore[operator]
                return True
            time.sleep(0.2)
        return False

    workers = [threading.Thread(target=load) for _ in range(3)]
    try:
        for worker in workers:
            worker.start()
        extra = tmp_path / "extra"
        extra.mkdir()
        (extra / "nordlys.md").write_text(NEW)
        env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
        dealqa = str(Path(sys.executable).with_name("dealqa"))
        subprocess.run([dealqa, "ingest", str(extra)], cwd=tmp_path, env=env, check=True, timeout=300)
        assert eventually(lambda: found("Nordlys Compute Tromsø Norway"))
        answer = httpx.post(f"{live.url}/v1/ask", json={"question": "Where is Nordlys Compute based?"}, timeout=60)
        assert answer.status_code == 200 and "Tromsø" in answer.text

        # Prune it away again (only the corpus is named): the server stops finding it, no error.
        run = subprocess.run([dealqa, "ingest", "corpus", "--prune"], cwd=tmp_path, env=env, timeout=300)
        assert run.returncode == 0
        assert eventually(lambda: not found("Nordlys Compute Tromsø Norway"))
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=120)
        live.stop()
    assert statuses and set(statuses) == {200}, errors[:3]
