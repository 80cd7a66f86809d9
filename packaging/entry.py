"""Entry point of the frozen client (PyInstaller runs this as ``__main__``)."""

import sys

from clerk_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
