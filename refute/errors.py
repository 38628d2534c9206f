"""The base of ``refute``'s expected faults, which the CLI prints as one line."""


class RefuteError(Exception):
    """A fault the user can fix (bad file, bad flag, missing image): says what and where."""
