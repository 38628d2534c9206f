"""The falsification gap on the whole bundled set, with the model stand-in: a pipeline check.

No model is reachable here, so the local stand-in (``refute.testing.ModelServer``, real
OpenAI SDK on loopback) answers, in one of these ways, and ``refute`` does the rest for
real (sandbox, judges, runs, compare, report):

- ``solve`` requests: the problem's reference solution (``--solve reference``, every
  task should be solved) or its first incorrect submission (``--solve incorrect``, none
  should be: each is rejected on one of the stored failing inputs);
- ``zero-shot`` requests: a program printing the task's known failing input
  (``--refute failing``, every task refuted) or its first example (``--refute example``).

    .venv/bin/python scripts/gap_stand_in.py OUT [--solve reference|incorrect]
        [--refute failing|example]

writes ``OUT/solve``, ``OUT/zero-shot``, ``OUT/gap.json`` and ``OUT/report.html``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from refute.problems import load_problems
from refute.testing import ModelServer, Reply, Request


def _action(name: str, code: str, lang: str) -> str:
    return f"<action><name>{name}</name><code>\n{code}\n</code><lang>{lang}</lang></action>"


def _printing(text: str) -> str:
    return f"import sys\nsys.stdout.write({text!r})\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--solve", choices=["reference", "incorrect"], default="reference")
    parser.add_argument("--refute", choices=["failing", "example"], default="example")
    parser.add_argument("--image", default=None)
    args = parser.parse_args()
    problems = load_problems()
    by_title = {f"# Problem: {p.name}\n": p for p in problems.problems}
    by_code = {task.submission.program.source: task for task in problems.tasks()}

    def answer(request: Request) -> Reply:
        text = "".join(str(m.get("content", "")) for m in request.body["messages"])
        problem = next(p for title, p in by_title.items() if title in text)
        if "<name>solve</name>" in text:
            program = (
                problem.reference if args.solve == "reference" else problem.incorrect[0].program
            )
            return Reply(_action("solve", program.source, str(program.language)))
        task = next(t for code, t in by_code.items() if code.strip() in text)
        chosen = task.submission.fail_input if args.refute == "failing" else None
        shown = chosen if chosen is not None else problem.examples[0].input
        return Reply(_action("print_fail_case", _printing(shown), "Python 3"))

    image = ["--image", args.image] if args.image else []
    with ModelServer() as server:
        server.respond_with(answer)
        env = os.environ | {
            "OPENAI_BASE_URL": server.openai_base_url,
            "OPENAI_API_KEY": server.api_key,
            "REFUTE_CACHE_DIR": str(args.out / "cache"),
        }
        refute = [sys.executable, "-m", "refute.cli"]
        for agent in ("solve", "zero-shot"):
            started = time.monotonic()
            command = [*refute, "run", "--agent", agent, "--model", "openai/stand-in"]
            command += ["--include-fuzzable", "--out", str(args.out / agent), "--json", *image]
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            summary = json.loads(done.stdout)
            print(
                f"{agent}: {summary['refuted']}/{summary['tasks']} tasks, by verdict "
                f"{summary['by_verdict']}, {time.monotonic() - started:.0f} s"
            )
        runs = [str(args.out / "solve"), str(args.out / "zero-shot")]
        gap = subprocess.run(
            [*refute, "compare", "--gap", *runs, "--json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        (args.out / "gap.json").write_text(gap)
        result = json.loads(gap)
        print(
            f"gap on {result['common_tasks']} tasks: table {result['table']}, "
            f"gap {result['gap']['value']:+.1%} [{result['gap']['low']:+.1%}, "
            f"{result['gap']['high']:+.1%}]"
        )
        subprocess.run(
            [*refute, "report", *runs, "-o", str(args.out / "report.html")], env=env, check=True
        )


if __name__ == "__main__":
    main()
