"""Shared fixtures: the real bundled model, a real embedded Chroma in a temporary directory."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dealqa import Assistant, Settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"


def make_settings(tmp: Path, corpus: Path = CORPUS, **overrides: object) -> Settings:
    return Settings(data_dir=tmp / "data", corpus_dir=corpus, **overrides)  # type: ignore[arg-type]


def assistant_over(root: Path, articles: dict[str, str]) -> Assistant:
    """An assistant over a corpus of these articles (file name: text), written under ``root``."""
    (root / "corpus").mkdir()
    for name, text in articles.items():
        (root / "corpus" / name).write_text(text, encoding="utf-8")
    return Assistant(make_settings(root, root / "corpus"))


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The deal corpus, ingested once for the whole session (read-only use)."""
    return Assistant(make_settings(tmp_path_factory.mktemp("shared")))


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture
def fresh(tmp_path: Path, corpus_copy: Path) -> Iterator[Assistant]:
    """An assistant over a private copy of the corpus, free to change."""
    yield Assistant(make_settings(tmp_path, corpus_copy))


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes] | None = None, attempts: int = 240) -> None:
    """Poll ``url`` until it answers 200; bounded (attempts × about half a second)."""
    import time

    import httpx

    for _ in range(attempts):
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the process serving {url} exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up")


@contextmanager
def background_server(command: list[str], health_url: str) -> Iterator[None]:
    """Run a server process on loopback until the block ends; wait (bounded) until it is healthy."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(health_url, process)
        yield
    finally:
        process.terminate()
        process.wait(timeout=20)


class LiveServer:
    """``dealqa serve`` in a subprocess on a free loopback port."""

    def __init__(self, workdir: Path, *args: str, env: dict[str, str] | None = None) -> None:
        import os
        import subprocess
        import sys

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workdir = workdir
        environment = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
        environment.update(env or {})
        dealqa = str(Path(sys.executable).with_name("dealqa"))
        self.log = (workdir / "server.log").open("w")
        self.process = subprocess.Popen(
            [dealqa, "serve", "--port", str(self.port), *args],
            cwd=workdir,
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait()

    def _wait(self) -> None:
        try:
            wait_until_up(f"{self.url}/healthz", self.process)
        except RuntimeError as exc:
            self.stop()
            raise RuntimeError(f"{exc}: {(self.workdir / 'server.log').read_text()[-2000:]}") from exc

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except Exception:
            self.process.kill()
        self.log.close()


def server_workdir(tmp: Path) -> Path:
    shutil.copytree(CORPUS, tmp / "corpus")
    return tmp


API_TOKEN = "test-token-123"


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One live server for the API, OpenAI, MCP and browser tests (uploads and a token enabled)."""
    live = LiveServer(
        server_workdir(tmp_path_factory.mktemp("server")), "--allow-upload", env={"DEALQA_API_TOKEN": API_TOKEN}
    )
    yield live
    live.stop()
