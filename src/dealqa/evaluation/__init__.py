"""Offline evaluation: datasets of questions with known facts, metrics, reports.

Example:
    >>> from dealqa.evaluation import load_dataset, run_eval
    >>> result = run_eval(Assistant(), [load_dataset("evals/deal_facts.yaml")])
    >>> result.metrics["answer_accuracy"]
    0.96
"""

from .dataset import Case, Dataset, load_dataset
from .report import compare, markdown_report, table
from .runner import EvalResult, run_eval

__all__ = ["Case", "Dataset", "EvalResult", "compare", "load_dataset", "markdown_report", "run_eval", "table"]
