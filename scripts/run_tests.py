"""Run the whole pytest suite and treat "no tests collected" as a failure.

pytest exits 5 when it collected nothing; for us an empty suite means the
test layout broke, which must fail CI rather than pass quietly.
"""

import os
import sys

import pytest

NO_TESTS_COLLECTED = 5

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    code = pytest.main(sys.argv[1:])
    if code == NO_TESTS_COLLECTED:
        print("run_tests: pytest collected no tests; failing.", file=sys.stderr)
        code = 1
    sys.exit(int(code))
