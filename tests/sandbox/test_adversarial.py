"""Hostile programs: each gets a correct status, the pool survives, the next run is clean.

Every test ends with ``assert_clean``: a fresh program in the same pool sees no process
but init, the executor and itself, and no file it did not bring.
"""

from __future__ import annotations

import asyncio
import textwrap

import pytest

from refute.sandbox import Language, Limits, Program, RunStatus, Sandbox, SandboxPool

CPP = Language.parse("GNU C++17")
PY = Language.parse("Python 3")

INSPECT = Program(
    language=PY,
    source="""
import os
own = os.getpid()
others = []
for pid in os.listdir('/proc'):
    if pid.isdigit() and int(pid) not in (1, own, os.getppid()):
        try:
            others.append(open('/proc/%s/cmdline' % pid).read().replace('\\0', ' '))
        except OSError:
            pass
print(len(others))
leftovers = []
for root, dirs, files in os.walk('/work'):
    if root.startswith('/work/store') or root.startswith('/work/io'):
        continue
    leftovers += [os.path.join(root, f) for f in files]
print(len(leftovers))
print(others, leftovers)
""",
)


async def assert_clean(pool: SandboxPool) -> None:
    """Every container of the pool answers, with no stray process or file left."""
    results = await asyncio.gather(*(pool.run(INSPECT) for _ in range(pool.size * 2)))
    for result in results:
        assert result.status is RunStatus.OK, result
        processes, files, detail = result.stdout.split("\n", 2)
        assert (processes, files) == ("0", "0"), detail


def py(source: str) -> Program:
    return Program(source=source, language=PY)


def cpp(source: str) -> Program:
    return Program(source="#include <bits/stdc++.h>\n#include <unistd.h>\n" + source, language=CPP)


async def test_fork_bomb_is_contained(sandbox: Sandbox) -> None:
    bomb = cpp("int main(){ for(;;) fork(); }")
    result = await sandbox.untrusted.run(bomb, limits=Limits(cpu_ms=1000, wall_ms=3000))
    assert result.status in (RunStatus.TIME_LIMIT, RunStatus.RUNTIME_ERROR)
    await assert_clean(sandbox.untrusted)


async def test_python_fork_bomb_is_contained(sandbox: Sandbox) -> None:
    bomb = py(
        "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n"
    )
    result = await sandbox.untrusted.run(bomb, limits=Limits(cpu_ms=1000, wall_ms=3000))
    assert result.status in (RunStatus.TIME_LIMIT, RunStatus.RUNTIME_ERROR)
    await assert_clean(sandbox.untrusted)


async def test_memory_bomb_gets_memory_limit(sandbox: Sandbox) -> None:
    bomb = cpp("int main(){ for(;;){ char *p = (char*)malloc(1<<20); memset(p, 1, 1<<20); } }")
    result = await sandbox.untrusted.run(bomb, limits=Limits(memory_mb=256))
    assert result.status is RunStatus.MEMORY_LIMIT
    await assert_clean(sandbox.untrusted)


async def test_infinite_loop_gets_time_limit(sandbox: Sandbox) -> None:
    result = await sandbox.untrusted.run(
        cpp("int main(){ volatile int x=0; for(;;) x++; }"), limits=Limits(cpu_ms=500)
    )
    assert result.status is RunStatus.TIME_LIMIT
    await assert_clean(sandbox.untrusted)


async def test_sleeping_forever_gets_time_limit_by_wall_clock(sandbox: Sandbox) -> None:
    result = await sandbox.untrusted.run(
        py("import time\ntime.sleep(3600)\n"), limits=Limits(cpu_ms=500, wall_ms=1000)
    )
    assert result.status is RunStatus.TIME_LIMIT
    assert 900 <= result.wall_ms < 3000
    await assert_clean(sandbox.untrusted)


async def test_stdout_flood_gets_output_limit(sandbox: Sandbox) -> None:
    flood = cpp(
        "int main(){ std::string s(1<<16, 'x'); for(;;) fwrite(s.data(), 1, s.size(), stdout); }"
    )
    result = await sandbox.untrusted.run(flood, limits=Limits(output_bytes=1 << 20))
    assert result.status is RunStatus.OUTPUT_LIMIT
    await assert_clean(sandbox.untrusted)


async def test_stderr_flood_is_capped(sandbox: Sandbox) -> None:
    flood = py("import sys\nwhile True:\n    sys.stderr.write('e' * 65536)\n")
    result = await sandbox.untrusted.run(
        flood, limits=Limits(output_bytes=1 << 20, stderr_bytes=1000)
    )
    assert result.status is RunStatus.OUTPUT_LIMIT
    assert len(result.stderr) <= 1000
    await assert_clean(sandbox.untrusted)


