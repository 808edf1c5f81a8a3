"""`dealqa serve --auth USER:PASSWORD` keeps the UI closed to anyone without the password."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import LiveServer, server_workdir

pytestmark = pytest.mark.slow  # live servers


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(server_workdir(tmp_path_factory.mktemp("locked")), "--auth", "alice:s3cret")
    yield live
    live.stop()


def test_ui_needs_the_password(locked: LiveServer) -> None:
    assert httpx.get(f"{locked.url}/config").status_code == 401
    assert httpx.post(f"{locked.url}/login", data={"username": "alice", "password": "wrong"}).status_code == 400
    with httpx.Client(base_url=locked.url) as client:
        assert client.post("/login", data={"username": "alice", "password": "s3cret"}).status_code == 200
        config = client.get("/config")
        assert config.status_code == 200 and "dq-chat" in config.text


def test_bad_auth_value_is_a_clear_error(tmp_path: pytest.TempPathFactory) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    dealqa = str(Path(sys.executable).with_name("dealqa"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    result = subprocess.run(
        [dealqa, "serve", "--auth", "nopassword"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1 and "--auth wants USER:PASSWORD" in result.stderr
