"""Engines and the stage functions they share, without Dask: any partitioning of the documents,
any batching of the groups and any order of running them gives the same report, byte for byte."""

from __future__ import annotations

import json
import pickle
import random
import subprocess
import sys

import pytest

from checker import pipeline
from checker.engine import LocalEngine, make_engine
from checker import forkmap
from checker.engine import local as local_engine
from checker.engine.stages import (
    batch_context,
    batch_groups,
    claims_per_batch,
    compare_batch,
    extract_partition,
    join_extracted,
    partition_documents,
)
from checker.ingest import read_inputs
from checker.report import to_json
from helpers import REPO

EXAMPLES = REPO / "examples"
sys.path.insert(0, str(REPO / "benchmarks"))


class ShuffledEngine:
    """What a cluster does, in this process: small partitions and batches, each shipped as a
    pickled copy (as to a worker), run in a random order, results put back by position."""

    name = "shuffled"

    def __init__(self, partition: int, batches: int, seed: int) -> None:
        self.partition, self.batches, self.rng = partition, batches, random.Random(seed)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def _run(self, fn, payloads, rs):
        results = [None] * len(payloads)
        order = list(range(len(payloads)))
        self.rng.shuffle(order)
        for i in order:
            shipped = pickle.loads(pickle.dumps(payloads[i]))
            # the rule set stays resident, as on a worker (where it is sent once, not per task)
            results[i] = pickle.loads(pickle.dumps(fn(*shipped, rs)))
        return results

    def extract(self, docs, rs, *, progress=None):
        parts = partition_documents(docs, self.partition)
        return join_extracted(list(zip(parts, self._run(extract_partition, [(p,) for p in parts], rs))))

    def compare(self, groups, events, docs, rs, *, progress=None):
        batches = batch_groups(groups, claims_per_batch(groups, self.batches))
        payloads = [(b, *batch_context(b, events, docs)) for b in batches]
        return [found for batch in self._run(compare_batch, payloads, rs) for found in batch]


def _corpus(tmp_path, n: int = 60, seed: int = 5):
    from corpus import generate

    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in generate(n, seed):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("partition,batches,seed", [(1, 1000, 0), (7, 3, 1), (1000, 1, 2)])
def test_any_partitioning_gives_the_same_report(rs, tmp_path, partition, batches, seed):
    folder = _corpus(tmp_path)
    local = to_json(pipeline.analyse(read_inputs([folder]), rs))
    spread = to_json(pipeline.analyse(read_inputs([folder]), rs, engine=ShuffledEngine(partition, batches, seed)))
    assert spread == local
    assert json.loads(local)["findings"]  # the corpus disagrees somewhere: the comparison has work to do


def test_examples_through_the_local_engine_are_the_default_report(rs):
    default = to_json(pipeline.run([EXAMPLES]))
    with make_engine("local") as engine:
        assert isinstance(engine, LocalEngine)
        assert to_json(pipeline.run([EXAMPLES], engine=engine)) == default
    assert to_json(pipeline.analyse(read_inputs([EXAMPLES]), rs, engine=ShuffledEngine(2, 5, 3))) == default


needs_fork = pytest.mark.skipif(not forkmap.can_fork(), reason="extraction processes are forked (Linux)")


@needs_fork
def test_extraction_processes_give_the_one_process_report(rs, tmp_path, monkeypatch):
    monkeypatch.setattr(local_engine, "MIN_DOCS_PER_JOB", 1)  # the small corpus too is spread over workers
    folder = _corpus(tmp_path)
    one = to_json(pipeline.analyse(read_inputs([folder]), rs))
    engine = LocalEngine(jobs=2)
    assert engine.workers_for(len(read_inputs([folder]))) == 2
    assert to_json(pipeline.analyse(read_inputs([folder]), rs, engine=engine)) == one


@needs_fork
def test_a_failed_extraction_in_a_process_is_marked_and_loses_nothing_else(rs, tmp_path, monkeypatch):
    import checker.extract.claims as claims_mod

    monkeypatch.setattr(local_engine, "MIN_DOCS_PER_JOB", 1)
    folder = _corpus(tmp_path, n=12)
    docs = sorted(read_inputs([folder]), key=lambda d: (d.id, d.path))
    victim = docs[7].id
    real = claims_mod.extract
    monkeypatch.setattr(claims_mod, "extract", lambda doc, rules: (_ for _ in ()).throw(RuntimeError("boom"))
                        if doc.id == victim else real(doc, rules))  # the forked workers inherit the patch
    report = pipeline.analyse(docs, rs, engine=LocalEngine(jobs=2))
    assert [d.id for d in report.documents if d.status == "error"] == [victim]
    assert {c.document for c in report.claims} == {d.id for d in docs} - {victim}


