"""OpenAI-style chat completion chunks (server-sent events) from :meth:`Assistant.stream`.

The question is checked before the stream starts (:meth:`Assistant.check`), so a bad question or an
empty store gets its HTTP status; a failure after the first byte arrives as an OpenAI-style error
event (``{"error": {"message", "type", "code"}}``), never as answer text.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .errors import DealQAError, InputError, StoreError
from .types import Answer

if TYPE_CHECKING:
    from .assistant import Assistant

log = logging.getLogger(__name__)
MODEL_ID = "dealqa"


def with_sources(answer: Answer) -> str:
    """The answer text followed by a plain sources list, for chat UIs that show only text."""
    if not answer.citations:
        return answer.text
    lines = [f"[{c.n}] {c.title} ({c.article_id}): “{c.quote}”" for c in answer.citations]
    return answer.text + "\n\nSources:\n" + "\n".join(lines)


def completion(answer: Answer) -> dict[str, Any]:
    """A whole ``chat.completion`` object."""
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": MODEL_ID,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": with_sources(answer)}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        "citations": answer.to_dict()["citations"],
        "abstained": answer.abstained,
    }


def error_object(exc: Exception, assistant: Assistant) -> dict[str, Any]:
    """An OpenAI-style error body; the text of an unexpected failure stays in the server log."""
    if isinstance(exc, DealQAError):
        kind = "invalid_request_error" if isinstance(exc, InputError) else "server_error"
        code = "store_unavailable" if isinstance(exc, StoreError) else type(exc).__name__
        return {"error": {"message": assistant.redact(str(exc)), "type": kind, "code": code}}
    return {
        "error": {"message": "internal error; the server log has the details", "type": "server_error", "code": None}
    }


def chunks(assistant: Assistant, question: str, history: list[str]) -> Iterator[str]:
    """The events of one streamed answer; call :meth:`Assistant.check` first."""
    ident, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())

    def event(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        chunk = {"id": ident, "object": "chat.completion.chunk", "created": created, "model": MODEL_ID}
        return f"data: {json.dumps({**chunk, 'choices': [choice], **extra}, ensure_ascii=False)}\n\n"

    yield event({"role": "assistant", "content": ""})
    try:
        for item in assistant.stream(question, history):
            if isinstance(item, Answer):
                sources = with_sources(item)[len(item.text) :]
                if sources:
                    yield event({"content": sources})
                yield event({}, "stop", citations=item.to_dict()["citations"], abstained=item.abstained)
            else:
                yield event({"content": item})
    except DealQAError as exc:
        log.info("streamed answer stopped: %s", assistant.redact(str(exc)))
        yield f"data: {json.dumps(error_object(exc, assistant), ensure_ascii=False)}\n\n"
    except Exception as exc:
        log.exception("streaming an answer failed")
        yield f"data: {json.dumps(error_object(exc, assistant))}\n\n"
    yield "data: [DONE]\n\n"
