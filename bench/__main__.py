"""``make bench``: every benchmark in one run, printed as a table and saved as JSON.

Each benchmark module exposes ``run() -> dict`` (or a list of dicts) with at
least ``name``; ratios come with their ``goal``. Results go to
``bench/results.json``; ``bench/README.md`` records the latest figures.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = (
    "startup_bench", "ui_bench", "spelling_bench", "export_bench", "report_bench", "import_bench",
    "responses_bench",
)  # fmt: skip


def _machine() -> dict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d"),
    }


def _run_isolated(name: str) -> dict | list[dict]:
    """Run one benchmark module in a process of its own.

    In one shared process each benchmark inherits the last one's heap (a
    QApplication, a window over 300 measures), and garbage collection then
    charges one side of the next comparison more than the other.
    """
    code = f"import json, bench.{name} as m; print(json.dumps(m.run()))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=HERE.parent, check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _row(result: dict) -> str:
    ratio = result.get("ratio")
    goal = result.get("goal")
    verdict = "" if goal is None or ratio is None else ("met" if ratio <= goal else "NOT met")
    if verdict == "met" and result.get("worst_ratio", 0) > result.get("worst_goal", float("inf")):
        verdict = "NOT met"  # the median is fine but the worst case is not
    figures = ", ".join(
        f"{k}={v}" for k, v in result.items() if k not in ("name", "ratio", "goal", "baseline")
    )
    shown_ratio = "" if ratio is None else f"{ratio:.2f}x"
    shown_goal = "" if goal is None else f"<= {goal}"
    return f"{result['name']:<44} {shown_ratio:>7} {shown_goal:>8} {verdict:>8}  {figures}"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = []
    started = time.perf_counter()
    for name in BENCHMARKS:
        out = _run_isolated(name)
        for result in out if isinstance(out, list) else [out]:
            results.append(result)
            print(_row(result), flush=True)
    total = round(time.perf_counter() - started, 1)
    payload = {"machine": _machine(), "seconds": total, "results": results}
    (HERE / "results.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\n{len(results)} figures in {total} s; written to bench/results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
