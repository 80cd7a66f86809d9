"""``python -m records_service`` = ``clerk-records``."""

import sys

from records_service.cli import main

sys.exit(main())
