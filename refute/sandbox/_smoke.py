"""A smoke run of each language the image serves: the last step of ``refute sandbox check``."""

from __future__ import annotations

from ._languages import Language
from ._models import Limits
from ._program import Program
from ._sandbox import Sandbox, SandboxConfig

SMOKE = {
    "C++": (
        "cpp",
        '#include <cstdio>\nint main(){int a,b;scanf("%d%d",&a,&b);printf("%d\\n",a+b);}',
    ),
    "Python 3": ("python", "print(sum(map(int, input().split())))"),
    "PyPy 3": ("pypy", "print(sum(map(int, input().split())))"),
}
"""Display name -> (language, source) of a program that adds the two numbers it reads."""


async def smoke_runs(image: str) -> dict[str, str]:
    """Run each of ``SMOKE`` in an untrusted container of ``image`` on ``20 22``.

    Returns display name -> ``"OK"`` when it printed 42, else what went wrong (status and
    the start of its stderr). Raises ``SandboxError`` when no container starts.

    >>> import asyncio
    >>> asyncio.run(smoke_runs("refute-sandbox:3"))  # doctest: +SKIP
    {'C++': 'OK', 'Python 3': 'OK', 'PyPy 3': 'OK'}
    """
    config = SandboxConfig(image=image, judge_workers=1, untrusted_workers=1, cache_dir=None)
    outcomes: dict[str, str] = {}
    async with Sandbox(config) as sandbox:
        for name, (language, source) in SMOKE.items():
            program = Program(source=source, language=Language.parse(language))
            result = await sandbox.untrusted.run(program, "20 22\n", Limits(cpu_ms=5000))
            outcomes[name] = (
                "OK"
                if result.stdout == "42\n"
                else f"{result.describe()}: {result.stderr.strip()[:200]}"
            )
    return outcomes
