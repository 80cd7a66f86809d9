"""The client's start: the first-run wizard in the person's language, and a window (in both
languages) saying why the client cannot start — a broken provisioning file, a cancelled
wizard (issue 15)."""
