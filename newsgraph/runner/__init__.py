"""Batch coding of many inputs: find the files, read them, code them in worker processes, store the results."""

from newsgraph.runner.ingest import IngestReport, ingest

__all__ = ["IngestReport", "ingest"]
