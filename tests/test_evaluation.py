from __future__ import annotations

from pathlib import Path

import pytest

from dealqa import Assistant, InputError
from dealqa.evaluation import compare, load_dataset, markdown_report, run_eval
from dealqa.evaluation.runner import METRICS, contains
from tests.conftest import ROOT

DATASET = ROOT / "evals" / "deal_facts.yaml"


def test_the_shipped_dataset_is_valid_and_large_enough() -> None:
    dataset = load_dataset(DATASET)
    assert len(dataset.cases) >= 50
    assert sum(1 for c in dataset.cases if not c.answerable) >= 12
    assert any(c.history for c in dataset.cases)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("cases: []", "non-empty 'cases'"),
        ("cases:\n  - question: q?\n    expect_any: [x]\n    sources: [a]", "field 'id'"),
        ("cases:\n  - id: c1\n    expect_any: [x]\n    sources: [a]", "case 'c1': field 'question'"),
        ("cases:\n  - id: c1\n    question: q?\n    sources: [a]", "case 'c1': field 'expect_any'"),
        ("cases:\n  - id: c1\n    question: q?\n    answerable: maybe", "case 'c1': field 'answerable'"),
        ("cases:\n  - id: c1\n    question: q?\n    expect_any: [x]\n    sources: [a]\n    colour: red", "'colour'"),
        (
            "cases:\n  - {id: c1, question: 'q?', answerable: false}\n  - {id: c1, question: 'r?', answerable: false}",
            "repeats",
        ),
        ("cases: [unclosed", "not valid YAML"),
    ],
)
def test_malformed_datasets_name_the_case_and_field(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    with pytest.raises(InputError, match=message):
        load_dataset(path)


def test_matching_folds_case_whitespace_and_punctuation() -> None:
    assert contains("Signed on May  6 2026.", "may 6, 2026")
    assert not contains("Signed on May 16, 2026", "May 6, 2026")


def test_a_user_dataset_runs_and_is_deterministic(assistant: Assistant, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "name: mine\ncases:\n"
        "  - {id: where, question: 'Where is Colossus 1?', expect_any: [Memphis],\n"
        "     sources: [spacex-leases-colossus-1], tags: [x]}\n"
        "  - {id: paris, question: 'What is the capital of France?', answerable: false, tags: [x]}\n"
        "  - {id: wrong, question: 'When was the deal signed?', expect_any: [1999],\n"
        "     sources: [spacex-leases-colossus-1]}\n"
    )
    dataset = load_dataset(path)
    first, second = run_eval(assistant, [dataset]), run_eval(assistant, [dataset])
    quality = [m for m in METRICS if not m.startswith("latency")]
    assert {m: first.metrics[m] for m in quality} == {m: second.metrics[m] for m in quality}
    assert first.metrics["answer_accuracy"] == 0.5
    assert first.metrics["abstention_accuracy"] == 1.0
    assert first.by_tag["x"]["cases"] == 2
    failed = [c for c in first.cases if not c["passed"]]
    assert [c["id"] for c in failed] == ["wrong"] and "lead misses: 1999" in failed[0]["reason"]
    assert "wrong" in markdown_report(first)
    assert compare(first, {"metrics": {"answer_accuracy": 1.0}})["answer_accuracy"] == -0.5


def test_retrieval_only_reports_retrieval_metrics(assistant: Assistant) -> None:
    result = run_eval(assistant, [load_dataset(DATASET)], retrieval_only=True)
    assert set(result.metrics) == {"retrieval_recall_at_5", "mrr", "latency_p50_ms", "latency_p95_ms", "cases"}
    assert result.metrics["retrieval_recall_at_5"] is not None and result.metrics["retrieval_recall_at_5"] > 0.8
