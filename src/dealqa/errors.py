"""Errors whose message is shown to the user as it is (the CLI and servers print it, no traceback)."""

import sys
from pathlib import Path


class DealQAError(Exception):
    """Base of every error meant for the user."""


class InputError(DealQAError, ValueError):
    """A question, argument or setting that cannot be used."""


class LoadError(DealQAError):
    """A file that cannot be read as an article."""


class StoreError(DealQAError):
    """The vector store is missing, corrupt or unreachable."""


class EmptyStoreError(DealQAError):
    """The store holds no articles, so there is nothing to answer from; the message says where the
    store is and how to fill it."""


class BusyError(DealQAError):
    """Another process holds the ingest lock."""


class NotFoundError(DealQAError, LookupError):
    """An article id (or other named thing) that is not in the store; the message says how to list them."""


class MissingDependencyError(DealQAError, ImportError):
    """An optional feature whose package is not installed; the message is the command that installs it.

    Example (in the checkout, with `make`'s .venv):
        >>> str(MissingDependencyError("the local LLM", "local-llm", note="compiles for a few minutes"))
        'the local LLM needs an optional package: .venv/bin/pip install -e ".[local-llm]" (compiles for a few minutes)'
    """

    def __init__(self, feature: str, extra: str, note: str = "") -> None:
        self.extra = extra
        self.command = install_command(extra)
        super().__init__(f"{feature} needs an optional package: {self.command}" + (f" ({note})" if note else ""))


def install_command(extra: str) -> str:
    """The pip command that adds the ``dealqa[extra]`` packages to the environment running this code.

    From a source checkout (what `make` installs, editable) it names the checkout, else the package.
    """
    python = Path(sys.executable).absolute()  # not resolved: a venv's python is a link to the base one
    pip = python.with_name("pip")
    installer = _shown(pip) if pip.is_file() else f"{_shown(python)} -m pip"
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and Path(__file__).resolve().parent == checkout / "src" / "dealqa":
        return f'{installer} install -e "{_shown(checkout)}[{extra}]"'
    return f"{installer} install 'dealqa[{extra}]'"


def _shown(path: Path) -> str:
    """A path relative to the working directory when it lies inside it, else absolute."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
