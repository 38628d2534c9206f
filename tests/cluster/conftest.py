"""A real local Ray cluster: a head and two worker nodes, each its own `ray start` process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from refute.cluster import LocalCluster

from ..support.cli import cli  # noqa: F401  (registers the fixture)


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[str]:
    """The GCS address of a head (no CPUs: it only hosts the driver) and two workers,
    ``refute_node_a`` and ``refute_node_b``; only this cluster's processes are stopped."""
    pytest.importorskip("ray")
    with LocalCluster(workers=2, cpus=1) as address:
        yield address