async def test_only_the_work_directory_is_writable(sandbox: Sandbox) -> None:
    probe = py("""
import os
writable = set()
for root, dirs, files in os.walk('/', topdown=True):
    dirs[:] = [d for d in dirs if os.path.join(root, d) not in ('/proc', '/sys', '/work')]
    try:
        with open(os.path.join(root, '.probe'), 'w') as handle:
            handle.write('x')
        writable.add(root)
        os.unlink(os.path.join(root, '.probe'))
    except OSError:
        pass
    for name in files:
        path = os.path.join(root, name)
        try:
            with open(path, 'a'):
                pass
            writable.add(path)
        except OSError:
            pass
print(sorted(writable))
""")
    result = await sandbox.untrusted.run(probe, limits=Limits(cpu_ms=10_000))
    assert result.status is RunStatus.OK, result.stderr
    writable = eval(result.stdout)  # a list literal printed by the probe
    outside = [path for path in writable if not path.startswith(("/dev/", "/work"))]
    assert outside == []
    devices = [path for path in writable if path.startswith("/dev/")]
    assert set(devices) <= {
        "/dev/null",
        "/dev/zero",
        "/dev/full",
        "/dev/random",
        "/dev/urandom",
        "/dev/tty",
        "/dev/ptmx",
        "/dev/pts/ptmx",
        "/dev/stdin",
        "/dev/stdout",
        "/dev/stderr",
    }  # its own fds
    await assert_clean(sandbox.untrusted)


async def test_network_is_unreachable(sandbox: Sandbox) -> None:
    probe = py("""
import socket
reached = []
for host, port in (('1.1.1.1', 53), ('172.17.0.1', 2375), ('8.8.8.8', 443)):
    try:
        socket.create_connection((host, port), timeout=1).close()
        reached.append(host)
    except OSError:
        pass
print(reached, sorted(name for _, name in socket.if_nameindex()))
""")
    result = await sandbox.untrusted.run(probe, limits=Limits(cpu_ms=2000, wall_ms=10_000))
    assert result.status is RunStatus.OK, result.stderr
    assert result.stdout == "[] ['lo']\n"


async def test_untrusted_code_cannot_read_judge_material(sandbox: Sandbox) -> None:
    marker = "REFUTE_JUDGE_SECRET_7d1f"
    reference = py(f"# {marker}\nprint('reference')\n")
    assert (await sandbox.judge.run(reference)).stdout == "reference\n"
    search = py(f"""
import os
found = []
for root, dirs, files in os.walk('/'):
    dirs[:] = [d for d in dirs if os.path.join(root, d) not in ('/proc', '/sys', '/dev')]
    for name in files:
        try:
            with open(os.path.join(root, name), 'rb') as handle:
                if b'{marker[:12]}' + b'{marker[12:]}' in handle.read(1 << 20):
                    found.append(os.path.join(root, name))
        except OSError:
            pass
print(found)
""")
    result = await sandbox.untrusted.run(search, limits=Limits(cpu_ms=20_000, wall_ms=60_000))
    assert result.status is RunStatus.OK, result.stderr
    assert result.stdout == "[]\n"


async def test_killing_the_executor_is_survived(sandbox: Sandbox) -> None:
    assassin = py("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n")
    result = await sandbox.untrusted.run(assassin)
    assert result.status is RunStatus.RUNTIME_ERROR
    assert "stopped the sandbox executor" in result.stderr
    await assert_clean(sandbox.untrusted)


async def test_killing_every_process_is_survived(sandbox: Sandbox) -> None:
    massacre = py("import os, signal\nos.kill(-1, signal.SIGKILL)\n")
    result = await sandbox.untrusted.run(massacre)
    assert result.status is RunStatus.RUNTIME_ERROR
    await assert_clean(sandbox.untrusted)


async def test_children_do_not_outlive_their_program(sandbox: Sandbox) -> None:
    orphaner = py("""
import os, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        time.sleep(3600)
    os._exit(0)
print('parent done')
""")
    result = await sandbox.untrusted.run(orphaner)
    assert result.stdout == "parent done\n"
    await assert_clean(sandbox.untrusted)


