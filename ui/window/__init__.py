"""The main window and its bars: meeting bar, empty-database banner, status line, and the
remembered window layout."""
