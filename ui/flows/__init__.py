"""What happens after a menu command that reads or writes a file: import, export, packs and
backups, each with its file dialog, progress and plain-words messages. The window imports
each flow inside the method that starts it, so start-up does not pay for them."""
