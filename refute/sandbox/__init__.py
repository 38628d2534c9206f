"""Running untrusted code: pools of long-lived, hardened Docker containers.

``Sandbox`` starts a judge pool and an untrusted pool; ``SandboxPool.run`` compiles (once)
and runs a ``Program`` under ``Limits`` and returns a ``RunResult``;
``SandboxPool.stress`` runs a whole generator/compare loop inside one container.
Python validators import their input reader from ``refute.sandbox.validate``, which every
container provides as ``refute_validate``; ``standalone_validator`` inlines it.
``smoke_runs`` runs one small program per language, as ``refute sandbox check`` does.
"""

from ..errors import ProgramError, SandboxError
from ._container import LABEL, ExecutorLost, labelled, remove_orphans
from ._helper import helper_of, standalone_validator
from ._image import (
    IMAGE,
    ImageBuildError,
    build_from_dockerfile,
    build_offline,
    image_id,
    toolchain,
)
from ._languages import CPP_FLAGS, SOURCE_SUFFIXES, Language, LanguageFamily, UnknownLanguageError
from ._models import Generated, Limits, Role, RunResult, RunStatus, StressOutcome, StressResult
from ._pool import CompileError, ContainerLost, SandboxPool
from ._program import Executable, Program, as_text, printable_text, text_bytes
from ._sandbox import Sandbox, SandboxConfig, docker_client
from ._smoke import smoke_runs

__all__ = [
    "CPP_FLAGS",
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
    "ProgramError",
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
    "as_text",
    "build_from_dockerfile",
    "build_offline",
    "docker_client",
    "helper_of",
    "image_id",
    "labelled",
    "printable_text",
    "remove_orphans",
    "smoke_runs",
    "standalone_validator",
    "text_bytes",
    "toolchain",
]
