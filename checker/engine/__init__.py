"""Where the stages run: in this process (`local`, the default) or on a Dask cluster (`dask`).

Both engines run the same stage functions (checker.engine.stages): extraction as a map over
partitions of the documents, comparison as a map over batches of claim groups; both give the
same report, byte for byte. Dask is imported only when the dask engine is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from checker.engine.local import LocalEngine
from checker.forkmap import default_jobs

if TYPE_CHECKING:
    from checker.compare.findings import Group
    from checker.engine.stages import Extraction, Progress
    from checker.models import Document, Event, Finding
    from checker.rules.ruleset import RuleSet

ENGINES = ("local", "dask")


class Engine(Protocol):
    """Runs the two distributable stages; used as a context manager (`with engine: ...`)."""

    name: str

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc) -> None: ...

    def extract(self, docs: list[Document], rs: RuleSet, *, progress: Progress | None = None) -> Extraction:
        """checker.engine.stages.extract_all on `docs` (sorted): the same documents, mentions
        and claims, in the same order, wherever the work was done."""

    def compare(self, groups: list[Group], events: dict[str, Event], docs: dict[str, Document], rs: RuleSet, *,
                progress: Progress | None = None) -> list[list[Finding]]:
        """compare_group on every group: one list of findings per group, in group order."""


def make_engine(name: str = "local", scheduler: str | None = None, jobs: int | None = None) -> Engine:
    """An engine by name; `scheduler` is the address of a running Dask scheduler (dask only;
    without one, the dask engine starts a local cluster for the run); `jobs` the processes the
    local engine extracts with (default: one per processor)."""
    if name == "local":
        if scheduler:
            raise ValueError("--scheduler needs --engine dask")
        return LocalEngine(default_jobs() if jobs is None else jobs)
    if jobs is not None:
        raise ValueError("--jobs is for the local engine; a Dask cluster has its own workers")
    if name == "dask":
        try:
            import distributed  # noqa: F401  (only here: other runs never pay for importing Dask)
        except ImportError as exc:
            raise ValueError("--engine dask needs Dask: pip install 'checker[dask]' "
                             f"(or dask[distributed]) ({exc})") from exc
        from checker.engine.dask_engine import DaskEngine

        return DaskEngine(scheduler)
    raise ValueError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")


__all__ = ["ENGINES", "Engine", "LocalEngine", "make_engine"]
