"""The Gradio chat UI: streamed, cited answers, a sources panel, feedback, corpus status, and a
Corpus tab listing the articles; adding (files, URLs, feeds) and deleting them when the server allows.

No ``from __future__ import annotations`` here: Gradio reads event annotations (``gr.LikeData``) at run time.
"""

import html
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .card import MAX_EXAMPLES, CorpusCard
from .errors import DealQAError, EmptyStoreError
from .metadata import byline, human_date
from .types import Answer, Citation

if TYPE_CHECKING:
    import gradio as gr

    from .assistant import Assistant

log = logging.getLogger(__name__)
CORPUS_COLUMNS = ["Title", "Outlet", "Published", "Chunks", "Source", "Id"]
_CONTEXT_CHARS = 300
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
CSS = """
.dq-cite { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 6px 10px; margin: 6px 0; }
.dq-cite summary { cursor: pointer; font-weight: 600; }
.dq-passage { line-height: 1.5; margin: 8px 0 2px; }
.dq-passage mark { background: #fde68a; color: #111; padding: 0 2px; border-radius: 3px; }
.dq-articles { margin: 0 0 8px; padding-left: 18px; }
"""


def _plain(text: str) -> str:
    """Source text shown in Markdown exactly as written (no accidental emphasis or links)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def render_answer(answer: Answer) -> str:
    """The chat message: an abstention is set apart as a notice; markers stay as [n]."""
    text = _plain(answer.text)
    text = re.sub(r"\\\[(\d+)\\\]", r"[\1]", text)  # our citation markers read as plain [n]
    if answer.abstained:
        return f"> **No answer in the articles.**\n>\n> {text}"
    return text


def render_sources(answer: Answer, assistant: "Assistant") -> str:
    """Each citation with its article title and the quote highlighted in its surrounding text."""
    if not answer.citations:
        return "<p>No sources for this answer.</p>"
    titles = dict.fromkeys(c.title for c in answer.citations)
    label = "Closest passages" if answer.abstained else "Sources"
    parts = [f"<h3>{label}</h3>", '<ul class="dq-articles">']
    parts += [f"<li>{html.escape(t)}</li>" for t in titles]
    parts.append("</ul>")
    texts: dict[str, str] = {}
    for c in answer.citations:
        if c.article_id not in texts:
            article = assistant.article(c.article_id)
            texts[c.article_id] = article.text if article else c.quote
        parts.append(_citation_card(c, texts[c.article_id]))
    return "\n".join(parts)


def _citation_card(c: Citation, text: str) -> str:
    if c.kind == "metadata":  # an answer about the reporting cites the article's metadata, not its words
        return (
            f'<details class="dq-cite" id="cite-{c.n}" open><summary>[{c.n}] {html.escape(c.title)}</summary>'
            f'<p class="dq-passage">{html.escape(c.quote)}</p>'
            f"<small>{html.escape(c.article_id)}, the article's metadata</small></details>"
        )
    start, end = (c.start, c.end) if text[c.start : c.end] == c.quote else (0, 0)
    before = text[max(0, start - _CONTEXT_CHARS) : start]
    after = text[end : end + _CONTEXT_CHARS]
    before = ("…" + before.split(" ", 1)[-1]) if start > _CONTEXT_CHARS else before
    after = (after.rsplit(" ", 1)[0] + "…") if end + _CONTEXT_CHARS < len(text) else after
    where = byline({"outlet": c.outlet, "published": c.published})
    also = f"; also in {', '.join(c.also_in)}" if c.also_in else ""
    meta = f' <small class="dq-byline">{html.escape(where + also)}</small>' if where or also else ""
    return (
        f'<details class="dq-cite" id="cite-{c.n}"><summary>[{c.n}] {html.escape(c.title)}{meta}</summary>'
        f'<p class="dq-passage">{html.escape(before)}<mark>{html.escape(c.quote)}</mark>{html.escape(after)}</p>'
        f"<small>{html.escape(c.article_id)}, characters {c.start}–{c.end}</small></details>"
    )


def _status(assistant: "Assistant") -> str:
    s = assistant.stats()
    return (
        f"**Corpus:** {s['articles']} articles, {s['chunks']} chunks · **embeddings:** {s['embedding_model']} · "
        f"**store:** {s['store']} · **answerer:** {s['answerer']}"
    )


def _banner(assistant: "Assistant", message: str | None = None) -> str:
    """A notice above the chat while the store has no articles ("" hides it)."""
    message = message or assistant.empty_store_message()
    return f"⚠ **{_plain(message)}**" if message else ""


def _text(content: Any) -> str:
    """A chat message's text, whether Gradio gives a string or a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(_text(part) for part in content)
    if isinstance(content, dict):
        return str(content.get("text") or content.get("content") or "")
    return ""


def _corpus_rows(assistant: "Assistant") -> list[list[Any]]:
    """The Corpus tab's table: one row per article (a copy says which story it was merged into)."""
    rows = []
    for a in assistant.catalogue():
        chunks = f"copy of {a.copy_of}" if a.copy_of else str(a.chunks)
        rows.append([a.title, a.outlet, human_date(a.published), chunks, a.source, a.id])
    return rows


