"""The LLM path: a real llama.cpp OpenAI-compatible server, the in-process local model, and fakes
only for keyed providers."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from dealqa import Answer, Assistant, InputError
from dealqa.answering.generative import GenerativeAnswerer
from dealqa.answering.llm import bundled_model_path, resolve_llm
from dealqa.answering.verify import Verifier
from tests.conftest import background_server, free_port


def _check_verified(assistant: Assistant, answer: Answer, expected: str) -> None:
    """Every kept sentence is backed by its citations; otherwise the answer fell back, marked as such."""
    assert answer.answerer.startswith("llm:")
    assert expected in answer.text
    if answer.fallback:
        assert answer.text.startswith("(Quoted answer:")
    for citation in answer.citations:
        article = assistant.article(citation.article_id)
        assert article is not None and article.text[citation.start : citation.end] == citation.quote


@pytest.fixture(scope="module")
def llama_server() -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1"
    command = [sys.executable, "-m", "llama_cpp.server", "--model", bundled_model_path(), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", "4096", "--model_alias", "smollm2"]  # fmt: skip
    with background_server(command, f"{url}/models"):
        yield url


@pytest.mark.slow
def test_openai_provider_against_a_real_llama_cpp_server(assistant: Assistant, llama_server: str) -> None:
    llm = Assistant(assistant.settings, auto_ingest=False, llm="openai:smollm2", llm_base_url=llama_server)
    _check_verified(llm, llm.ask("When was the deal signed?"), "2026")
    _check_verified(llm, llm.ask("Where is Colossus 1 located?"), "Memphis")
    pieces = list(llm.stream("Where is Colossus 1 located?"))
    final = pieces[-1]
    assert isinstance(final, Answer)
    assert "".join(p for p in pieces[:-1] if isinstance(p, str)) in final.text


@pytest.mark.slow
def test_local_model_in_process(assistant: Assistant) -> None:
    import llama_cpp

    # a build with llama.cpp's AMX kernels kills the process at the first token on an AMX Xeon: say
    # so here rather than end the whole run with a segfault
    built = llama_cpp.llama_print_system_info().decode()
    assert "AMX" not in built, f"llama-cpp-python was built for this CPU ({built}); rebuild it as `make setup` does"
    local = Assistant(assistant.settings, auto_ingest=False, llm="local")
    answer = local.ask("Where is Colossus 1 located?")
    _check_verified(local, answer, "Memphis")
    assert answer.draft_sentences >= 1


def _fake(assistant: Assistant, *responses: str) -> Assistant:
    """The assistant with a scripted chat model standing in for a keyed provider."""
    fake = Assistant(assistant.settings, auto_ingest=False)
    fake.answerer = GenerativeAnswerer(
        FakeListChatModel(responses=list(responses)), "anthropic:fake", fake.extractive,
        Verifier(fake.embedder.encode),
    )  # fmt: skip
    return fake


def test_supported_sentences_are_kept_and_invented_ones_removed(assistant: Assistant) -> None:
    question = "Where is Colossus 1 located?"
    hits = assistant.search(question, k=assistant.settings.top_k)
    n = next(i for i, h in enumerate(hits[:4], 1) if "Memphis" in h.chunk.text)  # the number the model sees
    fake = _fake(
        assistant,
        f"The Colossus 1 facility is located in Memphis, Tennessee [{n}]. "
        f"The Colosseum 1 data center is run by Elon Musk's CEO [{n}]. It has 900 GPUs [{n}].",
    )
    answer = fake.ask(question)
    assert not answer.fallback
    assert answer.text == "The Colossus 1 facility is located in Memphis, Tennessee [1]."
    assert answer.citations[0].quote == "The Colossus 1 facility is located in Memphis, Tennessee [2]."
    assert len(answer.removed_claims) == 2 and answer.draft_sentences == 3


def test_malformed_or_unsupported_output_falls_back(assistant: Assistant) -> None:
    for draft in ("", "}}{{ <<<>>> [[[", "Paris is the capital of France [1]."):
        answer = _fake(assistant, draft).ask("Where is Colossus 1 located?")
        assert answer.fallback and "Memphis" in answer.text


def test_a_false_premise_is_said_whatever_the_model_drafts(assistant: Assistant) -> None:
    # The model takes the premise for granted; the evidence says otherwise, and that is the answer.
    fake = _fake(assistant, "SpaceX cancelled the lease because Anthropic missed a payment [1].")
    answer = fake.ask("Why did SpaceX cancel the Colossus 1 lease?")
    assert answer.text.startswith("The articles don't say that")
    assert "cancelled" not in answer.text and "signed a deal" in answer.citations[0].quote


def test_a_question_about_the_reporting_is_answered_from_metadata_the_model_never_sees(assistant: Assistant) -> None:
    # The shipped articles name no author in their metadata: the model's guess is not the answer.
    answer = _fake(assistant, "Jane Doe wrote the article [1].").ask("Who wrote the article about Colossus 1?")
    assert answer.abstained and "Jane Doe" not in answer.text and "metadata doesn't say" in answer.text


def test_model_refusal_is_a_plain_abstention(assistant: Assistant) -> None:
    answer = _fake(assistant, "The sources do not say.").ask("How many GPUs does Colossus 1 have?")
    assert answer.abstained and not answer.fallback


def test_unreachable_server_gives_the_extractive_answer_marked(assistant: Assistant) -> None:
    dead = Assistant(
        assistant.settings, auto_ingest=False, llm="openai:x", llm_base_url=f"http://127.0.0.1:{free_port()}/v1",
        llm_timeout_s=5,
    )  # fmt: skip
    answer = dead.ask("Where is Colossus 1 located?")
    assert answer.fallback and "could not be used" in answer.text and "Memphis" in answer.text


def test_missing_keys_and_unknown_providers_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(InputError, match="ANTHROPIC_API_KEY"):
        resolve_llm("anthropic:claude-sonnet-4-5")
    with pytest.raises(InputError, match="OPENAI_API_KEY"):
        resolve_llm("openai:gpt-4o-mini")
    with pytest.raises(InputError, match="unknown LLM 'mystery:x'"):
        resolve_llm("mystery:x")
