"""Holding to account across quarters: the Previous meetings panel beside the form."""
