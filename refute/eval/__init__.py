"""Evaluating predictions in REFUTE's format, writing REFUTE's results format.

Predictions: ``[{"problem_id": ..., "method": "standard" | "randsearch" |
"randsearch_oracle", "attempts": [{"generate_inp": {"code": ..., "lang": ...},
"solve_brute": {...}}]}]``. Results: ``[{"problem_id": ..., "verdicts": [{"success": ...,
"info": ...}, ...]}]``, each verdict with more fields (``AttemptVerdict``).

Example::

    problems = load_problems()
    predictions = load_predictions(Path("preds.json"))
    tasks = resolve_tasks(predictions, problems, "preds.json")
    async with Sandbox() as sandbox:
        results = await Evaluator(sandbox).evaluate(predictions, tasks,
                                                    out=Path("results.json"))
"""

from ._evaluate import AttemptCallback, EvalConfig, Evaluator
from ._predictions import (
    Attempt,
    Method,
    Prediction,
    PredictionsError,
    Submission,
    load_predictions,
    parse_predictions,
    resolve_tasks,
)
from ._results import (
    AttemptStage,
    AttemptTimings,
    AttemptVerdict,
    PredictionResult,
    SearchSummary,
    write_results,
)

__all__ = [
    "Attempt",
    "AttemptCallback",
    "AttemptStage",
    "AttemptTimings",
    "AttemptVerdict",
    "EvalConfig",
    "Evaluator",
    "Method",
    "Prediction",
    "PredictionResult",
    "PredictionsError",
    "SearchSummary",
    "Submission",
    "load_predictions",
    "parse_predictions",
    "resolve_tasks",
    "write_results",
]
