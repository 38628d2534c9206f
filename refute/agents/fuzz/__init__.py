"""The ``fuzz`` baseline: structure-aware random search without a model."""

from ._agent import FuzzAgent
from ._shape import Bound, Layout, Line, Shape, bounds_from_statement, infer_shape

__all__ = ["Bound", "FuzzAgent", "Layout", "Line", "Shape", "bounds_from_statement", "infer_shape"]