def _corpus_table(assistant: "Assistant") -> Any:
    import pandas as pd

    try:
        rows = _corpus_rows(assistant)
    except DealQAError as exc:  # an unfinished ingest: the banner says what to do
        log.info("listing the articles failed: %s", exc)
        rows = []
    return pd.DataFrame(rows, columns=CORPUS_COLUMNS)


def _article_choices(assistant: "Assistant") -> list[tuple[str, str]]:
    try:
        return [(f"{a.title} ({a.id})", a.id) for a in assistant.catalogue()]
    except DealQAError:
        return []


def build_ui(assistant: "Assistant", *, allow_changes: bool = False) -> "gr.Blocks":
    """The UI; ``allow_changes`` adds the panels that add and delete articles (the server turns it
    on only with ``--allow-upload`` and a sign-in page, so only a signed-in writer sees them)."""
    import gradio as gr

    Turns = list[dict[str, Any]]
    Records = list[dict[str, Any] | None]

    def add_question(message: str, history: Turns) -> tuple[str, Turns]:
        return "", [*history, {"role": "user", "content": message}]

    def answer(history: Turns, answers: Records) -> Iterator[tuple[Turns, str, Records, Any]]:
        users = [_text(m.get("content")) for m in history if m.get("role") == "user"]
        question, earlier = users[-1], users[:-1]
        asked = history
        reply = {"role": "assistant", "content": ""}
        history = [*history, reply]
        try:
            for item in assistant.stream(question, earlier):
                if isinstance(item, Answer):
                    reply["content"] = render_answer(item)
                    yield history, render_sources(item, assistant), [*answers, item.to_dict()], ""
                else:
                    reply["content"] = _plain(item)
                    yield history, "", answers, gr.update()
        except EmptyStoreError as exc:  # a state of the store, shown in the banner, not as an answer
            yield asked, "", answers, _banner(assistant, str(exc))
        except DealQAError as exc:
            log.info("answering failed: %s", exc)  # the user's mistake or the store's state: one line
            reply["content"] = f"> ⚠ {_plain(assistant.redact(str(exc)))}"
            yield history, "", [*answers, None], gr.update()
        except Exception:
            log.exception("answering %r failed", question)
            reply["content"] = "> ⚠ Something went wrong while answering; the server log has the details."
            yield history, "", [*answers, None], gr.update()

    def on_like(data: gr.LikeData, history: Turns, answers: Records) -> str:
        index = data.index if isinstance(data.index, int) else data.index[0]
        position = sum(1 for m in history[:index] if m.get("role") == "assistant")
        record = answers[position] if position < len(answers) else None
        if record is None:
            return "Feedback is only kept for answers."
        assistant.record_feedback(bool(data.liked), record)
        return "Thanks, your feedback was saved."

    card = assistant.card(examples=True)
    with gr.Blocks(title=card.title) as ui:
        heading = gr.Markdown(_heading(card), elem_id="dq-heading")
        status = gr.Markdown(_status(assistant), elem_id="dq-status")
        banner = gr.Markdown(_banner(assistant), elem_id="dq-banner")
        answers = gr.State([])
        adders = []
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=320):
                        chatbot = gr.Chatbot(elem_id="dq-chat", height=460, label="Chat", buttons=["copy"])
                        question = gr.Textbox(
                            placeholder=card.placeholder,
                            show_label=False,
                            submit_btn=True,
                            elem_id="dq-input",
                        )
                        with gr.Row():
                            examples = [
                                gr.Button(text, size="sm", elem_classes="dq-example", visible=bool(text))
                                for text in _example_slots(card)
                            ]
                        notice = gr.Markdown(elem_id="dq-notice")
                    with gr.Column(scale=2, min_width=280):
                        sources = gr.HTML("<p>Sources of the latest answer appear here.</p>", elem_id="dq-sources")
                if allow_changes:
                    with gr.Accordion("Add articles", open=bool(assistant.empty_store_message())):
                        adders.append(_add_panel(assistant, "dq-add"))
            with gr.Tab("Corpus", id="corpus", elem_id="dq-corpus-tab"):
                table = gr.Dataframe(
                    _corpus_table(assistant),
                    headers=CORPUS_COLUMNS,
                    interactive=False,
                    wrap=True,
                    elem_id="dq-corpus",
                    label="Articles",
                )
                refresh = gr.Button("Refresh", size="sm")
                choice = None
                if allow_changes:
                    gr.Markdown("### Add to the corpus")
                    adders.append(_add_panel(assistant, "dq-corpus-add"))
                    gr.Markdown("### Delete an article")
                    with gr.Row():
                        choice = gr.Dropdown(
                            _article_choices(assistant), label="Article", value=None, elem_id="dq-delete-choice"
                        )
                        delete = gr.Button("Delete", variant="stop", elem_id="dq-delete")
                    deleted = gr.Markdown(elem_id="dq-delete-result")
        question.submit(add_question, [question, chatbot], [question, chatbot], queue=False).then(
            answer, [chatbot, answers], [chatbot, sources, answers, banner]
        )
        for button in examples:  # the button's own text: a new store version may change it
            button.click(add_question, [button, chatbot], [question, chatbot], queue=False).then(
                answer, [chatbot, answers], [chatbot, sources, answers, banner]
            )
        chatbot.like(on_like, [chatbot, answers], notice)

        def corpus_view() -> tuple[Any, ...]:
            listed = (_corpus_table(assistant),)
            choices = (gr.update(choices=_article_choices(assistant), value=None),) if choice is not None else ()
            return (_status(assistant), _banner(assistant), *listed, *choices)

        views = [status, banner, table, *([choice] if choice is not None else [])]
        refresh.click(corpus_view, None, views, queue=False)

        def add(files: list[str] | None, urls: str, are_feeds: bool, progress: gr.Progress = gr.Progress()) -> str:  # noqa: B008
            return _add(assistant, files, urls, are_feeds, lambda d, t, _: progress((d, t), desc="Embedding"))

        for files, urls, are_feeds, button, result in adders:
            button.click(add, [files, urls, are_feeds], result).then(corpus_view, None, views, queue=False)
        if choice is not None:
            delete.click(lambda i: _delete(assistant, i), choice, deleted).then(corpus_view, None, views, queue=False)

        def card_view() -> tuple[Any, ...]:
            now = assistant.card(examples=True)
            slots = [gr.update(value=text, visible=bool(text)) for text in _example_slots(now)]
            return (_heading(now), gr.update(placeholder=now.placeholder), *slots)

        # Each page load reads the store afresh: another process may have ingested since the UI was built.
        ui.load(corpus_view, None, views, queue=False)
        ui.load(card_view, None, [heading, question, *examples], queue=False)
    return ui


