"""Errors whose message is shown to the user as it is (the CLI and servers print it, no traceback)."""


class DealQAError(Exception):
    """Base of every error meant for the user."""


class InputError(DealQAError, ValueError):
    """A question, argument or setting that cannot be used."""


class LoadError(DealQAError):
    """A file that cannot be read as an article."""


class StoreError(DealQAError):
    """The vector store is missing, corrupt or unreachable."""


class BusyError(DealQAError):
    """Another process holds the ingest lock."""


class MissingDependencyError(DealQAError, ImportError):
    """An optional feature whose package is not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs an optional package: pip install 'dealqa[{extra}]'")
