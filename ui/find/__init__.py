"""Find across every meeting (Ctrl+Shift+F): the dialog, its results and going to a match."""