async def test_unbounded_recursion_is_a_runtime_error(sandbox: Sandbox) -> None:
    recurse = cpp(
        "int f(int n){ volatile char pad[256]; pad[0]=n; return f(n+1)+pad[0]; }\n"
        "int main(){ return f(0); }"
    )
    result = await sandbox.untrusted.run(recurse, limits=Limits(memory_mb=256))
    assert result.status in (RunStatus.RUNTIME_ERROR, RunStatus.MEMORY_LIMIT)
    await assert_clean(sandbox.untrusted)


async def test_filling_the_disk_is_undone(sandbox: Sandbox) -> None:
    filler = py("""
import os
written = 0
try:
    with open('/work/tmp/fill', 'wb') as handle:
        while True:
            handle.write(b'x' * (1 << 20))
            written += 1
except OSError as error:
    print('stopped', error.errno)
""")
    result = await sandbox.untrusted.run(filler, limits=Limits(cpu_ms=10_000, output_bytes=1 << 30))
    # A full disk also makes the program's own output fail: any ending is fair here.
    assert result.status in (RunStatus.OK, RunStatus.OUTPUT_LIMIT, RunStatus.RUNTIME_ERROR)
    await assert_clean(sandbox.untrusted)
    again = await sandbox.untrusted.run(
        py("open('/work/tmp/x','wb').write(b'y' * (64 << 20))\n"),
        limits=Limits(output_bytes=1 << 30),
    )
    assert again.status is RunStatus.OK, again.stderr


async def assert_forgery_is_undone(sandbox: Sandbox, forge: str) -> None:
    """``forge`` overwrites each store file at ``path`` with a forged program; the next
    run of a stored program must still be the genuine one."""
    victim = py("print('genuine')\n")
    assert (await sandbox.untrusted.run(victim)).stdout == "genuine\n"
    vandal = py(f"""
import os
for name in os.listdir('/work/store'):
    path = os.path.join('/work/store', name)
    try:
{textwrap.indent(forge.strip(), "        ")}
    except OSError:
        pass
""")
    for _ in range(sandbox.untrusted.size * 2):
        await sandbox.untrusted.run(vandal)
    results = await asyncio.gather(*(sandbox.untrusted.run(victim) for _ in range(4)))
    assert {r.stdout for r in results} == {"genuine\n"}


async def test_tampering_with_stored_programs_is_undone(sandbox: Sandbox) -> None:
    await assert_forgery_is_undone(
        sandbox,
        """
os.chmod(path, 0o777)
with open(path, 'w') as handle:
    handle.write("print('forged')\\n")
""",
    )


async def test_writing_a_stored_program_through_a_hard_link_is_undone(sandbox: Sandbox) -> None:
    await assert_forgery_is_undone(
        sandbox,
        """
os.link(path, '/work/tmp/' + name)
with open('/work/tmp/' + name, 'r+') as handle:
    handle.write("print('forged')\\n")
""",
    )


async def test_a_replaced_working_directory_is_restored(sandbox: Sandbox) -> None:
    mover = py("""
import os
os.rename('/work/run', '/work/moved')
os.mkdir('/work/run')
open('/work/run/planted', 'w').write('x')
os.chmod('/work/run', 0o500)
""")
    for _ in range(sandbox.untrusted.size * 2):
        assert (await sandbox.untrusted.run(mover)).status is RunStatus.OK
    probe = py("""
import os
open('scratch', 'w').write('ok')
print(os.getcwd(), sorted(os.listdir('.')))
""")
    runs = sandbox.untrusted.size * 2
    results = await asyncio.gather(*(sandbox.untrusted.run(probe) for _ in range(runs)))
    assert {r.stdout for r in results} == {"/work/run ['scratch']\n"}, results
    await assert_clean(sandbox.untrusted)


async def test_stray_files_in_the_io_directory_are_removed(sandbox: Sandbox) -> None:
    planter = py("open('/work/io/planted', 'w').write('x')\n")
    for _ in range(sandbox.untrusted.size * 2):
        assert (await sandbox.untrusted.run(planter)).status is RunStatus.OK
    probe = py("import os\nprint(sorted(os.listdir('/work/io')))\n")
    runs = sandbox.untrusted.size * 2
    results = await asyncio.gather(*(sandbox.untrusted.run(probe) for _ in range(runs)))
    assert {r.stdout for r in results} == {"['stderr', 'stdin', 'stdout']\n"}


@pytest.mark.parametrize("role", ["judge", "untrusted"])
async def test_pool_still_runs_programs_after_the_suite(sandbox: Sandbox, role: str) -> None:
    pool = getattr(sandbox, role)
    result = await pool.run(py("print(6 * 7)\n"))
    assert result.stdout == "42\n"
