import sys

from challenge_app.cli import main

sys.exit(main())
