"""Human-readable eval output: a terminal table, a Markdown report, deltas against a baseline."""

from __future__ import annotations

from typing import Any

from ..types import Filters
from .runner import EvalResult


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def compare(result: EvalResult, baseline: dict[str, Any]) -> dict[str, float | None]:
    """Each metric's change against an earlier result's JSON."""
    before = baseline.get("metrics", {})
    return {
        name: (
            round(value - before[name], 4)
            if isinstance(value, int | float) and isinstance(before.get(name), int | float)
            else None
        )
        for name, value in result.metrics.items()
    }


def table(result: EvalResult, deltas: dict[str, float | None] | None = None) -> list[tuple[str, str, str]]:
    """Rows of (metric, value, delta) for the terminal."""
    return [
        (name, _fmt(value), "" if deltas is None or deltas.get(name) is None else f"{deltas[name]:+.3f}")
        for name, value in result.metrics.items()
    ]


def markdown_report(result: EvalResult, title: str = "Evaluation report") -> str:
    lines = [f"# {title}", "", f"Datasets: {', '.join(result.config.get('datasets', []))}", ""]
    limited = Filters(**result.config.get("filters") or {}).describe()
    lines += [f"Filters: only articles {limited}.", ""] if limited else []
    lines += ["| metric | value |", "|---|---|"]
    lines += [f"| {name} | {_fmt(value)} |" for name, value in result.metrics.items()]
    if result.by_tag:
        names = list(result.metrics)
        lines += ["", "## By tag", "", "| tag | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
        for tag, metrics in result.by_tag.items():
            lines.append(f"| {tag} | " + " | ".join(_fmt(metrics.get(n)) for n in names) + " |")
    failed = [c for c in result.cases if not c["passed"]]
    lines += ["", f"## Cases that failed ({len(failed)} of {len(result.cases)})", ""]
    for case in failed:
        lines.append(f"- **{case['id']}**: {case['question']} — {case['reason']}")
        if "answer" in case:
            lines.append(f"  - answer: {case['answer'][:300]}")
    return "\n".join(lines) + "\n"
