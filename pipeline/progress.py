"""Progress of a run on the terminal (rich): documents and records, or nothing when quiet."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class RunProgress:
    """`with RunProgress(n_documents, enabled) as p: ... p.documents_done(n_documents, n_records)`."""

    def __init__(self, n_documents: int, enabled: bool = True) -> None:
        self.enabled = enabled
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=Console(stderr=True), transient=False, disable=not enabled,
        )
        self.documents = self.progress.add_task("documents", total=n_documents)
        self.records = self.progress.add_task("records", total=None)

    def __enter__(self) -> "RunProgress":
        self.progress.start()
        return self

    def documents_done(self, n_documents: int, n_records: int) -> None:
        self.progress.update(self.documents, advance=n_documents)
        self.progress.update(self.records, advance=n_records)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.progress.update(self.documents, description="documents")
        self.progress.stop()
