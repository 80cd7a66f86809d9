"""The desk main window shell: catalog search, errors, help, language, log, settings, keys."""
