"""The one kind of error the pipeline raises for bad input: it names file and line."""

from __future__ import annotations


class EditionError(Exception):
    """Bad input that stops the build: a malformed source, broken YAML, a dangling note.

    ``str(error)`` is the whole message a user sees, ``path:line: message``; the command
    line and the MkDocs hook print it alone, never a traceback.
    """

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type[EditionError], tuple[str, int | None, str]]:
        # Raised in a worker process of the build, it is pickled back whole.
        return (EditionError, (self.path, self.line, self.message))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SourceError(Exception):
    """Raised by a pure normaliser, which knows the line but not the file; the caller adds it."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")
