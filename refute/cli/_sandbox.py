"""``refute sandbox ...``: build, check and clean up the sandbox."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path

import typer
from docker.errors import DockerException
from rich.console import Console

from ..files import bundled_dir
from ..sandbox import (
    IMAGE,
    SandboxError,
    build_from_dockerfile,
    build_offline,
    docker_client,
    image_id,
    labelled,
    remove_orphans,
    smoke_runs,
    toolchain,
)

sandbox_app = typer.Typer(
    help="Build, check and clean up the Docker sandbox.", no_args_is_help=True
)
console = Console(stderr=True, soft_wrap=True)


def _dockerfile_dir() -> Path:
    return bundled_dir("sandbox")


@sandbox_app.command("build")
def build(
    offline: bool = typer.Option(
        False, "--offline", help="Build from Debian packages (debootstrap), no registry needed."
    ),
    image: str = typer.Option(IMAGE, help="Image name and tag."),
    mirror: str = typer.Option("http://deb.debian.org/debian", help="Debian mirror (--offline)."),
    force: bool = typer.Option(False, "--force", help="Rebuild even when the image exists."),
) -> None:
    """Build the sandbox image (g++, CPython 3, PyPy 3)."""
    client = docker_client()
    existing = image_id(client, image)
    if existing and not force:
        console.print(f"{image} is present ({existing}); --force rebuilds it")
        return
    if offline:
        built = build_offline(client, image, mirror, log=console.print)
    else:
        built = build_from_dockerfile(client, _dockerfile_dir(), image, log=console.print)
    console.print(f"built {image}: {built}")


@sandbox_app.command("check")
def check(
    image: str = typer.Option(IMAGE, help="Image to check."),
    json_output: bool = typer.Option(False, "--json", help="Print the findings as JSON."),
) -> None:
    """Check the engine, the image and a smoke run of C++, Python 3 and PyPy 3."""
    client = docker_client()
    version = client.version().get("Version", "?")
    found = image_id(client, image)
    if found is None:
        raise SandboxError(
            f"sandbox image {image} is missing: run `refute sandbox build --offline`"
        )
    runs = asyncio.run(smoke_runs(image))
    versions = toolchain(client, image)
    report = {
        "engine": version,
        "image": image,
        "image_id": found,
        "toolchain": versions,
        "runs": runs,
    }
    if json_output:
        print(json.dumps(report, indent=2))
    else:
        console.print(f"engine   Docker {version}")
        console.print(f"image    {image} {found}")
        tools = ", ".join(f"{tool} {number}" for tool, number in versions.items())
        console.print(f"tools    {tools or 'not recorded (an image built before they were)'}")
        for name, outcome in runs.items():
            console.print(f"run      {name}: {outcome}")
    if any(outcome != "OK" for outcome in runs.values()):
        raise SandboxError("the smoke run failed: " + json.dumps(runs))


@sandbox_app.command("clean")
def clean(
    all_containers: bool = typer.Option(
        False, "--all", help="Also remove containers of refute processes still running."
    ),
) -> None:
    """Remove leftover sandbox containers (those whose refute process is gone)."""
    client = docker_client()
    if all_containers:
        containers = labelled(client)
        for container in containers:
            with contextlib.suppress(DockerException):
                client.api.remove_container(container["Id"], force=True)
        removed = len(containers)
    else:
        removed = remove_orphans(client)
    console.print(f"removed {removed} container(s)")