def _heading(card: CorpusCard) -> str:
    return f"## {_plain(card.title)}\n\n{_plain(card.greeting)}"


def _example_slots(card: CorpusCard) -> list[str]:
    """The card's example questions, padded with empty (hidden) buttons: a page has a fixed set."""
    shown = list(card.examples[:MAX_EXAMPLES])
    return shown + [""] * (MAX_EXAMPLES - len(shown))


def _add_panel(assistant: "Assistant", prefix: str) -> tuple[Any, Any, Any, Any, Any]:
    """A file box with a URL box beside it, the button and where the result is told."""
    import gradio as gr

    policy = assistant.uploads
    with gr.Row(equal_height=False):
        files = gr.File(
            file_count="multiple",
            file_types=list(policy.types),
            label=f"Files ({policy.label})",
            elem_id=f"{prefix}-files",
        )
        with gr.Column():
            urls = gr.Textbox(
                lines=3,
                label="Web pages (one http or https URL a line)",
                placeholder="https://example.com/news/the-deal",
                elem_id=f"{prefix}-urls",
            )
            are_feeds = gr.Checkbox(label="These URLs are RSS or Atom feeds (add every item)", value=False)
    button = gr.Button("Ingest", elem_id=f"{prefix}-button")
    result = gr.Markdown(elem_id=f"{prefix}-result")
    return files, urls, are_feeds, button, result


def _add(
    assistant: "Assistant", files: list[str] | None, urls: str | None, are_feeds: bool, progress: Any = None
) -> str:
    """Files and URLs through the Assistant's upload policy; the report as Markdown."""
    given = [line.strip() for line in (urls or "").splitlines() if line.strip()]
    limit = assistant.uploads.max_file_bytes + 1
    uploads = []
    for name in files or []:
        with Path(name).open("rb") as handle:  # the UI's own temporary copy of the file
            uploads.append((Path(name).name, handle.read(limit)))
    try:
        report = assistant.ingest_uploads(
            uploads, progress, urls=[] if are_feeds else given, feeds=given if are_feeds else []
        )
    except DealQAError as exc:
        return f"⚠ {_plain(assistant.redact(str(exc)))}"
    lines = [_plain(report.summary())]
    lines += [f"- merged {_plain(assistant.redact(m.describe()))}" for m in report.merged]
    lines += [f"- note: {_plain(assistant.redact(n))}" for n in report.notes]
    lines += [
        f"- **{_plain(assistant.shown_source(s.path))}** skipped: {_plain(assistant.redact(s.reason))}"
        for s in report.skipped
    ]
    return "\n".join(lines)


def _delete(assistant: "Assistant", article_id: str | None) -> str:
    if not article_id:
        return "Choose an article to delete first."
    try:
        report = assistant.remove_article(article_id)
    except DealQAError as exc:
        return f"⚠ {_plain(assistant.redact(str(exc)))}"
    lines = [f"Deleted {_plain(article_id)}."]
    lines += [f"- note: {_plain(assistant.redact(n))}" for n in report.notes]
    return "\n".join(lines)
