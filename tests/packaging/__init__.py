"""Packaging: the frozen bundle, the .deb, the NSIS installer, provisioning, self-check."""
