"""Signals that stop a run, and are not lost on the way.

Python raises a signal handler's exception wherever the program is. When that is inside a
finalizer or a callback (a lock released during an import, a weak reference's callback), Python
prints "Exception ignored" and carries on: the run would finish and write its report as if no
one had asked it to stop. So the handlers also note the signal, and the points of no return
(reports renamed into place, the command's end) raise it again.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable


class Terminated(BaseException):
    """SIGTERM, raised where the program is, so that every `finally` and `except BaseException`
    on the way out runs (temporary report files are removed, store transactions rolled back)."""


_pending: list[type[BaseException]] = []


def _on_signal(signum, frame) -> None:  # type: ignore[no-untyped-def]
    stop = KeyboardInterrupt if signum == signal.SIGINT else Terminated
    _pending.append(stop)
    raise stop()


def install() -> Callable[[], None]:
    """Handle SIGINT and SIGTERM; returns what puts the previous handlers back. Outside the
    main thread (an embedding program) signals are left alone. A stop swallowed where it
    arrived is not printed there ("Exception ignored in ..."): it is raised again later."""
    _pending.clear()
    try:
        previous = {s: signal.signal(s, _on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:
        return lambda: None
    unraisable = sys.unraisablehook

    def quiet(u) -> None:  # type: ignore[no-untyped-def]
        if not isinstance(u.exc_value, (KeyboardInterrupt, Terminated)):
            unraisable(u)
    sys.unraisablehook = quiet

    def restore() -> None:
        for s, handler in previous.items():
            signal.signal(s, handler)
        sys.unraisablehook = unraisable
    return restore


def raise_pending() -> None:
    """Raise again a signal whose exception was swallowed where it arrived."""
    if _pending:
        raise _pending[0]()
