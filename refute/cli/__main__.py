"""``python -m refute.cli``: the same as the ``refute`` command."""

from . import main

main()
