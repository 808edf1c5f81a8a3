"""What `make run` installs (only wheels: a first start compiles nothing) and what a missing extra says.

The pip test asks the package registry (as `make run` does) but installs nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from dealqa.answering.llm import resolve_llm
from dealqa.errors import MissingDependencyError, install_command
from tests.conftest import CORPUS, free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[1]


def make_extras(name: str) -> list[str]:
    """The extras a Makefile variable (RUN_EXTRAS, TEST_EXTRAS) installs."""
    found = re.search(rf"^{name}\s*:=\s*(\S+)\s*$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert found, f"{name} is not set in the Makefile"
    return found.group(1).split(",")


def built_from_source(report: dict[str, Any]) -> list[str]:
    """The packages of a `pip install --report` that pip would build rather than unpack: all but wheels.

    dealqa itself (the checkout) is pure Python and built in a second; it is not counted.
    """
    return [
        f"{item['metadata']['name']} {item['metadata']['version']} ({item['download_info']['url']})"
        for item in report["install"]
        if item["metadata"]["name"] != "dealqa" and not item["download_info"]["url"].endswith(".whl")
    ]


def test_make_run_leaves_out_what_compiles_and_make_test_installs_every_extra() -> None:
    run, test = make_extras("RUN_EXTRAS"), make_extras("TEST_EXTRAS")
    assert {"ui", "mcp", "llm"} <= set(run)
    assert not {"local-llm", "dev"} & set(run)
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert set(test) == set(declared), "make test installs every extra"


def test_a_report_with_an_sdist_is_flagged() -> None:
    def item(name: str, url: str) -> dict[str, Any]:
        return {"metadata": {"name": name, "version": "1"}, "download_info": {"url": url}}

    report = {
        "install": [
            item("dealqa", "file:///work/main"),
            item("numpy", "https://files.example/numpy-1-cp311-cp311-manylinux_2_28_x86_64.whl"),
            item("llama_cpp_python", "https://files.example/llama_cpp_python-1.tar.gz"),
        ]
    }
    assert built_from_source(report) == ["llama_cpp_python 1 (https://files.example/llama_cpp_python-1.tar.gz)"]


@pytest.mark.slow
def test_make_run_install_set_is_all_wheels(tmp_path: Path) -> None:
    """Resolved as a fresh install would be (--ignore-installed), the newest versions pip picks, no sdist."""
    report_path = tmp_path / "report.json"
    extras = ",".join(make_extras("RUN_EXTRAS"))
    pip = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet"]
    done = subprocess.run(
        [*pip, "--report", str(report_path), f"{ROOT}[{extras}]"], capture_output=True, text=True, timeout=540
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(report_path.read_text())
    names = {item["metadata"]["name"].lower().replace("_", "-") for item in report["install"]}
    assert {"gradio", "mcp", "langchain-openai", "torch"} <= names
    assert "llama-cpp-python" not in names
    assert built_from_source(report) == []


def test_local_llm_without_its_package_gives_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # as if [local-llm] were not installed
    monkeypatch.chdir(ROOT)
    with pytest.raises(MissingDependencyError) as raised:
        resolve_llm("local")
    message = str(raised.value)
    assert message.startswith(f"the local LLM needs an optional package: {install_command('local-llm')} (")
    assert "compiles llama-cpp-python from source" in message and "a few minutes" in message
    venv_bin = Path(sys.executable).absolute().parent
    if venv_bin.is_relative_to(ROOT):  # the checkout's own .venv, as `make` makes it
        assert install_command("local-llm") == f'{venv_bin.relative_to(ROOT)}/pip install -e ".[local-llm]"'


def _dealqa_without(package: str) -> list[str]:
    """The `dealqa` command in a Python where ``package`` cannot be imported, as if its extra were missing."""
    code = f"import sys; sys.modules[{package!r}] = None; from dealqa.cli import app; app(prog_name='dealqa')"
    return [sys.executable, "-c", code]


def _workdir(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    return tmp_path, {**env, "PYTHONUNBUFFERED": "1"}


@pytest.mark.slow
def test_serve_with_llm_local_missing_prints_the_install_command(tmp_path: Path) -> None:
    workdir, env = _workdir(tmp_path)
    done = subprocess.run(
        [*_dealqa_without("llama_cpp"), "serve", "--llm", "local", "--port", str(free_port())],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    pip = Path(sys.executable).absolute().with_name("pip")
    expected = f'{pip} install -e "{ROOT}[local-llm]"' if pip.is_file() else install_command("local-llm")
    assert f"error: the local LLM needs an optional package: {expected} (it compiles" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_serve_says_which_surfaces_are_on_and_why_mcp_is_off(tmp_path: Path) -> None:
    workdir, env = _workdir(tmp_path)
    port = free_port()
    log = workdir / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [*_dealqa_without("mcp"), "serve", "--port", str(port)], cwd=workdir, env=env, stdout=out, stderr=out
        )
        try:
            wait_until_up(f"http://127.0.0.1:{port}/healthz", server)
        finally:
            server.terminate()
            server.wait(timeout=30)
    text = log.read_text()
    assert f"dealqa is serving on http://127.0.0.1:{port}/" in text
    on = next(line for line in text.splitlines() if line.startswith("  on: "))
    assert "chat UI at /" in on and "REST API at /v1" in on and "MCP" not in on
    assert "  off: MCP, the mcp package is not installed: " in text and '[mcp]"' in text
    assert "  answers: extractive" in text
