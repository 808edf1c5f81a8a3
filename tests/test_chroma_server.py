"""Server mode: a real `chroma run` on loopback, used through DEALQA_CHROMA_URL with no other change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT, background_server, free_port

pytestmark = pytest.mark.slow  # a real `chroma run` server and CLI processes

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    url = f"http://127.0.0.1:{port}"
    command = [str(BIN / "chroma"), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    with background_server(command, f"{url}/api/v2/heartbeat"):
        yield url


def test_ingest_ask_and_eval_through_a_chroma_server(chroma_url: str, tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    env["DEALQA_CHROMA_URL"] = chroma_url

    def dealqa(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN / "dealqa"), *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
        )

    ingest = dealqa("ingest")
    assert ingest.returncode == 0, ingest.stderr
    assert "2 added" in ingest.stdout
    status = json.loads(dealqa("status", "--json").stdout)
    assert status["store"] == "server" and status["store_location"] == chroma_url and status["articles"] == 2
    assert not (tmp_path / ".dealqa" / "chroma").exists()  # nothing went to the embedded store
    answer = json.loads(dealqa("ask", "Where is Colossus 1 located?", "--json").stdout)
    assert "Memphis, Tennessee" in answer["text"]
    result = dealqa("eval", "--dataset", str(ROOT / "evals" / "deal_facts.yaml"), "--json", "out.json",
                    "--fail-under", "retrieval_recall_at_5=0.9")  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads((tmp_path / "out.json").read_text())["metrics"]["cases"] >= 50


def test_unreachable_chroma_server_is_a_clear_error(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    env["DEALQA_CHROMA_URL"] = f"http://127.0.0.1:{free_port()}"
    result = subprocess.run(
        [str(BIN / "dealqa"), "status"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "error:" in result.stderr and "Traceback" not in result.stderr