def test_small_runs_stay_in_one_process():
    assert LocalEngine(jobs=8).workers_for(local_engine.MIN_DOCS_PER_JOB) == 1
    assert LocalEngine(jobs=1).workers_for(10_000) == 1


def test_a_failed_extraction_on_a_worker_is_marked_on_the_drivers_documents(rs, tmp_path, monkeypatch):
    import checker.extract.claims as claims_mod

    folder = _corpus(tmp_path, n=12)
    docs = sorted(read_inputs([folder]), key=lambda d: (d.id, d.path))
    victim = docs[5].id
    real = claims_mod.extract

    def flaky(doc, rules):
        if doc.id == victim:
            raise RuntimeError("boom")
        return real(doc, rules)

    monkeypatch.setattr(claims_mod, "extract", flaky)
    report = pipeline.analyse(docs, rs, engine=ShuffledEngine(4, 2, 0))
    [bad] = [d for d in report.documents if d.status == "error"]
    assert bad.id == victim and "RuntimeError: boom" in bad.error
    assert not any(c.document == victim for c in report.claims)


def test_documents_keep_their_text_when_shipped():
    """`text` is left out of the JSON, but a worker needs it for evidence: pickling keeps it."""
    [doc] = [d for d in read_inputs([EXAMPLES / "march-call"]) if d.id == "agency-a"]
    copy = pickle.loads(pickle.dumps(doc))
    assert copy.text == doc.text and len(copy.text) > 100 and copy == doc
    assert "text" not in doc.model_dump()


def test_partitions_are_consecutive_and_cover_every_document():
    items = list(range(23))
    assert partition_documents(items, 5) == [items[0:5], items[5:10], items[10:15], items[15:20], items[20:23]]
    assert partition_documents(items, 0) == [[i] for i in items]
    assert partition_documents([], 4) == []


def test_batches_keep_groups_whole_and_in_order():
    groups = [(k, [None] * n) for k, n in enumerate([1, 9, 2, 2, 30, 1])]
    batches = batch_groups(groups, 10)
    assert [g for b in batches for g in b] == groups
    assert [[k for k, _ in b] for b in batches] == [[0, 1], [2, 3], [4], [5]]


def test_the_rule_set_is_shipped_without_what_was_built_from_it(rs):
    pipeline.analyse(read_inputs([EXAMPLES / "march-call"]), rs)  # builds the lexicon for rs
    assert rs._derived  # the original keeps what was built from it
    again = pickle.loads(pickle.dumps(rs))
    assert not again._derived
    assert again.digest == rs.digest and len(again.rules) == len(rs.rules)


def test_engine_names_and_options():
    with pytest.raises(ValueError, match="--scheduler needs --engine dask"):
        make_engine("local", "tcp://127.0.0.1:8786")
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark")
    with pytest.raises(ValueError, match="--jobs is for the local engine"):
        make_engine("dask", jobs=2)
    assert make_engine("local", jobs=3).jobs == 3


@pytest.mark.slow
def test_a_local_run_never_imports_dask(tmp_path):
    code = ("import sys; from checker.cli import main; "
            f"code = main(['report', {str(EXAMPLES / 'march-call')!r}, '--json', {str(tmp_path / 'r.json')!r}, '-q']); "
            "loaded = [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]; "
            "print(code, loaded)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert done.stdout.strip() == "1 []", done.stderr


def test_scheduler_with_the_local_engine_is_a_usage_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "checker.cli", "report", str(EXAMPLES / "march-call"),
                           "--json", str(tmp_path / "r.json"), "--engine", "local", "--scheduler", "tcp://127.0.0.1:1"],
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 2 and "--scheduler needs --engine dask" in done.stderr


@needs_fork
def test_a_folder_read_by_processes_gives_the_same_documents(tmp_path, monkeypatch):
    import checker.ingest.readers as readers

    monkeypatch.setattr(readers, "MIN_FILES_PER_JOB", 1)
    folder = _corpus(tmp_path, n=20)
    (folder / "broken.txt").write_bytes(b"---\nlanguage: [\n---\n\xff\xfe")
    again = sorted(folder.iterdir())[3]  # given on its own first: read once, not again in the folder
    one = read_inputs([again, folder])
    two = read_inputs([again, folder], jobs=2)
    assert [d.model_dump() for d in two] == [d.model_dump() for d in one]
    assert [d.text for d in two] == [d.text for d in one]
    assert len(one) == 21 and any(d.status == "error" or d.warnings for d in one if d.id == "broken")
