"""Running untrusted code: pools of long-lived, hardened Docker containers.

``Sandbox`` starts a judge pool and an untrusted pool; ``SandboxPool.run`` compiles (once)
and runs a ``Program`` under ``Limits`` and returns a ``RunResult``;
``SandboxPool.stress`` runs a whole generator/compare loop inside one container.
"""

from ._container import LABEL, ExecutorLost, SandboxError
from ._image import (
    IMAGE,
    ImageBuildError,
    build_from_dockerfile,
    build_offline,
    image_id,
    toolchain,
)
from ._languages import SOURCE_SUFFIXES, Language, LanguageFamily, UnknownLanguageError
from ._models import Generated, Limits, Role, RunResult, RunStatus, StressOutcome, StressResult
from ._pool import CompileError, ContainerLost, SandboxPool
from ._program import Executable, Program, text_bytes
from ._sandbox import Sandbox, SandboxConfig, default_cache_dir, docker_client

__all__ = [
    "IMAGE",
    "LABEL",
    "SOURCE_SUFFIXES",
    "CompileError",
    "ContainerLost",
    "Executable",
    "ExecutorLost",
    "Generated",
    "ImageBuildError",
    "Language",
    "LanguageFamily",
    "Limits",
    "Program",
    "Role",
    "RunResult",
    "RunStatus",
    "Sandbox",
    "SandboxConfig",
    "SandboxError",
    "SandboxPool",
    "StressOutcome",
    "StressResult",
    "UnknownLanguageError",
    "build_from_dockerfile",
    "build_offline",
    "default_cache_dir",
    "docker_client",
    "image_id",
    "text_bytes",
    "toolchain",
]
