"""The challenge form: the record's fields, the questions editor, autosave, the performance
panel and trend chart for the selected measure."""
