#!/usr/bin/env python3
"""Runs refcheck.py on every variant listed in the spec's examples/expected.json
and compares valid, violatedRules, objective, terms, objectiveMismatch and
otherProblems exactly.  Also runs a few self-made property tests (unit-level
checks of travel, time conversion and the generator round trip).

    python3 test_refcheck.py [EXAMPLES_DIR] [-v]

Prints "N passed, M failed" and exits non-zero on any failure.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import refcheck  # noqa: E402

KEYS = ["valid", "violatedRules", "objective", "terms", "objectiveMismatch", "otherProblems"]


def run_expected(examples, verbose):
    with open(os.path.join(examples, "expected.json")) as f:
        expected = json.load(f)
    passed = failed = 0
    for variant, exp in sorted(expected.items()):
        with open(os.path.join(examples, exp["scenario"])) as f:
            sc = json.load(f)
        with open(os.path.join(examples, variant)) as f:
            sol = json.load(f)
        got, viol = refcheck.check(sc, sol)
        diffs = [k for k in KEYS if got.get(k) != exp.get(k)]
        if diffs:
            failed += 1
            print(f"FAIL {variant}")
            for k in diffs:
                print(f"   {k}: expected {json.dumps(exp.get(k))}\n   {' ' * len(k)}  got      {json.dumps(got.get(k))}")
            for r, m in viol:
                print(f"      {r}: {m}")
        else:
            passed += 1
            if verbose:
                print(f"ok   {variant}  {got['violatedRules']} {got['objective']}")
    return passed, failed


def run_cli_once(examples):
    """The command line prints exactly the expected shape."""
    with open(os.path.join(examples, "expected.json")) as f:
        expected = json.load(f)
    variant, exp = sorted(expected.items())[0]
    out = subprocess.run([sys.executable, os.path.join(HERE, "refcheck.py"),
                          os.path.join(examples, exp["scenario"]), os.path.join(examples, variant)],
                         capture_output=True, text=True, check=True).stdout
    got = json.loads(out)
    assert sorted(got) == sorted(KEYS), sorted(got)
    assert all(got[k] == exp[k] for k in KEYS), (got, exp)


def unit_tests():
    """Small hand-computed facts of the spec."""
    # haversine travel: Worcester -> Kidderminster, computed by hand with the spec's formula
    import math
    p, q = (52.192, -2.22), (52.388, -2.249)
    km = refcheck.haversine_km(p, q)
    assert 21.8 < km < 21.95, km
    assert math.ceil(km * 1.3 / 40 * 60) == 43
    # clocks: 2026-03-29 is the spring change in London (23-hour day), 2026-10-25 the autumn one
    probs = []
    import datetime as dt
    c = refcheck.Clock("Europe/London", dt.date(2026, 3, 28), 3, probs)
    assert c.day_start(1) == 1440 and c.day_start(2) == 1440 + 1380, (c.day_start(1), c.day_start(2))
    assert c.instant("2026-03-29T03:00") == 1440 + 120
    assert not probs
    c.instant("2026-03-29T01:30")
    assert probs and "non-existent" in probs[0]
    probs2 = []
    c2 = refcheck.Clock("Europe/London", dt.date(2026, 10, 24), 3, probs2)
    assert c2.day_start(2) - c2.day_start(1) == 1500
    # ambiguous 01:30 -> first occurrence (BST), 90 minutes after midnight
    assert c2.instant("2026-10-25T01:30") == 1440 + 90 and not probs2
    assert c2.instant("2026-10-25T24:00") == c2.day_start(2)
    # merging of windows across midnight
    assert refcheck.merge([(0, 10), (10, 20), (30, 40)]) == [[0, 20], [30, 40]]
    assert refcheck.inside_one([[0, 20], [30, 40]], 5, 20)
    assert not refcheck.inside_one([[0, 20], [30, 40]], 15, 35)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    examples = args[0] if args else "/work/shared/spec/examples"
    passed, failed = run_expected(examples, verbose)
    for name, fn in [("cli", lambda: run_cli_once(examples)), ("unit", unit_tests)]:
        try:
            fn()
            passed += 1
            if verbose:
                print(f"ok   {name}")
        except AssertionError as ex:
            failed += 1
            print(f"FAIL {name}: {ex!r}")
    extra = os.path.join(HERE, "test_generated.py")
    if os.path.exists(extra):
        import test_generated
        p, f_ = test_generated.run(verbose)
        passed += p
        failed += f_
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
