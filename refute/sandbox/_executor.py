"""The in-container executor: runs programs on request, inside one sandbox container.

This file is standard-library only and self-contained: the host passes its source to
``python3 -c`` when the container starts, so host and container always speak the same
protocol. It must not import anything from ``refute``.

Protocol: one JSON object per line on the host's socket each way, in order. Programs'
bytes (stdin, stdout, stderr, files, generated and differing inputs) are JSON strings:
their text when every such value of the message is UTF-8 (nearly always, and the
cheapest to parse), else every one of them base64, and the message says so with
``"b64": true`` as its first key. As JSON text a byte that is not UTF-8 would be a lone
surrogate escape, which the host's JSON parser refuses; base64 for every message cost
the host about 0.2 s more per 16 MB of output. End of stdin is the dead-man switch: the
executor exits, and the container with it.

Requests (``op``):
  ``ping``    -> ``{"ok": true}``
  ``put``     write ``data`` (base64) to the store as ``name``; ``executable`` sets mode 755
  ``get``     read ``name`` from the store -> ``{"data": base64}``
  ``run``     run ``argv`` with limits -> a run result (see ``Executor.run``)
  ``stress``  loop generator -> [validator ->] B -> A -> compare; the first difference
  ``generate`` run a generator for a range of seeds and return what it printed
  ``compare`` [validator ->] B -> A -> compare on given inputs; the first difference

Limits are set with ``prlimit`` on the child right after it is spawned (the spawn itself
is a ``posix_spawn``, which is much cheaper than ``fork`` + ``preexec_fn``); the stack
limit is raised once for the executor and inherited by every child.

State: everything that changes while the executor serves belongs to one ``Executor``
(the host channel), through its parts: ``_Work`` (the work directory, the store's index
and the ``_Watch`` on both), ``_Streams`` (the programs' I/O files) and ``_Processes``
(the pids counter and the OOM kills seen). Module-level names are constants. The file
stays one module because one source string is all that ``python3 -c`` ships; the loops
(``_stress``, ``_generate``, ``_compare``) know only ``Executor.run``.
"""

import base64
import contextlib
import ctypes
import json
import os
import resource
import select
import shutil
import signal
import socket
import struct
import sys
import time
from collections.abc import Callable, Iterable
from types import MappingProxyType
from typing import Any, TypeAlias

WORK = "/work"
STORE = WORK + "/store"
RUN_DIR = WORK + "/run"
IO_DIR = WORK + "/io"
TMP_DIR = WORK + "/tmp"
STDIN_PATH = IO_DIR + "/stdin"
STDOUT_PATH = IO_DIR + "/stdout"
STDERR_PATH = IO_DIR + "/stderr"
ENV = MappingProxyType(
    {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": RUN_DIR,
        "TMPDIR": TMP_DIR,
        "LANG": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        # PyPy sizes its nursery from the CPU's last-level cache, which a VM may report as
        # hundreds of MiB: the nursery then exceeds a 256 MiB address-space limit and PyPy
        # cannot start. A fixed size keeps it starting, and its speed the same, on every host.
        "PYPY_GC_NURSERY": "4M",
    }
)
MEMORY_HINTS = (b"std::bad_alloc", b"MemoryError", b"Cannot allocate memory", b"out of memory")
SELF = os.getpid()


_b64encode, _b64decode = base64.b64encode, base64.b64decode


