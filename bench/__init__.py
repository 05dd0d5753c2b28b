"""Benchmarks: ``make bench`` (``python -m bench``).

Speed is measured here as ratios taken in one run, never asserted in tests:
timed asserts are flaky on shared 2-core machines.
"""
