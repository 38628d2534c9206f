"""A pool of sandbox containers of one role, and the compile cache in front of it."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import hashlib
import json
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import docker
import requests
from docker.errors import DockerException, NotFound

from ..errors import ProgramError, SandboxError
from ..files import atomic_write
from ._container import Container, ContainerSpec, ExecutorLost, validate_reply
from ._helper import HELPER_FILE, helper_source
from ._languages import compile_argv, run_argv
from ._models import (
    Generated,
    Limits,
    Role,
    RunResult,
    RunStatus,
    StressOutcome,
    StressResult,
)
from ._program import Executable, Program, text_bytes

COMPILE_LIMITS = Limits(cpu_ms=60_000, wall_ms=120_000, memory_mb=1536, output_bytes=256 << 20)
"""Limits for the compiler itself; generous, since ``bits/stdc++.h`` alone takes seconds."""

_SYNTAX_CHECK = "import ast,sys; ast.parse(open(sys.argv[1],'rb').read(), sys.argv[1])"


def _executor_lost(error: ExecutorLost) -> RunResult:
    """What an untrusted program that killed or broke its executor gets as its result."""
    stderr = f"the program stopped the sandbox executor ({error}); the container was replaced"
    return RunResult(status=RunStatus.RUNTIME_ERROR, stderr=stderr)


class ContainerLost(SandboxError):
    """The container was stopped from outside (``docker kill``, ``docker rm -f``, the
    engine shutting down) while a program ran: no fault of that program. The pool has
    replaced the container; the caller may redo the work."""


def _stopped_from_outside(client: docker.DockerClient, container_id: str) -> str | None:
    """Whether the engine was told to kill, stop or remove the container.

    A program that kills its own executor (``kill(-1)``) ends the container too, but
    then the engine records only its death; a kill or stop came from outside. Asked
    before the pool removes the container, since that removal is itself a kill. Raises
    ``SandboxError`` when the engine does not answer (it is gone: nobody's program).
    """
    if not container_id:
        return None
    lost = f"the sandbox container {container_id[:12]} was stopped from outside"
    try:
        # The executor's end reaches us before the engine has logged the kill that caused
        # it: wait for the container's own end (it removes itself then), then look, and
        # look once more a little later.
        with contextlib.suppress(
            NotFound, requests.exceptions.ReadTimeout, requests.exceptions.ConnectionError
        ):
            client.api.wait(container_id, timeout=5)
        for delay in (0.0, 0.25):
            time.sleep(delay)
            how = _kill_or_stop_event(client, container_id)
            if how is not None:
                return f"{lost}: {how}"
    except (DockerException, OSError) as error:  # requests' errors are OSErrors
        raise SandboxError(f"the Docker engine is not reachable: {error}") from error
    return None


def _kill_or_stop_event(client: docker.DockerClient, container_id: str) -> str | None:
    """The engine's last kill or stop event for the container, as ``kill (signal 9)``."""
    # To the microsecond (the SDK's own conversion of a datetime cuts to the second, and
    # an "until" ahead of the engine's clock makes it wait for it).
    now: Any = f"{time.time():.6f}"
    events = client.api.events(
        since=1,  # everything the engine still keeps (its last 256 events)
        until=now,
        filters={"container": container_id, "event": ["kill", "stop"]},
        decode=True,
    )
    for event in events:
        signal = (event.get("Actor") or {}).get("Attributes", {}).get("signal")
        return f"{event.get('Action')}" + (f" (signal {signal})" if signal else "")
    return None


class CompileError(ProgramError):
    """Raised by ``SandboxPool.compile``; ``result`` carries the compiler's message."""

    def __init__(self, result: RunResult):
        super().__init__(result.stderr)
        self.result = result


class SandboxPool:
    """Long-lived containers of one role, each running one program at a time.

    Compiled programs are cached by a hash of (source, language, flags, image), so a
    source is compiled once per pool wherever it is used; with ``cache_dir`` (judge
    pools only) binaries are also kept on disk across runs.

    >>> async with Sandbox() as sandbox:                       # doctest: +SKIP
    ...     result = await sandbox.judge.run(program, "1 2\\n")
    ...     result.status, result.stdout
    (<RunStatus.OK: 'OK'>, '3\\n')
    """

    def __init__(
        self,
        client: docker.DockerClient,
        spec: ContainerSpec,
        role: Role,
        cpus: Sequence[int],
        image_id: str,
        cache_dir: Path | None = None,
    ):
        self.role = role
        self._client = client
        self._spec = spec
        self._cpus = list(cpus)
        self._image_id = image_id
        self._cache_dir = cache_dir
        self._idle: asyncio.Queue[Container] = asyncio.Queue()
        self._containers: list[Container] = []
        self._artifacts: dict[str, Executable] = {}
        self._by_program: dict[Program, Executable] = {}  # skips re-hashing hot programs
        self._building: dict[str, asyncio.Lock] = {}
        self.compilations = 0
        """How many compiler runs this pool made (tests use it to prove caching)."""

    @property
    def size(self) -> int:
        return len(self._cpus)

    async def start(self) -> None:
        containers = [Container(self._client, self._spec, self.role, cpu) for cpu in self._cpus]
        self._containers = containers
        results = await asyncio.gather(*(c.start() for c in containers), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                await self.close()
                raise result
        for container in containers:
            self._idle.put_nowait(container)

    async def close(self) -> None:
        containers, self._containers = self._containers, []
        await asyncio.gather(*(c.close() for c in containers), return_exceptions=True)

    def container_ids(self) -> list[str]:
        return [c.id for c in self._containers]

    def _container(self) -> _Lease:
        """``async with``: an idle container, replaced if its executor is lost meanwhile."""
        return _Lease(self)

    async def _replace(self, dead: Container) -> Container:
        await dead.close()
        fresh = Container(self._client, self._spec, self.role, dead.cpu)
        self._containers = [fresh if c is dead else c for c in self._containers]
        try:
            await fresh.start()
        except SandboxError:
            raise
        except (DockerException, OSError) as error:  # the engine is gone (requests' errors)
            await fresh.close()
            raise SandboxError(f"cannot start a sandbox container: {error}") from error
        return fresh

    # -- compiling -----------------------------------------------------------------

    def _key(self, program: Program) -> str:
        language = program.language
        parts = [
            self._image_id,
            language.family.value,
            language.std or "",
            *(compile_argv(language, "", "") if language.compiled else []),
            program.source,
            *(part for name, text in program.files for part in (name, text)),
        ]
        return hashlib.sha256(text_bytes("\0".join(parts))).hexdigest()

    async def compile(self, program: Program) -> Executable:
        """Compile (or syntax-check) a program once; raises ``CompileError``."""
        known = self._by_program.get(program)
        if known is not None:
            return known
        key = self._key(program)
        if key in self._artifacts:
            return self._artifacts[key]
        lock = self._building.setdefault(key, asyncio.Lock())
        async with lock:
            if key not in self._artifacts:
                self._artifacts[key] = await self._build(key, program)
        self._by_program[program] = self._artifacts[key]
        return self._artifacts[key]

    async def _build(self, key: str, program: Program) -> Executable:
        language = program.language
        if program.files and not language.compiled:
            raise CompileError(
                RunResult(
                    status=RunStatus.COMPILE_ERROR,
                    stderr=f"files beside a {language} program are not supported: "
                    "only C and C++ programs take header files",
                )
            )
        cached = self._disk_path(key)
        if cached is not None and cached.exists():
            return Executable(name=key[:32], data=cached.read_bytes(), language=language)
        source_name = f"{key[:32]}.{language.extension}"
        source = text_bytes(program.source)
        async with self._container() as container:
            await self._put(container, source_name, source, executable=False)
            self.compilations += 1
            keep = None
            if language.compiled:
                argv = compile_argv(
                    language, f"/work/store/{source_name}", "a.out", headers=bool(program.files)
                )
                keep = {"from": "a.out", "name": key[:32]}
            else:
                argv = [
                    run_argv(language, "")[0],
                    "-c",
                    _SYNTAX_CHECK,
                    f"/work/store/{source_name}",
                ]
            result = await self._exec(
                container,
                argv,
                "",
                COMPILE_LIMITS,
                files=dict(program.files) if language.compiled else None,
                keep=keep,
                env={"LC_ALL": "C"},  # plain ASCII quotes in messages
            )
            if result.status is not RunStatus.OK:
                message = result.stderr.replace(
                    f"/work/store/{source_name}", f"main.{language.extension}"
                )
                raise CompileError(
                    result.model_copy(update={"status": RunStatus.COMPILE_ERROR, "stderr": message})
                )
            if not language.compiled:
                container.files.add(source_name)
                return Executable(name=source_name, data=source, language=language)
            reply = await container.request({"op": "get", "name": key[:32]})
            container.files.add(key[:32])
        data = base64.b64decode(reply["data"])
        if cached is not None:
            atomic_write(cached, data)
        return Executable(name=key[:32], data=data, language=language)

    def _disk_path(self, key: str) -> Path | None:
        # Only judge binaries are kept across runs: untrusted ones are never worth trusting.
        if self._cache_dir is None or self.role is not Role.JUDGE:
            return None
        return self._cache_dir / "binaries" / key

    # -- running -------------------------------------------------------------------

    async def run(
        self,
        program: Program,
        stdin: str | bytes | Path = "",
        limits: Limits | None = None,
        *,
        args: Sequence[str] = (),
        files: dict[str, str] | None = None,
    ) -> RunResult:
        """Compile if needed, then run ``program`` on ``stdin`` (text, bytes, or a file
        to read).

        Text is turned into bytes by ``text_bytes``, so text that holds a program's
        output (``RunResult.stdout``) is fed on as exactly the bytes it printed.
        ``files`` are written into the program's working directory first (a checker's
        input, output and answer, say). A compile error comes back as a result with
        status ``COMPILE_ERROR``, not as an exception.
        """
        limits = limits or _DEFAULT_LIMITS
        if isinstance(stdin, Path):
            stdin = stdin.read_bytes()
        executable = self._by_program.get(program)  # spares a coroutine when compiled
        if executable is None:
            try:
                executable = await self.compile(program)
            except CompileError as error:
                return error.result
        try:
            async with self._container() as container:
                if not _stored(container, executable):  # (a coroutine spared per run)
                    await self._ensure(container, executable)
                argv = (*run_argv(executable.language, f"/work/store/{executable.name}"), *args)
                return await self._exec(container, argv, stdin, limits, files=files)
        except ExecutorLost as error:
            if self.role is Role.JUDGE:
                raise
            return _executor_lost(error)

    async def stress(
        self,
        generator: Program,
        a: Program,
        b: Program,
        *,
        validator: Program | None = None,
        limits: Limits | None = None,
        generator_limits: Limits | None = None,
        max_iterations: int = 1_000_000,
        time_s: float = 60.0,
        seed: int = 0,
    ) -> StressResult:
        """Generator -> [validator ->] B -> A -> compare, in one container, until they differ.

        The generator gets the iteration's seed as its only argument; outputs compare as
        tokens with YES/NO case-insensitive. Returns the first differing input, or
        ``NOT_FOUND`` after ``max_iterations`` or ``time_s``. Inputs the validator rejects
        are counted in ``invalid``; those on which B fails in ``skipped`` (B is the side
        trusted to be right). All the programs share one container: use this only where
        they may (``generate`` + ``compare`` keep a model's generator apart from judge
        material).
        """
        limits = limits or Limits()
        programs = [(generator, generator_limits or limits), (a, limits), (b, limits)]
        if validator is not None:
            programs.append((validator, limits))
        request: dict[str, Any] = {
            "op": "stress",
            "max_iters": max_iterations,
            "time_ms": int(time_s * 1000),
            "seed": seed,
        }
        return await self._loop(request, ["gen", "a", "b", "validator"], programs)

    async def compare(
        self,
        inputs: Sequence[str],
        a: Program,
        b: Program,
        *,
        validator: Program | None = None,
        limits: Limits | None = None,
        time_s: float = 60.0,
    ) -> StressResult:
        """[validator ->] B -> A -> compare on each input, in one container, until they differ.

        The judge-side half of a search whose generator is not to be trusted: inputs made
        elsewhere (``generate`` in the untrusted pool, or by the host) are checked here.
        ``index`` in the result is the position of the differing input.
        """
        limits = limits or Limits()
        programs = [(a, limits), (b, limits)]
        if validator is not None:
            programs.append((validator, limits))
        request: dict[str, Any] = {
            "op": "compare",
            "time_ms": int(time_s * 1000),
        }
        request["inputs"], request["b64"] = _program_texts(list(inputs))
        return await self._loop(request, ["a", "b", "validator"], programs)

    async def generate(
        self,
        generator: Program,
        count: int,
        *,
        limits: Limits | None = None,
        time_s: float = 60.0,
        seed: int = 0,
    ) -> Generated:
        """Run ``generator`` with seeds ``seed+1 ... seed+count`` and collect its outputs."""
        try:
            executable = await self.compile(generator)
        except CompileError as error:
            return Generated(inputs=[], compile_error=error.result.stderr)
        request: dict[str, Any] = {
            "op": "generate",
            "count": count,
            "time_ms": int(time_s * 1000),
            "seed": seed,
            "gen": self._request(executable, limits or Limits()),
        }
        try:
            async with self._container() as container:
                await self._ensure(container, executable)
                reply = await container.request(request)
        except ExecutorLost as error:
            if self.role is Role.JUDGE:
                raise
            return Generated(inputs=[], failed=_executor_lost(error))
        return validate_reply(Generated, reply)

    async def _loop(
        self,
        request: dict[str, Any],
        names: list[str],
        programs: list[tuple[Program, Limits]],
    ) -> StressResult:
        try:
            executables = [await self.compile(program) for program, _ in programs]
        except CompileError as error:
            return StressResult(
                outcome=StressOutcome.COMPILE_ERROR, compile_error=error.result.stderr
            )
        for name, executable, (_, limits) in zip(names, executables, programs, strict=False):
            request[name] = self._request(executable, limits)
        started = time.monotonic()
        try:
            async with self._container() as container:
                for executable in executables:
                    await self._ensure(container, executable)
                reply = await container.request(request)
        except ExecutorLost as error:
            if self.role is Role.JUDGE:
                raise
            lost = _executor_lost(error)
            return StressResult(outcome=StressOutcome.GENERATOR_FAILED, generator=lost)
        reply["elapsed_ms"] = (time.monotonic() - started) * 1000.0
        return validate_reply(StressResult, reply)

    def _request(self, executable: Executable, limits: Limits) -> dict[str, Any]:
        argv = run_argv(executable.language, f"/work/store/{executable.name}")
        return _run_request(argv, "", limits)

    async def _ensure(self, container: Container, executable: Executable) -> None:
        """Put what ``executable`` runs from into the store: its file and, for a Python
        program, the validators' reading helper beside it (a program may have spoiled it)."""
        if executable.name not in container.files:
            await self._put(
                container, executable.name, executable.data, executable=executable.language.compiled
            )
        if not executable.language.compiled and HELPER_FILE not in container.files:
            await self._put(container, HELPER_FILE, helper_source(), executable=False)

    async def _put(self, container: Container, name: str, data: bytes, *, executable: bool) -> None:
        await container.request(
            {
                "op": "put",
                "name": name,
                "executable": executable,
                "data": base64.b64encode(data).decode("ascii"),
            }
        )
        container.files.add(name)

    async def _exec(
        self,
        container: Container,
        argv: Sequence[str],
        stdin: str | bytes,
        limits: Limits,
        *,
        files: dict[str, str] | None = None,
        keep: dict[str, str] | None = None,
        env: dict[str, str] | None = None,
    ) -> RunResult:
        line, timeout = _run_head(tuple(argv), limits)
        if isinstance(stdin, str) and stdin.isascii() and not files:
            line += json.dumps(stdin).encode("ascii")  # nearly every run: no copy, no check
        else:
            names = list(files or ())
            texts, b64 = _program_texts([stdin, *(files or {}).values()])
            line += json.dumps(texts[0]).encode("ascii")
            if files:
                files = dict(zip(names, texts[1:], strict=True))
            if b64:
                line += b', "b64": true'
        for key, value in (("env", env), ("files", files), ("keep", keep)):
            if value:
                line += f', "{key}": {json.dumps(value)}'.encode("ascii")
        return await container.request_as(line + b"}\n", RunResult, timeout=timeout)


_DEFAULT_LIMITS = Limits()


def _stored(container: Container, executable: Executable) -> bool:
    """Whether the store holds all that ``_ensure`` puts there for ``executable``."""
    return executable.name in container.files and (
        executable.language.compiled or HELPER_FILE in container.files
    )


@functools.lru_cache(maxsize=4096)
def _run_head(argv: tuple[str, ...], limits: Limits) -> tuple[bytes, float]:
    """A run request's JSON up to its ``stdin`` value, and the host's timeout for it.

    Only the input changes between the thousands of runs of one program, so the rest is
    encoded once.
    """
    request = _run_request(list(argv), "", limits)
    del request["stdin"]
    head = json.dumps(request)[:-1] + ', "stdin": '
    return head.encode("ascii"), limits.effective_wall_ms / 1000.0 + 30.0


class _Lease:
    """One idle container of a pool, for the length of an ``async with``.

    A class, not ``contextlib.asynccontextmanager``: this is on every run's path, where a
    generator-based manager costs several microseconds more.
    """

    __slots__ = ("_held", "_pool")

    def __init__(self, pool: SandboxPool):
        self._pool = pool

    async def __aenter__(self) -> Container:
        idle = self._pool._idle
        self._held = idle.get_nowait() if idle.qsize() else await idle.get()
        return self._held

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _: TracebackType | None
    ) -> None:
        held = self._held
        try:
            if kind is not None and issubclass(kind, ExecutorLost):
                pool = self._pool
                outside = await asyncio.to_thread(_stopped_from_outside, pool._client, held.id)
                held = await pool._replace(held)
                if outside is not None:
                    raise ContainerLost(outside) from error
        finally:
            self._pool._idle.put_nowait(held)


def _program_texts(values: Sequence[str | bytes]) -> tuple[list[str], bool]:
    """Program bytes (text from ``as_text``, or bytes) as they travel to the executor,
    and whether they are base64: the values' text when every one is UTF-8, else every
    one base64 (the executor's protocol)."""
    texts: list[str] = []
    for value in values:
        if isinstance(value, str):
            if not value.isascii():
                try:
                    value.encode("utf-8")  # a byte that is not UTF-8 is a lone surrogate
                except UnicodeEncodeError:
                    break
            texts.append(value)
        else:
            try:
                texts.append(value.decode("utf-8"))
            except UnicodeDecodeError:
                break
    else:
        return texts, False
    data = (text_bytes(value) if isinstance(value, str) else value for value in values)
    return [base64.b64encode(item).decode("ascii") for item in data], True


def _run_request(argv: list[str], stdin: str, limits: Limits) -> dict[str, Any]:
    return {
        "op": "run",
        "argv": argv,
        "stdin": stdin,
        "cpu_ms": limits.cpu_ms,
        "wall_ms": limits.effective_wall_ms,
        "memory_mb": limits.memory_mb,
        "output_bytes": limits.output_bytes,
        "stderr_bytes": limits.stderr_bytes,
    }
