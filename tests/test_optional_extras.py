"""Prefect, Dask and psycopg are optional: without them the core pipeline imports and the CLI
ingests with the plain loop."""
import subprocess
import sys

from tests.conftest import SAMPLES

BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('prefect', 'prefect_dask', 'dask', 'distributed', 'psycopg'):
            raise ModuleNotFoundError(f"No module named {name!r} (blocked for this test)")
        return None
sys.meta_path.insert(0, Block())
"""


def test_core_runs_without_prefect_dask_and_psycopg(tmp_path):
    script = BLOCKER + f"""
import pipeline.stages.document, pipeline.store.loading, pipeline.store.names, extractors.pdf, pipeline.cli
sys.argv = ['bulletins', 'ingest', {str(SAMPLES)!r}, '--db', 'sqlite:///{tmp_path}/w.db']
try:
    pipeline.cli.main()
except SystemExit as e:
    assert not e.code, e.code
assert 'prefect' not in sys.modules and 'dask' not in sys.modules
"""
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"{len(list(SAMPLES.glob('*.*')))} loaded" in r.stdout
    r = subprocess.run([sys.executable, "-c", BLOCKER + "import pipeline.cli; sys.argv = ['bulletins', 'serve', "
                        "'--inbox', '/tmp/x']; pipeline.cli.main()"], capture_output=True, text=True)
    assert r.returncode == 2 and "serve needs Prefect" in r.stderr
