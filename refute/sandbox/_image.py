"""Building the sandbox image: from ``sandbox/Dockerfile``, or offline from Debian packages."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import docker
from docker.errors import BuildError, DockerException, ImageNotFound

from ..errors import SandboxError
from ._languages import PCH_STANDARDS, STDCPP_HEADERS, pch_argv

IMAGE = "refute-sandbox:3"
"""The image ``refute`` uses by default. Bump the tag when the image's contents change."""

PACKAGES = ("gcc", "g++", "libboost-dev", "python3", "pypy3")
"""What real contest packages need: a current GCC (C and C++20/23), Boost's headers (which
validators and submissions include), CPython 3 and PyPy 3."""

SUITE = "trixie"
"""Debian 13: GCC 14 (bookworm's GCC 12 cannot compile some C++20 validators real archives
ship), from the same package source as the host's bookworm."""

TOOLCHAIN_PREFIX = "REFUTE_TOOLCHAIN_"
"""The image's environment names each tool's version as ``REFUTE_TOOLCHAIN_<TOOL>``, so a
run can record its compiler without starting a container (``toolchain``)."""

_VERSIONS = {
    "GCC": "gcc -dumpfullversion",
    "PYTHON": "python3 -c 'import platform; print(platform.python_version())'",
    "PYPY": "dpkg-query -W -f '${Version}' pypy3",
    "BOOST": "dpkg-query -W -f '${Version}' libboost-dev",
}
DEFAULT_MIRROR = "http://deb.debian.org/debian"
_PRUNE = (
    "usr/share/doc",
    "usr/share/man",
    "usr/share/info",
    "usr/share/locale",
    "var/cache/apt/archives",
    "var/lib/apt/lists",
)
_CHANGES = [
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "ENV LANG=C.UTF-8",
    "USER 65534:65534",
    'CMD ["/usr/bin/python3"]',
]


class ImageBuildError(SandboxError):
    """The image could not be built; the message says what to do."""


def image_id(client: docker.DockerClient, image: str = IMAGE) -> str | None:
    """The image's id (its content digest), or ``None`` when it is not present."""
    try:
        return str(client.images.get(image).id)
    except ImageNotFound:
        return None


def toolchain(client: docker.DockerClient, image: str = IMAGE) -> dict[str, str]:
    """The versions of the image's compilers and interpreters, by tool (``gcc``, ...).

    Empty for an image built before the versions were recorded.
    """
    try:
        env = client.images.get(image).attrs.get("Config", {}).get("Env") or []
    except ImageNotFound:
        return {}
    found = {}
    for item in env:
        name, _, value = str(item).partition("=")
        if name.startswith(TOOLCHAIN_PREFIX):
            found[name.removeprefix(TOOLCHAIN_PREFIX).lower()] = value
    return found


def build_offline(
    client: docker.DockerClient,
    image: str = IMAGE,
    mirror: str = DEFAULT_MIRROR,
    log: Callable[[str], None] = print,
) -> str:
    """Build the image with ``debootstrap`` from Debian packages, then ``docker import`` it.

    Needs root and ``debootstrap`` on the host, and a Debian mirror (no container
    registry). Returns the image id.
    """
    if shutil.which("debootstrap") is None:
        raise ImageBuildError("debootstrap is not installed: run `apt-get install debootstrap`")
    with tempfile.TemporaryDirectory(prefix="refute-image-") as tmp:
        root = Path(tmp) / "rootfs"
        log(f"debootstrap {SUITE} with {', '.join(PACKAGES)} from {mirror} ...")
        command = [
            "debootstrap",
            "--variant=minbase",
            f"--include={','.join(PACKAGES)}",
            SUITE,
            str(root),
            mirror,
        ]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
            raise ImageBuildError(f"debootstrap failed (exit {done.returncode}): {tail}")
        for relative in _PRUNE:
            shutil.rmtree(root / relative, ignore_errors=True)
        log(f"precompiling bits/stdc++.h for {', '.join(PCH_STANDARDS)} ...")
        headers = sorted(root.glob(STDCPP_HEADERS))
        if len(headers) != 1:
            raise ImageBuildError(f"expected one bits/stdc++.h in the image, found {headers}")
        header = "/" + str(headers[0].relative_to(root))
        headers[0].with_name("stdc++.h.gch").mkdir(exist_ok=True)
        for std in PCH_STANDARDS:
            done = subprocess.run(
                ["chroot", str(root), *pch_argv(std, header)], capture_output=True, text=True
            )
            if done.returncode != 0:
                raise ImageBuildError(f"precompiling bits/stdc++.h ({std}) failed: {done.stderr}")
        versions = [f"ENV {TOOLCHAIN_PREFIX}{tool}={_version(root, tool)}" for tool in _VERSIONS]
        archive = Path(tmp) / "rootfs.tar"
        log("packing the root filesystem ...")
        subprocess.run(["tar", "-C", str(root), "-cf", str(archive), "."], check=True)
        log(f"importing as {image} ...")
        repository, _, tag = image.partition(":")
        try:
            client.api.import_image_from_file(
                str(archive),
                repository=repository,
                tag=tag or "latest",
                changes=[*_CHANGES, *versions],
            )
        except DockerException as error:
            raise ImageBuildError(f"docker import failed: {error}") from error
    built = image_id(client, image)
    if built is None:
        raise ImageBuildError(f"docker import reported success but {image} is missing")
    return built


def _version(root: Path, tool: str) -> str:
    done = subprocess.run(
        ["chroot", str(root), "sh", "-c", _VERSIONS[tool]], capture_output=True, text=True
    )
    version = done.stdout.strip()
    if done.returncode != 0 or not version:
        raise ImageBuildError(f"cannot tell the image's {tool.lower()} version: {done.stderr}")
    return version


def build_from_dockerfile(
    client: docker.DockerClient,
    context: Path,
    image: str = IMAGE,
    log: Callable[[str], None] = print,
) -> str:
    """Build from ``sandbox/Dockerfile``; needs the base image or a registry to pull it."""
    try:
        built, logs = client.images.build(path=str(context), tag=image, rm=True)
    except BuildError as error:
        message = str(error)
        if any(word in message.lower() for word in ("pull", "registry", "manifest", "dial tcp")):
            raise ImageBuildError(
                f"cannot pull the base image ({message.strip()}); without a registry, "
                "build from Debian packages instead: `refute sandbox build --offline`"
            ) from error
        raise ImageBuildError(f"docker build failed: {message}") from error
    except DockerException as error:
        raise ImageBuildError(f"docker build failed: {error}") from error
    for chunk in logs:
        if isinstance(chunk, dict) and "stream" in chunk:
            text = str(chunk["stream"]).rstrip()
            if text:
                log(text)
    return str(built.id)
