"""A Docker engine of the test's own, to stop and start again without touching anyone's.

The machine's engine is shared (other test runs, the developer's own runs): stopping it
would kill their containers. This one is a second ``dockerd`` with its own socket, data
and exec roots, no bridge and no iptables rules; the sandbox image is copied into it
with ``docker save | docker load``. Only the process this helper started is ever
signalled, by its pid.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import docker


class PrivateEngine:
    """A ``dockerd`` under ``root``; ``host`` is the value for ``DOCKER_HOST``."""

    def __init__(self, root: Path):
        self.root = root
        self.socket = root / "docker.sock"
        self.host = f"unix://{self.socket}"
        self._process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def available() -> str | None:
        """Why a private engine cannot run here, or ``None``."""
        if os.geteuid() != 0:
            return "a second Docker engine needs root"
        if shutil.which("dockerd") is None or shutil.which("docker") is None:
            return "dockerd or the docker CLI is not installed"
        return None

    def start(self, timeout: float = 60) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        log = (self.root / "dockerd.log").open("ab")
        self._process = subprocess.Popen(
            [
                "dockerd",
                f"--host={self.host}",
                f"--data-root={self.root / 'data'}",
                f"--exec-root={self.root / 'exec'}",
                f"--pidfile={self.root / 'dockerd.pid'}",
                "--bridge=none",
                "--iptables=false",
                "--ip-masq=false",
            ],
            stdout=log,
            stderr=log,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # not in the test's process group: Ctrl-C is ours
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"dockerd exited; see {self.root / 'dockerd.log'}")
            if self.answers():
                return
            time.sleep(0.2)
        raise RuntimeError(f"dockerd did not answer in {timeout} s")

    def answers(self) -> bool:
        try:
            client = docker.DockerClient(base_url=self.host, timeout=5)
        except docker.errors.DockerException:
            return False
        try:
            return bool(client.ping())
        except Exception:  # requests' ConnectionError while the socket is not there yet
            return False
        finally:
            client.close()

    def stop(self, timeout: float = 60) -> None:
        """SIGTERM to this engine, as a service manager stops one; waits for it to exit."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def load_image(self, image: str) -> None:
        """Copy ``image`` from the machine's engine into this one (about 30 s for 1 GB)."""
        env = {**os.environ, "DOCKER_HOST": self.host}
        save = subprocess.Popen(["docker", "save", image], stdout=subprocess.PIPE)
        try:
            subprocess.run(
                ["docker", "load", "--quiet"],
                stdin=save.stdout,
                env=env,
                check=True,
                capture_output=True,
                timeout=600,
            )
        finally:
            assert save.stdout is not None
            save.stdout.close()
            save.wait(timeout=60)

    def remove(self) -> None:
        """Stop it and delete its data."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