def _program_bytes(value: Any, found: list[tuple[Any, Any]]) -> None:
    """Collect (container, key) of every bytes value in a reply, however nested."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        if isinstance(item, bytes):
            found.append((value, key))
        elif isinstance(item, (dict, list)):
            _program_bytes(item, found)


def _encode(reply: dict[str, Any]) -> dict[str, Any]:
    """A reply as it travels: its program bytes as text when all are UTF-8, else all
    base64 under a leading ``"b64": true`` (see the protocol above)."""
    found: list[tuple[Any, Any]] = []
    _program_bytes(reply, found)
    try:
        texts = [holder[key].decode("utf-8") for holder, key in found]
    except UnicodeDecodeError:
        for holder, key in found:
            holder[key] = _b64encode(holder[key]).decode("ascii")
        return {"b64": True, **reply}
    for (holder, key), text in zip(found, texts, strict=True):
        holder[key] = text
    return reply


def _decode(value: str, b64: bool) -> bytes:
    """Program bytes from a request (see the protocol above)."""
    return _b64decode(value) if b64 else value.encode("utf-8", "surrogateescape")


def _work_full_mb() -> int:
    """The work space's size in MB when a program left it full (its writes then failed
    with ENOSPC, often its error messages too, since stderr is a file on it); else 0."""
    try:
        info = os.statvfs(WORK)
    except OSError:
        return 0
    if info.f_bavail * info.f_frsize >= 64 << 10:
        return 0
    return (info.f_blocks * info.f_frsize) >> 20


def _oom_kills() -> int:
    """The cgroup's OOM-kill counter (v1 or v2); -1 when unreadable."""
    for path in ("/sys/fs/cgroup/memory/memory.oom_control", "/sys/fs/cgroup/memory.events"):
        try:
            with open(path) as handle:
                for line in handle:
                    key, _, value = line.partition(" ")
                    if key == "oom_kill":
                        return int(value)
        except OSError:
            continue
    return -1


_LAYOUT = frozenset({"store", "run", "io", "tmp"})
_IO_FILES = frozenset(os.path.basename(path) for path in (STDIN_PATH, STDOUT_PATH, STDERR_PATH))


