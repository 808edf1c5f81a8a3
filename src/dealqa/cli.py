"""The ``dealqa`` command: a thin layer over :class:`Assistant`; errors become one line, no traceback."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from .errors import DealQAError, EmptyStoreError

app = typer.Typer(
    help="Cited question answering over a corpus of deal news.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])
EXIT_SKIPPED = 3
EXIT_EMPTY = 4


def _say(exc: DealQAError) -> None:
    """A user-facing error as one line on stderr: an empty store is a state with what to do about it."""
    if isinstance(exc, EmptyStoreError):
        errors.print(str(exc), style="yellow", highlight=False, markup=False)
    else:
        errors.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)


def friendly(command: F) -> F:
    """Print an error as one clear line and exit 1 (the traceback only with DEALQA_DEBUG=1)."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DealQAError as exc:
            _say(exc)
            raise typer.Exit(EXIT_EMPTY if isinstance(exc, EmptyStoreError) else 1) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            if os.environ.get("DEALQA_DEBUG"):
                raise
            errors.print(f"[bold red]unexpected error:[/] {type(exc).__name__}: {exc} (DEALQA_DEBUG=1 shows more)")
            raise typer.Exit(1) from None

    return run  # type: ignore[return-value]


def _assistant(auto_ingest: bool = True, rebuild: bool = False, **options: Any) -> Any:
    """The assistant every command translates to; an option left out (None) keeps its setting."""
    from .assistant import Assistant

    if not console.is_terminal:  # no spinner to show: rich's status and its thread are not loaded
        return Assistant.open(auto_ingest=auto_ingest, rebuild=rebuild, **options)
    with console.status("Loading the store and the embedding model..."):
        return Assistant.open(auto_ingest=auto_ingest, rebuild=rebuild, **options)


LlmOption = Annotated[str | None, typer.Option("--llm", help="'provider:model' or 'local'; default: extractive.")]
BaseUrlOption = Annotated[
    str | None, typer.Option("--llm-base-url", help="An OpenAI-compatible server for --llm openai:MODEL.")
]
# Every command takes both, so a client that starts `dealqa` from anywhere needs only arguments.
DataDirOption = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Store, indexes and feedback (default: $DEALQA_DATA_DIR, else ./.dealqa)."),
]
CorpusDirOption = Annotated[
    Path | None,
    typer.Option(
        "--corpus-dir", help="Ingested on first use of an empty store (default: $DEALQA_CORPUS_DIR, else ./corpus)."
    ),
]

SinceOption = Annotated[str | None, typer.Option("--since", help="Only articles published on or after this date.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Only articles published on or before this date.")]
OutletOption = Annotated[str | None, typer.Option("--outlet", help="Only articles from this outlet.")]


