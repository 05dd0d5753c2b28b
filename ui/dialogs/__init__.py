"""Editing and message dialogs: meeting, parties, help, start-up questions, the error report,
and the shared Save/Cancel layout."""
