"""The fuzz baseline learns input shapes and bounds from examples and statements."""

from __future__ import annotations

import random

from refute.agents.fuzz import Line, bounds_from_statement, infer_shape
from refute.agents.fuzz._generate import InputGenerator, make_plan


def test_an_array_sized_by_the_first_line() -> None:
    shape = infer_shape(["3\n1 2 3\n", "1\n7\n"], multi_test_hint=False)
    assert shape is not None and not shape.multi_test
    assert shape.layout.lines == (Line(length_of=0),)


def test_test_cases_with_arrays() -> None:
    shape = infer_shape(["2\n3\n1 2 3\n1\n5\n"], multi_test_hint=True)
    assert shape is not None and shape.multi_test
    assert shape.layout.header == 1 and shape.layout.lines == (Line(length_of=0),)


def test_a_block_of_rows_counted_by_the_header() -> None:
    shape = infer_shape(["3 2\n1 2\n2 3\n"], multi_test_hint=False)
    assert shape is not None
    assert shape.layout.lines == (Line(length=2, rows=1),)


def test_tree_edges_are_n_minus_one_rows() -> None:
    shape = infer_shape(["4\n1 2\n2 3\n2 4\n", "2\n1 2\n"], multi_test_hint=False)
    assert shape is not None
    assert shape.layout.lines == (Line(length=2, rows=0, rows_offset=-1),)


def test_strings_sized_by_the_header() -> None:
    shape = infer_shape(["5\nabcba\n", "2\nzz\n"], multi_test_hint=False)
    assert shape is not None
    assert shape.layout.lines == (Line(length_of=0, string=True),)


def test_no_shape_for_inconsistent_examples() -> None:
    assert infer_shape(["1 2\n", "hello world again\n"], multi_test_hint=False) is None


def test_bounds_are_read_from_the_input_section() -> None:
    text = (
        r"The first line contains $t$ ($1 \le t \le 10^4$). Then $n$ ($2 \le n \le 2 \cdot 10^5$)"
        r" and $-10^9 \le a_i \le 10^{9}$; edges $1 \le u_i, v_i \le n$."
    )
    found = [(b.name, b.indexed, b.low, b.high, b.high_name) for b in bounds_from_statement(text)]
    assert found == [
        ("t", False, 1, 10_000, None),
        ("n", False, 2, 200_000, None),
        ("a", True, -(10**9), 10**9, None),
        ("u", True, 1, None, "n"),
        ("v", True, 1, None, "n"),
    ]


def test_generated_inputs_follow_the_shape_and_bounds() -> None:
    shape = infer_shape(["2\n3\n1 2 3\n1\n5\n"], multi_test_hint=True)
    assert shape is not None
    bounds = bounds_from_statement(r"$1 \le t \le 5$, $1 \le n \le 50$, $1 \le a_i \le 9$")
    generate = InputGenerator(shape, make_plan(shape, bounds), seed=random.Random(7).randrange(99))
    for _ in range(50):
        lines = generate().splitlines()
        tests = int(lines[0])
        assert 1 <= tests <= 5 and len(lines) == 1 + 2 * tests
        for header, values in zip(lines[1::2], lines[2::2], strict=True):
            numbers = [int(v) for v in values.split()]
            assert len(numbers) == int(header) and 1 <= int(header) <= 50
            assert all(1 <= v <= 9 for v in numbers)


def test_generated_trees_are_trees() -> None:
    shape = infer_shape(["4\n1 2\n2 3\n2 4\n"], multi_test_hint=False)
    assert shape is not None
    bounds = bounds_from_statement(r"$2 \le n \le 30$, $1 \le u_i, v_i \le n$")
    generate = InputGenerator(shape, make_plan(shape, bounds), seed=3)
    for _ in range(30):
        lines = generate().splitlines()
        n = int(lines[0])
        parent = list(range(n + 1))

        def find(x: int, parent: list[int] = parent) -> int:
            while parent[x] != x:
                x = parent[x]
            return x

        for edge in lines[1:]:
            u, v = map(int, edge.split())
            assert find(u) != find(v)
            parent[find(u)] = find(v)
        assert len(lines) == n
