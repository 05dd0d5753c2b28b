"""Follow-up actions: their table model, the panel beside the form and the edit dialog."""