class _Watch:
    """What programs changed under /work, told by inotify, so a quiet run costs one read.

    Directories of the layout are watched for entries appearing, vanishing or changing
    mode, and every store file (by inode, so a hard link elsewhere does not hide a
    write) for writes, mode and link-count changes. Reading and executing raise no
    event, so a run that only reads its program and writes its output leaves the queue
    empty. ``changes`` returns ``None`` when it cannot tell (no inotify, or the queue
    overflowed): then everything must be checked, as if nothing were watched.
    """

    DIRECTORY = 0x4 | 0x40 | 0x80 | 0x100 | 0x200 | 0x400 | 0x800
    """IN_ATTRIB, IN_MOVED_FROM, IN_MOVED_TO, IN_CREATE, IN_DELETE, IN_DELETE_SELF and
    IN_MOVE_SELF; not IN_MODIFY, which the executor's own output files raise."""
    FILE = 0x2 | 0x4 | 0x8 | 0x400 | 0x800
    """IN_MODIFY, IN_ATTRIB, IN_CLOSE_WRITE, IN_DELETE_SELF and IN_MOVE_SELF."""
    OVERFLOW, IGNORED = 0x4000, 0x8000
    HEADER = struct.Struct("iIII")

    def __init__(self) -> None:
        self.fd = -1
        self.poller = select.poll()
        self.files: dict[int, str] = {}  # watch descriptor -> store file name
        self.directories: set[int] = set()  # watch descriptors of the layout
        self.store = -1  # the store directory's watch descriptor

    def start(self, names: Iterable[str]) -> None:
        """Watch the layout and the store files ``names``; stay blind without inotify."""
        self.stop()
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            self._add_watch = libc.inotify_add_watch
            self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        except (OSError, AttributeError):
            self.fd = -1
        self.poller = select.poll()
        if self.fd >= 0:
            self.poller.register(self.fd, select.POLLIN)
        self.files.clear()
        self.watch_layout()
        for name in names:
            self.file(os.path.join(STORE, name), name)

    def stop(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
        self.fd = -1

    def _add(self, path: str, mask: int) -> int:
        wd = int(self._add_watch(self.fd, path.encode(), mask)) if self.fd >= 0 else -1
        if wd < 0:
            self.stop()  # a watch we cannot place would make the others lie
        return wd

    def watch_layout(self) -> None:
        """(Re)place the directory watches; a directory a program replaced needs a new one."""
        placed = {
            path: self._add(path, self.DIRECTORY)
            for path in (WORK, RUN_DIR, TMP_DIR, IO_DIR, STORE)
        }
        self.directories = set(placed.values())
        self.store = placed[STORE]

    def file(self, path: str, name: str) -> None:
        """Watch a store file the executor just put there."""
        wd = self._add(path, self.FILE)
        if wd >= 0:
            self.files[wd] = name

    def _events(self) -> list[tuple[int, str]] | None:
        """Read the queue dry: (watch descriptor, name) pairs, ``None`` on overflow.

        An event on a store file's own watch carries that file's name. The file's entry
        is dropped once an IGNORED event says its watch is gone.
        """
        events: list[tuple[int, str]] = []
        gone: list[int] = []
        overflowed = False
        while self.poller.poll(0):  # not read until EAGAIN: a quiet run raises nothing
            try:
                data = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                break
            offset = 0
            while offset < len(data):
                wd, mask, _, size = self.HEADER.unpack_from(data, offset)
                offset += self.HEADER.size
                name = data[offset : offset + size].rstrip(b"\0").decode("utf-8", "replace")
                offset += size
                overflowed = overflowed or bool(mask & self.OVERFLOW)
                if mask & self.IGNORED:
                    gone.append(wd)
                else:
                    events.append((wd, name))
        named = [(wd, self.files.get(wd, name)) for wd, name in events]
        for wd in gone:
            self.files.pop(wd, None)
        return None if overflowed else named

    def changes(self) -> tuple[bool, set[str]] | None:
        """Whether the layout changed, and which store files were touched; then forget."""
        if self.fd < 0:
            return None
        events = self._events()
        if events is None:
            return None
        layout, touched = False, set()
        for wd, name in events:
            if wd in self.directories:
                layout = True
                if wd == self.store and name:
                    touched.add(name)
            elif name:
                touched.add(name)  # a store file's own watch, named for the file
            else:
                layout = True  # a watch we do not know: look at everything
        return layout, touched

    def forget(self, names: Iterable[str]) -> None:
        """Drop events the executor raised itself (nothing else runs when it is called);
        after an overflow, start afresh watching the store files ``names``."""
        if self.fd >= 0 and self._events() is None:
            self.start(names)


def _quiet(changes: tuple[bool, set[str]] | None) -> bool:
    """Whether ``_Watch.changes`` says that a run changed nothing."""
    return changes is not None and not changes[0] and not changes[1]


class _Work:
    """The work directory /work, and putting it back as it was after a run.

    It owns the store's index (every file the host put or a run kept, with the inode and
    ctime it had then), the watch that tells what a run changed, and the names of store
    files spoiled since the last reply, which the next reply carries (``take_evicted``).
    """

    def __init__(self) -> None:
        for directory in _LAYOUT:
            os.makedirs(os.path.join(WORK, directory), exist_ok=True)
        os.chdir(RUN_DIR)
        self.empty_size = os.stat(TMP_DIR).st_size  # an empty directory on the work tmpfs
        self.layout_size = os.stat(WORK).st_size  # /work holding just the layout
        self.store: dict[str, tuple[int, int]] = {}  # name -> (inode, ctime_ns)
        self.evicted: list[str] = []
        self.watch = _Watch()

    def register(self, name: str) -> None:
        """Note a file the executor just put into the store, as it is now."""
        path = os.path.join(STORE, name)
        info = os.stat(path)
        self.store[name] = (info.st_ino, info.st_ctime_ns)
        self.watch.file(path, name)

    def start_watching(self) -> None:
        """Watch the layout and the store from now on (see ``_Watch``)."""
        self.watch.start(self.store)

    def forget_own_events(self) -> None:
        """Drop the watch's events of the executor's own writes (see ``_Watch.forget``)."""
        self.watch.forget(self.store)

    def take_evicted(self) -> list[str]:
        """The store files spoiled since the last call, which the host must put again."""
        evicted, self.evicted = self.evicted, []
        return evicted

    def _empty(self, directory: str) -> bool:
        """Cheap emptiness test: on tmpfs a directory's size grows with its entries."""
        try:
            return os.stat(directory).st_size == self.empty_size
        except OSError:
            return False

    def restore(self, changes: tuple[bool, set[str]] | None) -> None:
        """Undo whatever a program did to the container; note store files it spoiled.

        Every program runs as the executor's own user, so it can write anywhere in /work.
        ``changes`` is what the watch saw during the run (see ``_Watch.changes``); when it
        saw nothing, there is nothing to undo. Otherwise scratch directories are emptied,
        unknown files are removed, and a store file that was written to, or whose inode or
        ctime changed (ctime cannot be set back by a program), is deleted, so the host puts
        a fresh copy before its next use.
        """
        if _quiet(changes):
            return
        touched = changes[1] if changes is not None else set()
        for directory in _LAYOUT:  # a program may have removed, replaced or locked one
            path = os.path.join(WORK, directory)
            if os.path.islink(path) or not os.path.isdir(path):
                _remove(path)
                os.mkdir(path)
            os.chmod(path, 0o755)
        for scratch in (RUN_DIR, TMP_DIR):
            if not self._empty(scratch):
                _clear(scratch)
        if os.stat(WORK).st_size != self.layout_size:
            for entry in os.listdir(WORK):
                if entry not in _LAYOUT:
                    _remove(os.path.join(WORK, entry))
        for entry in os.listdir(IO_DIR):
            if entry not in _IO_FILES:
                _remove(os.path.join(IO_DIR, entry))
        present = set(os.listdir(STORE))
        for name in present - set(self.store):
            _remove(os.path.join(STORE, name))
        for name, fingerprint in list(self.store.items()):
            try:
                info = os.stat(os.path.join(STORE, name))
                intact = name in present and (info.st_ino, info.st_ctime_ns) == fingerprint
            except OSError:
                intact = False
            if not intact or name in touched:
                _remove(os.path.join(STORE, name))
                del self.store[name]
                self.evicted.append(name)
        os.chdir(RUN_DIR)  # a program may have replaced it: the next one must not start in a ghost
        self.watch.watch_layout()


def _remove(path: str) -> None:
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            os.chmod(path, 0o700)
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)
    except OSError:
        pass