@app.command()
@friendly
def ingest(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, folders or http(s) URLs (default: corpus/).")
    ] = None,
    urls_file: Annotated[Path | None, typer.Option("--urls", help="A file of URLs, one a line.")] = None,
    feeds: Annotated[
        list[str] | None, typer.Option("--feed", help="An RSS or Atom feed: every item's link (repeatable).")
    ] = None,
    prune: Annotated[bool, typer.Option(help="Delete stored articles no longer among the files.")] = False,
    rebuild: Annotated[bool, typer.Option(help="Start from an empty store.")] = False,
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """Add new and changed articles to the store; skip unchanged ones without embedding."""
    from rich.progress import Progress as Bar

    # --rebuild also recovers a store too damaged to open: the assistant deletes it first.
    assistant = _assistant(auto_ingest=False, rebuild=rebuild, data_dir=data_dir, corpus_dir=corpus_dir)
    with Bar(console=console, transient=True) as bar:
        task = bar.add_task("Embedding", total=None)

        def progress(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Embedding {label}")

        report = assistant.ingest_sources(
            paths or [], url_list=urls_file, feeds=feeds or [], prune=prune, rebuild=rebuild, progress=progress
        )
    console.print(report.summary(), highlight=False)
    for merged in report.merged:
        console.print(f"merged {merged.describe()}", highlight=False, markup=False)
    for note in report.notes:
        console.print(f"note: {note}", highlight=False, markup=False)
    for skipped in report.skipped:
        errors.print(f"[yellow]skipped[/] {skipped.path}: {skipped.reason}", highlight=False)
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
@friendly
def ask(
    question: str,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    llm: LlmOption = None,
    llm_base_url: BaseUrlOption = None,
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """Answer one question with citations."""
    assistant = _assistant(llm=llm, llm_base_url=llm_base_url, data_dir=data_dir, corpus_dir=corpus_dir)
    answer = assistant.ask(question, since=since, until=until, outlet=outlet)
    if as_json:
        sys.stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_answer(answer)


@app.command()
@friendly
def search(
    query: str,
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="How many passages.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print the passages as JSON.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """The passages that best match a query (hybrid dense + BM25, as ask retrieves them), with their
    article, outlet and date."""
    from .assistant import Assistant
    from .metadata import byline
    from .types import hit_to_dict

    limited = Assistant.filters(since, until, outlet)  # a bad date is said before the model loads
    assistant = _assistant(data_dir=data_dir, corpus_dir=corpus_dir)
    hits = assistant.search(query, k, since=since, until=until, outlet=outlet)
    if as_json:
        rows = [{"rank": n, **hit_to_dict(h)} for n, h in enumerate(hits, 1)]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        among = f" among the articles {limited.describe()}" if limited else ""
        console.print(f"No passages found{among}.", style="yellow", highlight=False, markup=False)
        return
    for n, hit in enumerate(hits, 1):
        where = byline(hit.chunk.metadata)
        console.print(
            f"{n}. {hit.chunk.title}{f' — {where}' if where else ''}  (score {hit.score:.3f})",
            highlight=False,
            markup=False,
        )
        console.print(
            f"   {_snippet(hit.chunk.text)}  ({hit.chunk.article_id}, chars {hit.chunk.start}-{hit.chunk.end})",
            style="dim",
            highlight=False,
            markup=False,
        )


def _snippet(text: str, limit: int = 200) -> str:
    """The start of a passage on one line (without the source's reference markers), cut at a word end."""
    from .text import display

    flat = display(text)
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


@app.command()
@friendly
def chat(
    llm: LlmOption = None,
    llm_base_url: BaseUrlOption = None,
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """A terminal chat that remembers the conversation (empty line or Ctrl-D to quit)."""
    assistant = _assistant(llm=llm, llm_base_url=llm_base_url, data_dir=data_dir, corpus_dir=corpus_dir)
    assistant.require_articles()  # said once, before the first question
    history: list[str] = []
    console.print("Ask about the articles. An empty line ends the chat.")
    while True:
        try:
            question = console.input("[bold cyan]you>[/] ").strip()
        except EOFError:
            break
        if not question:
            break
        try:
            _print_answer(assistant.ask(question, history))
            history.append(question)
        except DealQAError as exc:  # the chat goes on after a question it cannot answer
            _say(exc)


@app.command()
@friendly
def status(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """Where the store and the corpus are, article and chunk counts, the embedding model."""
    assistant = _assistant(auto_ingest=False, data_dir=data_dir, corpus_dir=corpus_dir)
    health = assistant.health()
    if as_json:
        sys.stdout.write(json.dumps(health, indent=2) + "\n")
    else:
        for key, value in health.items():
            if key != "notice":
                console.print(f"{key:>17}: {value}", highlight=False)
        if health["notice"]:
            console.print(health["notice"], style="yellow", highlight=False, markup=False)


@app.command("eval")
@friendly
def evaluate(
    dataset: Annotated[list[Path] | None, typer.Option("--dataset", help="YAML dataset(s).")] = None,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the full result as JSON.")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Write a Markdown report.")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Earlier JSON to compare against.")] = None,
    fail_under: Annotated[
        list[str] | None, typer.Option("--fail-under", help="METRIC=VALUE; exit 1 if a metric falls short.")
    ] = None,
    fail_over: Annotated[
        list[str] | None, typer.Option("--fail-over", help="METRIC=VALUE; exit 1 if a metric exceeds it.")
    ] = None,
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="Hits counted for retrieval metrics.")] = 5,
    retrieval_only: Annotated[bool, typer.Option("--retrieval-only", help="Score retrieval only.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    outlet: OutletOption = None,
    llm: LlmOption = None,
    llm_base_url: BaseUrlOption = None,
    verify: Annotated[bool, typer.Option(help="With --llm: --no-verify scores the raw drafts.")] = True,
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """Run eval datasets and print metrics; gate with --fail-under."""
    from rich.progress import Progress as Bar
    from rich.table import Table

    from .assistant import Assistant
    from .errors import InputError
    from .evaluation import compare, load_dataset, markdown_report, run_eval, table

    limited = Assistant.filters(since, until, outlet)  # checked once, before any store is opened
    gates = _parse_gates(fail_under or [])
    ceilings = _parse_gates(fail_over or [])
    datasets = [load_dataset(p) for p in dataset or [Path("evals/deal_facts.yaml")]]
    previous = _read_json(baseline) if baseline else None
    assistant = _assistant(
        llm=llm, llm_base_url=llm_base_url, top_k=max(k, 5), verify=verify, data_dir=data_dir, corpus_dir=corpus_dir
    )
    with Bar(console=console, transient=True) as bar:
        task = bar.add_task("Evaluating", total=sum(len(d.cases) for d in datasets))
        result = run_eval(
            assistant,
            datasets,
            k=k,
            retrieval_only=retrieval_only,
            filters=limited,
            progress=lambda d, _: bar.update(task, completed=d),
        )
    result.config["answerer"] = assistant.answerer.name
    deltas = compare(result, previous) if previous else None
    view = Table("metric", "value", *(["delta"] if deltas else []), title=f"eval ({result.config['answerer']})")
    for name, value, delta in table(result, deltas):
        view.add_row(name, value, *([delta] if deltas else []))
    if limited:
        console.print(f"filters: only articles {limited.describe()}", highlight=False, markup=False)
    console.print(view)
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    if report:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(markdown_report(result))
    unknown = [m for m in [*gates, *ceilings] if m not in result.metrics]
    if unknown:
        raise InputError(f"--fail-under/--fail-over name unknown metric(s): {', '.join(unknown)}")
    short = [f"{m} = {result.metrics[m]} < {v}" for m, v in gates.items() if (result.metrics[m] or 0.0) < v]
    short += [f"{m} = {result.metrics[m]} > {v}" for m, v in ceilings.items() if (result.metrics[m] or 0.0) > v]
    for line in short:
        errors.print(f"[bold red]outside the gate:[/] {line}", highlight=False)
    if short:
        raise typer.Exit(1)


def _parse_gates(items: list[str]) -> dict[str, float]:
    from .errors import InputError

    gates = {}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            gates[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise InputError(f"--fail-under and --fail-over want METRIC=VALUE, got {item!r}")
    return gates


def _read_json(path: Path) -> Any:
    from .errors import InputError

    try:
        return json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read baseline {path}: {exc}") from exc


@app.command()
@friendly
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind; 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 7860,
    allow_upload: Annotated[bool, typer.Option("--allow-upload", help="Let UI users add articles.")] = False,
    auth: Annotated[
        str | None, typer.Option(envvar="DEALQA_UI_AUTH", help="USER:PASSWORD required to open the UI.")
    ] = None,
    llm: LlmOption = None,
    llm_base_url: BaseUrlOption = None,
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """The chat UI, REST API, OpenAI-compatible API and MCP endpoint on one server."""
    from .access import parse_login
    from .errors import MissingDependencyError

    try:
        import uvicorn
    except ImportError as exc:
        raise MissingDependencyError("dealqa serve", "ui") from exc
    from .api import create_app

    credentials = parse_login(auth)
    assistant = _assistant(llm=llm, llm_base_url=llm_base_url, data_dir=data_dir, corpus_dir=corpus_dir)
    assistant.warm_up()
    application = create_app(assistant, allow_upload=allow_upload, auth=credentials, host=host)
    console.print(_serving(application, assistant, host, port), highlight=False, markup=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


def _serving(application: Any, assistant: Any, host: str, port: int) -> str:
    """What the server has on, what it left off and why: read from the app (its routes and access
    rules), not assumed."""
    import importlib.util

    from .errors import install_command

    access = application.state.access
    if access.ui_login:
        uploads = "uploads on"
    elif access.writable:
        uploads = "uploads on through POST /v1/ingest only (the UI needs --auth)"
    else:
        uploads = "uploads requested but off: set --auth or DEALQA_API_TOKEN"
    notes = [note for note, on in ((uploads, access.allow_upload), ("sign-in required", access.ui_login)) if on]
    ui = "chat UI at /" + (f" ({', '.join(notes)})" if notes else "")
    on = [ui, "REST API at /v1 (docs at /docs)", "OpenAI-compatible API at /v1/chat/completions"]
    off: list[str] = []
    if any(getattr(route, "path", None) == "/mcp" for route in application.routes):
        on.append("MCP at /mcp")
    elif importlib.util.find_spec("mcp") is None:
        off.append(f"MCP, the mcp package is not installed: {install_command('mcp')}")
    else:
        off.append("MCP, the mcp package failed to import (see the warning above)")
    llm = assistant.settings.llm
    answers = f"{llm} drafts, {'verified' if assistant.settings.verify else 'NOT verified'}" if llm else "extractive"
    lines = [f"dealqa is serving on http://{host}:{port}/", f"  on: {'; '.join(on)}"]
    lines += [f"  off: {'; '.join(off)}"] if off else []
    return "\n".join([*lines, f"  answers: {answers}"])


@app.command("mcp")
@friendly
def mcp_stdio(
    llm: LlmOption = None,
    llm_base_url: BaseUrlOption = None,
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """The MCP server over stdio, for chat assistants that launch it as a subprocess."""
    from .assistant import Assistant
    from .mcp_server import build_mcp

    # stdout carries the protocol: nothing else may be printed there (no status spinner); stderr is the client's log.
    assistant = Assistant.open(llm=llm, llm_base_url=llm_base_url, data_dir=data_dir, corpus_dir=corpus_dir)
    assistant.warm_up()
    where = assistant.locations()
    errors.print(f"dealqa mcp: store {where['data_dir']}, corpus {where['corpus_dir']}", highlight=False)
    empty = assistant.empty_store_message()
    if empty:  # the server still starts: every tool call says the same until articles are ingested
        errors.print(empty, highlight=False, markup=False)
    build_mcp(assistant).run("stdio")


articles_app = typer.Typer(help="The articles in the store: list them, remove one.", no_args_is_help=True)
app.add_typer(articles_app, name="articles")


@articles_app.command("list")
@friendly
def articles_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """Every article, newest first: id, title, outlet, date, chunks, and its file or URL."""
    from dataclasses import asdict

    from .metadata import byline

    assistant = _assistant(auto_ingest=False, data_dir=data_dir, corpus_dir=corpus_dir)
    listed = assistant.catalogue()
    if as_json:
        sys.stdout.write(json.dumps([asdict(a) for a in listed], ensure_ascii=False, indent=2) + "\n")
        return
    if not listed:
        assistant.require_articles()
    for a in listed:
        chunks = f"a copy of {a.copy_of}" if a.copy_of else f"{a.chunks} chunks"
        where = " · ".join(p for p in (byline({"outlet": a.outlet, "published": a.published}), chunks, a.source) if p)
        console.print(f"{a.id}  {a.title}", highlight=False, markup=False)
        console.print(f"    {where}", style="dim", highlight=False, markup=False)
    console.print(f"{len(listed)} articles", highlight=False, markup=False)


@articles_app.command("remove")
@friendly
def articles_remove(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="The article's id (`dealqa articles list`).")],
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """Delete one article from the store (copies merged into it are kept)."""
    assistant = _assistant(auto_ingest=False, data_dir=data_dir, corpus_dir=corpus_dir)
    report = assistant.remove_article(article_id)
    console.print(f"removed {article_id}", highlight=False, markup=False)
    for note in report.notes:
        console.print(f"note: {note}", highlight=False, markup=False)


feedback_app = typer.Typer(help="Answer feedback given in the UI.", no_args_is_help=True)
app.add_typer(feedback_app, name="feedback")


@feedback_app.command("export")
@friendly
def feedback_export(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """Write every feedback record as JSON Lines."""
    assistant = _assistant(auto_ingest=False, data_dir=data_dir, corpus_dir=corpus_dir)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in assistant.export_feedback())
    if output:
        output.write_text(lines)
    else:
        sys.stdout.write(lines)


@app.command()
@friendly
def bench(
    quick: Annotated[bool, typer.Option("--quick", help="1k and 10k chunks (a few minutes); else up to 100k.")] = False,
    sizes: Annotated[
        list[int] | None, typer.Option("--size", min=50, help="Query store sizes in chunks, instead of the presets.")
    ] = None,
    json_path: Annotated[Path | None, typer.Option("--json", help="Write the figures as JSON.")] = None,
    data_dir: DataDirOption = None,
    corpus_dir: CorpusDirOption = None,
) -> None:
    """Measure ingest and query speed against a naive LangChain baseline (figures, not pass/fail).
    Runs from a source checkout (evals/perf/bench.py) with the dev extras installed."""
    bench_module = _bench_module()
    FULL_SIZES, QUICK_SIZES, run_bench = bench_module.FULL_SIZES, bench_module.QUICK_SIZES, bench_module.run_bench
    from .assistant import Assistant

    chosen = sizes or (QUICK_SIZES if quick else FULL_SIZES)
    results = run_bench(
        Assistant.configure(data_dir=data_dir, corpus_dir=corpus_dir),
        sizes=chosen,
        log=lambda line: console.print(f"[dim]{line}[/]"),
    )
    for key, value in results.items():
        console.print(f"{key:>36}: {value}", highlight=False)
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(results, indent=2) + "\n")


def _bench_module() -> Any:
    """evals/perf/bench.py of the checkout in the working directory or of this installed source tree."""
    import importlib

    from .errors import InputError, MissingDependencyError

    for root in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (root / "evals" / "perf" / "bench.py").is_file():
            if str(root) not in sys.path:
                sys.path.insert(0, str(root))
            try:
                return importlib.import_module("evals.perf.bench")
            except ImportError as exc:
                raise MissingDependencyError("the benchmark's LangChain baseline", "dev") from exc
    raise InputError(
        "`dealqa bench` runs from a source checkout of dealqa (it reads evals/perf/bench.py): "
        "run it in the repository folder, after pip install -e '.[dev]'"
    )


def _print_answer(answer: Any) -> None:
    style = "yellow" if answer.abstained else "default"
    console.print(answer.text, style=style, highlight=False, markup=False)
    from .metadata import byline

    for c in answer.citations:
        where = byline({"outlet": c.outlet, "published": c.published})
        also = f"; also in: {', '.join(c.also_in)}" if c.also_in else ""
        span = "its metadata" if c.kind == "metadata" else f"chars {c.start}-{c.end}"
        console.print(
            f"  [{c.n}] {c.title}{f' — {where}' if where else ''} ({c.article_id}, {span}){also}",
            style="dim",
            highlight=False,
            markup=False,
        )


# Commands that read the store and end: they skip the interpreter's teardown (see main).
_ONE_SHOT = frozenset({"ask", "search"})


def main() -> None:
    """The console script. A one-shot question ends without the interpreter's teardown: freeing
    spaCy's, ONNX Runtime's and Chroma's objects took 0.6 s of a 3.4 s cold `dealqa ask` at 100k
    chunks. Nothing is lost: the answer is flushed, and the store's writes (a first run ingests the
    corpus) are committed before the command returns (Chroma logs each write to SQLite)."""
    try:
        app()
    except SystemExit as done:
        if sys.argv[1:2] and sys.argv[1] in _ONE_SHOT:
            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(done.code if isinstance(done.code, int) else int(done.code is not None))
        raise
