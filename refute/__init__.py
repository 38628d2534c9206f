"""refute: a benchmark for language-model agents that falsify code.

Subpackages, one concept each: ``sandbox`` (running code in Docker), ``problems``
(packages on disk), ``judge`` (verdicts), ``eval`` (REFUTE prediction files),
``models`` (language-model clients), ``agents`` (the agent interface and built-ins),
``runner`` (benchmark runs), ``bench`` (performance figures), ``cli``.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("refute")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
