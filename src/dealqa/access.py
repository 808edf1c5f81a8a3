"""Who may read and who may write: the one set of access rules every server route is checked against.

A server is *protected* when it has a sign-in pair (``serve --auth USER:PASSWORD``) or a bearer
token with ``DEALQA_PROTECT_READS``; then every route but ``/healthz`` needs a credential. A
*writer* (uploads, ``/v1/ingest``) needs a credential always: the bearer token, the ``--auth`` pair
(HTTP Basic, or a signed-in chat session), and uploads through the UI need ``--allow-upload`` too.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from dataclasses import dataclass

from .errors import InputError


def parse_login(text: str | None, option: str = "--auth") -> tuple[str, str] | None:
    """The sign-in pair of ``USER:PASSWORD`` (None for none given); a malformed pair is an error
    that names the ``option`` it came from.

    Example:
        >>> parse_login("alice:s3cret:with:colons")
        ('alice', 's3cret:with:colons')
    """
    if not text:
        return None
    user, sep, password = text.partition(":")
    if not (sep and user and password):
        raise InputError(f"{option} wants USER:PASSWORD (both parts not empty)")
    return user, password


@dataclass(frozen=True)
class Access:
    """The access rules of one server.

    Example:
        >>> rules = Access(token="t0ken", login=("alice", "s3cret"))
        >>> rules.protected, rules.valid("Bearer t0ken"), rules.valid("Basic YWxpY2U6czNjcmV0")
        (True, True, True)
    """

    token: str | None = None
    login: tuple[str, str] | None = None
    protect_reads: bool = False
    allow_upload: bool = False

    @property
    def protected(self) -> bool:
        """Whether reads need a credential too."""
        return self.login is not None or bool(self.token and self.protect_reads)

    @property
    def writable(self) -> bool:
        """Whether any credential could write at all."""
        return bool(self.token) or self.login is not None

    @property
    def ui_login(self) -> bool:
        """Whether the chat UI shows a sign-in page (with the token as password when there is no pair)."""
        return self.protected

    @property
    def ui_changes(self) -> bool:
        """Whether the chat UI may add and delete articles: with ``--allow-upload`` and a sign-in
        page, so only a signed-in writer reaches those controls."""
        return self.allow_upload and self.ui_login

    def valid(self, authorization: str | None) -> bool:
        """Whether an ``Authorization`` header value carries the token or the sign-in pair."""
        scheme, _, value = (authorization or "").strip().partition(" ")
        value = value.strip()
        if scheme.lower() == "bearer" and self.token:
            return _same(value, self.token)
        if scheme.lower() == "basic" and self.login:
            try:
                user, sep, password = base64.b64decode(value, validate=True).decode("utf-8").partition(":")
            except (binascii.Error, UnicodeDecodeError, ValueError):
                return False
            return bool(sep) and self.check_login(user, password)
        return False

    def check_login(self, user: str, password: str) -> bool:
        """The chat UI's sign-in: the ``--auth`` pair, or (without one) any name with the token."""
        if self.login:
            return _same(user, self.login[0]) & _same(password, self.login[1])
        return bool(self.token and self.protect_reads) and _same(password, self.token or "")

    def challenge(self) -> str:
        """The ``WWW-Authenticate`` value that names the schemes this server accepts."""
        schemes = (["Bearer"] if self.token else []) + (['Basic realm="dealqa"'] if self.login else [])
        return ", ".join(schemes) or "Bearer"


def _same(given: str, expected: str) -> bool:
    return secrets.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))
