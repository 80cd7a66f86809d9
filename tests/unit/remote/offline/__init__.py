"""The link's push/pull rounds against a real service, with the clock skew report."""
