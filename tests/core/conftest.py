"""Fixtures for the core tests: the response workbook tests' meeting database and the
workbook sent for it, defined with the helpers they go with (``responses_support``)."""

from tests.core.responses_support import db, sent  # noqa: F401  (fixtures, found by name)
