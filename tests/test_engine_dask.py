"""The Dask engine on a dask.distributed LocalCluster: the same report as the in-process engine,
byte for byte, through the command line (`--scheduler ADDRESS`, and `--engine dask` alone)."""

from __future__ import annotations

import logging
import sys
import warnings

import pytest

from checker.cli import main
from helpers import REPO

pytestmark = pytest.mark.slow  # a Dask cluster per test: run by the full suite and CI, not by -m "not slow"

distributed = pytest.importorskip("distributed", reason="Dask is not installed (pip install -e '.[dask]')")

EXAMPLES = REPO / "examples"
sys.path.insert(0, str(REPO / "benchmarks"))


@pytest.fixture(scope="module")
def scheduler():
    """Two worker processes: every document, claim and finding crosses a process boundary."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from corpus import generate

    folder = tmp_path_factory.mktemp("dask") / "corpus"
    folder.mkdir()
    for name, text in generate(60, 11):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _report(tmp_path, name: str, *args: str) -> bytes:
    out = tmp_path / f"{name}.json"
    assert main(["report", *args, "--json", str(out), "-q", "--fail-on", "never"]) == 0
    return out.read_bytes()


def test_examples_on_a_cluster_equal_the_local_report(tmp_path, scheduler):
    local = _report(tmp_path, "local", str(EXAMPLES))
    assert _report(tmp_path, "dask", str(EXAMPLES), "--scheduler", scheduler) == local


def test_generated_corpus_on_a_cluster_equals_the_local_report(tmp_path, scheduler, corpus):
    local = _report(tmp_path, "local", str(corpus))
    assert b'"kind": "conflict"' in local or b'"kind":"conflict"' in local
    assert _report(tmp_path, "dask", str(corpus), "--engine", "dask", "--scheduler", scheduler) == local


def test_engine_dask_without_a_scheduler_starts_its_own_cluster(tmp_path, corpus, capsys):
    local = _report(tmp_path, "local", str(corpus))
    capsys.readouterr()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert _report(tmp_path, "dask", str(corpus), "--engine", "dask") == local
    # the cluster's own logging and warnings (a busy dashboard port...) stay off the user's stderr
    assert capsys.readouterr().err == ""
    assert [str(w.message) for w in caught if "distributed" in w.filename] == []


def test_compare_alone_ships_the_documents_it_did_not_extract(scheduler, rs):
    """Comparison normally reads documents where extraction left them on the cluster; called
    alone, the engine sends them with the batches, and the findings are the same."""
    from checker import pipeline
    from checker.compare.findings import group_claims
    from checker.engine import LocalEngine
    from checker.engine.dask_engine import DaskEngine
    from checker.ingest import read_inputs

    docs = sorted(read_inputs([EXAMPLES]), key=lambda d: d.id)
    report = pipeline.analyse(docs, rs)
    by_id = {d.id: d for d in report.documents}
    events = {e.id: e for e in report.events}
    groups = group_claims(report.claims)
    local = LocalEngine().compare(groups, events, by_id, rs)
    with DaskEngine(scheduler) as engine:
        remote = engine.compare(groups, events, by_id, rs)
    assert [[f.model_dump() for f in g] for g in remote] == [[f.model_dump() for f in g] for g in local]
    assert any(local)