def _clear(directory: str) -> None:
    try:
        os.chmod(directory, 0o755)
        entries = os.listdir(directory)
    except OSError:
        _remove(directory)
        os.makedirs(directory, exist_ok=True)
        return
    for entry in entries:
        _remove(os.path.join(directory, entry))


class _Processes:
    """The container's processes besides the executor: counted, swept, OOM kills noticed.

    It holds the pids cgroup's counter open, how many processes it counts between runs
    (init and the executor), and the cgroup's OOM-kill count when last looked at.
    """

    def __init__(self) -> None:
        self._counter: int | None = None
        for path in ("/sys/fs/cgroup/pids/pids.current", "/sys/fs/cgroup/pids.current"):
            try:
                self._counter = os.open(path, os.O_RDONLY)
                break
            except OSError:
                continue
        self.at_rest = self.count()
        self.oom_seen = _oom_kills()

    def count(self) -> int:
        """Processes in the container's pids cgroup (v1 or v2); -1 when unreadable."""
        if self._counter is None:
            return -1
        try:
            return int(os.pread(self._counter, 64, 0))
        except (OSError, ValueError):
            return -1

    def sweep(self) -> None:
        """Kill every process in the container except init and the executor.

        A program may fork children that leave its process group (``setsid``) or outlive
        it; nothing it started may survive into the next run. The pids counter tells in
        one read whether anything is left to look for.
        """
        if 0 <= self.count() <= self.at_rest:
            return  # nothing but init and the executor: no need to look
        for _ in range(3):
            found = False
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                pid = int(entry)
                if pid in (1, SELF):
                    continue
                try:
                    os.kill(pid, signal.SIGKILL)
                    found = True
                except (ProcessLookupError, PermissionError):
                    pass
            if not found:
                return
            time.sleep(0.001)

    def new_oom_kill(self) -> bool:
        """Whether the cgroup OOM-killed something since we last looked.

        Read only after a SIGKILL: an OOM kill inside a long-lived container shows as
        signal 9 while Docker still says ``OOMKilled=false``.
        """
        count = _oom_kills()
        new = count > self.oom_seen
        self.oom_seen = max(count, self.oom_seen)
        return new


