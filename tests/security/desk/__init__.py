"""The desk's security: data at rest, lock and sign-out, offline sign-in."""
