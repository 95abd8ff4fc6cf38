"""Imported by the fork server that a local cluster's workers are forked from (never by the
client): the default pipeline is built there once, and every worker starts with it, sharing the
model's pages with the server instead of loading its own copy."""

from __future__ import annotations

import contextlib

from analysis.ingest import worker_pipeline

# On any error a worker builds its own pipeline on its first task and reports the error there.
with contextlib.suppress(Exception):
    worker_pipeline()