class _Streams:
    """A program's stdin, stdout and stderr: three files under /work/io, opened once.

    Opening, truncating and closing three files per run cost more than the rest of the
    executor's own work together, so each run reuses them: ``reset`` makes one hold
    exactly the bytes it should, knowing from ``read`` what an output file holds.
    """

    def __init__(self) -> None:
        self.stdin = os.open(STDIN_PATH, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        self.stdout = os.open(STDOUT_PATH, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        self.stderr = os.open(STDERR_PATH, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        self._sizes: dict[int, int] = {}  # file -> its size when last read; gone once reset
        self._outputs_ready = False  # stdout and stderr emptied and rewound since the last run

    def read(self, fd: int, cap: int) -> tuple[bytes, int]:
        """At most ``cap`` bytes of what a program wrote to ``fd``, and how many it wrote."""
        size = os.fstat(fd).st_size
        self._sizes[fd] = size
        return (os.pread(fd, min(size, cap), 0) if size else b""), size

    def reset(self, fd: int, data: bytes = b"") -> None:
        """Make an I/O file hold exactly ``data``, to be read or written from its start.

        Writing over the old bytes and truncating to the new length spares the page a
        truncation to zero would free and the next write allocate again; a file read back
        empty needs no truncating at all. The offset is reset always: a program may move
        it without writing.
        """
        if data:
            os.pwrite(fd, data, 0)
        if self._sizes.pop(fd, -1) != len(data):
            os.ftruncate(fd, len(data))
        os.lseek(fd, 0, os.SEEK_SET)

    def ready_outputs(self) -> None:
        """Empty and rewind stdout and stderr for the next run, unless that is done already:
        after a reply is sent, while the host reads it, rather than on its way to the next
        program."""
        if not self._outputs_ready:
            self.reset(self.stdout)
            self.reset(self.stderr)
            self._outputs_ready = True

    def prepare(self, stdin: bytes) -> None:
        """Ready the three files for a program that is about to start."""
        self.ready_outputs()
        self.reset(self.stdin, stdin)
        self._outputs_ready = False  # the program is about to write them


def _killpg(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)


def _set_limits(pid: int, req: dict[str, Any]) -> None:
    cpu_s = -(-int(req["cpu_ms"]) // 1000) + 1  # whole seconds, rounded up, plus one
    limits = [
        (resource.RLIMIT_CPU, (cpu_s, cpu_s + 1)),
        (resource.RLIMIT_FSIZE, (int(req["output_bytes"]), int(req["output_bytes"]))),
    ]  # RLIMIT_CORE is zero for the executor, and so for every child
    if req.get("memory_mb"):
        size = int(req["memory_mb"]) << 20
        limits.append((resource.RLIMIT_AS, (size, size)))
    for which, value in limits:
        try:
            resource.prlimit(pid, which, value)
        except ProcessLookupError:
            return


def _not_started(error: OSError) -> dict[str, Any]:
    """The run result of a program that could not be spawned."""
    return {
        "status": "RUNTIME_ERROR",
        "exit_code": None,
        "signal": None,
        "stdout": b"",
        "stderr": f"cannot start program: {error}".encode("utf-8", "backslashreplace"),
        "stdout_truncated": False,
        "cpu_ms": 0.0,
        "wall_ms": 0.0,
        "memory_kb": 0,
    }


class Executor:
    """One container's executor: the channel to the host, and the container's state.

    It owns the work directory (``_Work``: layout, store index, watch), the programs'
    I/O files (``_Streams``) and the container's processes (``_Processes``), and
    answers the host's requests (``handle``) on ``channel`` until it closes (``serve``).
    Creating it prepares the container; the host connects only after that.
    """

    def __init__(self, socket_path: str) -> None:
        self.work = _Work()
        self.streams = _Streams()
        self.processes = _Processes()
        self.work.start_watching()  # after the executor's own files exist: they raise nothing
        self._env = dict(ENV)
        self.channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.channel.connect(socket_path)

    def _wake_host(self) -> None:
        """Send the host a space (JSON allows it before the reply) the moment a program
        ends.

        The host is asleep while the program runs, and waking a sleeping CPU in a VM takes
        longer than the rest of the reply's preparation: started now, it overlaps it.
        """
        with contextlib.suppress(OSError):  # a host that is gone shows on the reply too
            self.channel.send(b" ")

    def run(self, req: dict[str, Any], stdin: bytes, wake_host: bool = False) -> dict[str, Any]:
        """Run one program on ``stdin``; the result's ``status`` is decided here, where the
        facts are. Its ``stdout`` and ``stderr`` are bytes (``_encode`` encodes them).

        With ``wake_host`` (a single run the host is waiting for), a one-byte hint goes to
        the host as soon as the program ends (see ``_wake_host``).
        """
        for name, content in (req.get("files") or {}).items():
            with open(os.path.join(RUN_DIR, name), "wb") as handle:
                handle.write(_decode(content, bool(req.get("b64"))))
        streams = self.streams
        streams.prepare(stdin)
        cap = int(req["output_bytes"])
        wall_limit = int(req["wall_ms"]) / 1000.0
        extra_env = req.get("env")
        started = time.monotonic()
        try:
            pid = os.posix_spawn(
                req["argv"][0],
                req["argv"],
                dict(self._env, **extra_env) if extra_env else self._env,
                file_actions=[
                    (os.POSIX_SPAWN_DUP2, streams.stdin, 0),
                    (os.POSIX_SPAWN_DUP2, streams.stdout, 1),
                    (os.POSIX_SPAWN_DUP2, streams.stderr, 2),
                ],
                setpgroup=0,
                setsigdef=(signal.SIGPIPE, signal.SIGXFSZ, signal.SIGXCPU),
            )
        except OSError as error:
            return _not_started(error)
        _set_limits(pid, req)
        timed_out = False
        pidfd = os.pidfd_open(pid)
        try:
            ready, _, _ = select.select([pidfd], [], [], wall_limit)
            if not ready:
                timed_out = True
                _killpg(pid)
            _, status, usage = os.wait4(pid, 0)
            if wake_host:
                self._wake_host()
        finally:
            os.close(pidfd)
        wall_ms = (time.monotonic() - started) * 1000.0
        self.processes.sweep()  # children left behind, in the group or out of it
        work = self.work
        changes = work.watch.changes()  # nothing of the program's is left to raise more

        stdout, out_size = streams.read(streams.stdout, cap)
        stderr, err_size = streams.read(streams.stderr, int(req.get("stderr_bytes", 65536)))
        exit_code = os.waitstatus_to_exitcode(status)
        failed = exit_code != 0
        quiet = _quiet(changes)
        # Looked at before the clean-up below frees the space; a run that wrote nothing
        # but its output (each file capped far below the work space) cannot have filled it.
        work_full_mb = _work_full_mb() if failed or not quiet else 0
        keep = req.get("keep")
        if keep and status == 0 and os.path.isfile(os.path.join(RUN_DIR, keep["from"])):
            os.replace(os.path.join(RUN_DIR, keep["from"]), os.path.join(STORE, keep["name"]))
            work.register(keep["name"])
            if changes is not None:
                changes[1].discard(keep["name"])  # a fresh inode, whatever the program did
        work.restore(changes)
        if keep or not quiet:
            work.forget_own_events()
        cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000.0
        memory_kb = int(usage.ru_maxrss)
        sig = -exit_code if exit_code < 0 else None
        oom = sig == signal.SIGKILL and not timed_out and self.processes.new_oom_kill()
        memory_limit_kb = int(req.get("memory_mb") or 0) * 1024

        if oom or (memory_limit_kb and memory_kb > memory_limit_kb):
            verdict = "MEMORY_LIMIT"
        elif timed_out or sig == signal.SIGXCPU or cpu_ms > int(req["cpu_ms"]):
            verdict = "TIME_LIMIT"
        elif sig == signal.SIGXFSZ or out_size >= cap or err_size >= cap:
            verdict = "OUTPUT_LIMIT"  # Python ignores SIGXFSZ: its write fails instead
        elif failed and (
            any(hint in stderr for hint in MEMORY_HINTS)
            or (memory_limit_kb and memory_kb >= 0.95 * memory_limit_kb)
        ):
            verdict = "MEMORY_LIMIT"  # the address-space limit made an allocation fail
        elif failed:
            verdict = "RUNTIME_ERROR"
        else:
            verdict = "OK"
        result = {
            "status": verdict,
            "exit_code": None if sig else exit_code,
            "signal": sig,
            "stdout": stdout,
            "stdout_truncated": out_size > len(stdout),
            "stderr": stderr,
            "cpu_ms": round(cpu_ms, 3),
            "wall_ms": round(wall_ms, 3),
            "memory_kb": memory_kb,
        }
        if work_full_mb:
            result["work_space_full_mb"] = work_full_mb
        return result

    def _put(self, req: dict[str, Any]) -> dict[str, Any]:
        path = os.path.join(STORE, req["name"])
        with open(path + ".part", "wb") as handle:
            handle.write(base64.b64decode(req["data"]))
        os.chmod(path + ".part", 0o755 if req.get("executable") else 0o644)
        os.replace(path + ".part", path)
        self.work.register(req["name"])
        self.work.forget_own_events()
        return {"ok": True}

    def handle(self, req: dict[str, Any]) -> dict[str, Any]:
        """The reply to one request (see the protocol above), its program bytes as bytes."""
        op = req.get("op")
        if op == "ping":
            return {"ok": True, "pid": SELF}
        if op == "put":
            return self._put(req)
        if op == "get":
            with open(os.path.join(STORE, req["name"]), "rb") as handle:
                return {"data": base64.b64encode(handle.read()).decode("ascii")}
        if op == "run":
            return self.run(req, _decode(req["stdin"], bool(req.get("b64"))), wake_host=True)
        if op == "stress":
            return _stress(self.run, req)
        if op == "generate":
            return _generate(self.run, req)
        if op == "compare":
            return _compare(self.run, req)
        return {"error": f"unknown op {op!r}"}

    def _spin(self) -> bytes:
        """Poll for the next request; yield the CPU each time, in case the host shares it."""
        deadline = time.monotonic() + SPIN_SECONDS
        while time.monotonic() < deadline:
            try:
                return self.channel.recv(1 << 20, socket.MSG_DONTWAIT)
            except BlockingIOError:
                os.sched_yield()
        return b""

    def serve(self) -> None:
        """Answer requests from the channel until it closes or stdin reaches end of input."""
        channel = self.channel
        poller = select.poll()
        poller.register(channel, select.POLLIN)
        poller.register(0, select.POLLIN | select.POLLHUP)
        pending = bytearray()
        spun = b""
        while True:
            if spun:
                pending += spun
            else:
                for fd, _ in poller.poll():
                    if fd == 0:
                        if not os.read(0, 65536):
                            return  # the dead-man switch: our host process is gone
                        continue
                    chunk = channel.recv(1 << 20)
                    if not chunk:
                        return
                    pending += chunk
            start = 0
            while True:
                end = pending.find(b"\n", start)
                if end < 0:
                    break
                try:
                    reply = _encode(self.handle(json.loads(pending[start:end])))
                except Exception as error:  # a bad request must not take the executor down
                    reply = {"error": f"{type(error).__name__}: {error}"}
                if self.work.evicted:
                    reply["evicted"] = self.work.take_evicted()
                channel.sendall(json.dumps(reply).encode("ascii") + b"\n")
                start = end + 1
            del pending[:start]
            self.streams.ready_outputs()
            spun = self._spin()


Run: TypeAlias = Callable[[dict[str, Any], bytes], dict[str, Any]]
"""``Executor.run``, as the loops below see it: a request and stdin to a run result."""


def _tokens_equal(output: bytes, expected: bytes) -> bool:
    """Tokens separated by ASCII whitespace; YES/NO compare case-insensitively (REFUTE's
    rule). Bytes, as the judge's checker compares them: any byte is part of a token."""
    got, want = output.split(), expected.split()
    if len(got) != len(want):
        return False
    for a, b in zip(got, want, strict=False):
        if a != b and not (a.upper() == b.upper() and a.upper() in (b"YES", b"NO")):
            return False
    return True


def _differs(
    run: Run,
    req: dict[str, Any],
    test: bytes,
    counts: dict[str, int],
) -> dict[str, Any] | None:
    """Run one input through [validator ->] B -> A; the evidence if A disagrees with B.

    An input the validator rejects counts as ``invalid``; one on which B (the trusted
    side: brute force or reference) does not finish OK counts as ``skipped``: it may be
    too large for a brute force, which is not a difference.
    """
    if req.get("validator") and run(req["validator"], test)["status"] != "OK":
        counts["invalid"] += 1
        return None
    b = run(req["b"], test)
    if b["status"] != "OK":
        counts["skipped"] += 1
        return None
    a = run(req["a"], test)
    if a["status"] != "OK" or not _tokens_equal(a["stdout"], b["stdout"]):
        return {"input": test, "a": a, "b": b}
    return None


def _stress(run: Run, req: dict[str, Any]) -> dict[str, Any]:
    """Generator -> [validator ->] B -> A -> compare until a difference or the budget.

    The generator gets the iteration's seed as its only argument.
    """
    deadline = time.monotonic() + int(req["time_ms"]) / 1000.0
    seed = int(req.get("seed", 0))
    counts = {"skipped": 0, "invalid": 0}
    iterations = 0
    while iterations < int(req["max_iters"]) and time.monotonic() < deadline:
        iterations += 1
        gen = dict(req["gen"], argv=[*req["gen"]["argv"], str(seed + iterations)])
        produced = run(gen, b"")
        if produced["status"] != "OK":
            return dict(
                counts,
                outcome="GENERATOR_FAILED",
                iterations=iterations,
                seed=seed + iterations,
                generator=produced,
            )
        found = _differs(run, req, produced["stdout"], counts)
        if found:
            return dict(
                counts, outcome="FOUND", iterations=iterations, seed=seed + iterations, **found
            )
    return dict(counts, outcome="NOT_FOUND", iterations=iterations)


def _generate(run: Run, req: dict[str, Any]) -> dict[str, Any]:
    """Run the generator for seeds ``seed+1 ...`` and collect what it prints."""
    deadline = time.monotonic() + int(req["time_ms"]) / 1000.0
    seed = int(req.get("seed", 0))
    inputs: list[bytes] = []
    while len(inputs) < int(req["count"]) and time.monotonic() < deadline:
        gen = dict(req["gen"], argv=[*req["gen"]["argv"], str(seed + len(inputs) + 1)])
        produced = run(gen, b"")
        if produced["status"] != "OK":
            return {"inputs": inputs, "failed": produced}
        inputs.append(produced["stdout"])
    return {"inputs": inputs, "failed": None}


def _compare(run: Run, req: dict[str, Any]) -> dict[str, Any]:
    """[validator ->] B -> A on each given input, until the first difference or the budget."""
    deadline = time.monotonic() + int(req["time_ms"]) / 1000.0
    counts = {"skipped": 0, "invalid": 0}
    checked = 0
    for index, test in enumerate(req["inputs"]):
        if time.monotonic() >= deadline:
            break
        checked += 1
        found = _differs(run, req, _decode(test, bool(req.get("b64"))), counts)
        if found:
            return dict(counts, outcome="FOUND", iterations=checked, index=index, **found)
    return dict(counts, outcome="NOT_FOUND", iterations=checked)


SPIN_SECONDS = 0.0005
"""After a reply, poll the socket without sleeping this long: the host's next request
usually follows at once, and waking an idle CPU costs tens of microseconds in a VM."""


def main() -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_STACK)
    resource.setrlimit(resource.RLIMIT_STACK, (hard, hard))  # "large stack", inherited
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core dumps, inherited too
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    Executor(sys.argv[1]).serve()


if __name__ == "__main__":
    main()
