"""Runs on a Ray cluster: attempts scheduled on the cluster's nodes, kept by the driver.

Ray is imported only here, and only when a run asks for a cluster (``--cluster``).

Example::

    backend = RayBackend("127.0.0.1:6379")
    summary = asyncio.run(run_benchmark(config, Path("runs/on-cluster"), backend=backend))
"""

from ._backend import ClusterError, RayBackend
from ._import import check_on_cluster, import_on_cluster
from ._local import LocalCluster

__all__ = ["ClusterError", "LocalCluster", "RayBackend", "check_on_cluster", "import_on_cluster"]
