"""The scripted model server now lives in ``refute.testing``; this name stays for tests."""

from refute.testing import *  # noqa: F403
from refute.testing import __all__ as __all__
