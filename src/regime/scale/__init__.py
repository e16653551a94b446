"""Scale-out: the engines' batch paths over partitioned inputs, on this machine's cores or a Dask cluster.

    from regime.scale import run, determine_job
    report = run(determine_job.build(), Path("orders.parquet"), Path("out/"), engine="local")

``partitions`` cuts a Parquet or CSV input into pieces read lazily; a ``Job`` (``job.py``) is a
pure partition function holding its engine data (``determine_job``, ``screen_job``), built once
by the driver and shipped to each worker once; ``task.run_partition`` reads, decides and writes
one partition; ``local`` (a process pool) and ``cluster`` (Dask distributed) run the tasks;
``runner`` ties them together. See ``docs/scale.md``.
"""

from regime.scale.job import Answer, ErrorRecord, Job
from regime.scale.outputs import gather
from regime.scale.partitions import Partition, plan, read
from regime.scale.runner import ENGINES, EngineName, RunReport, open_engine, run, run_on

__all__ = [
    "ENGINES",
    "Answer",
    "EngineName",
    "ErrorRecord",
    "Job",
    "Partition",
    "RunReport",
    "gather",
    "open_engine",
    "plan",
    "read",
    "run",
    "run_on",
]
