"""The ``fuzz`` baseline: structure-aware random search without a model."""

from ._agent import FuzzAgent
from ._generate import InputGenerator, Plan, make_plan
from ._shape import Bound, Layout, Line, Shape, bounds_from_statement, infer_shape

__all__ = [
    "Bound",
    "FuzzAgent",
    "InputGenerator",
    "Layout",
    "Line",
    "Plan",
    "Shape",
    "bounds_from_statement",
    "infer_shape",
    "make_plan",
]
