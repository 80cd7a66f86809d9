"""Use cases while the link is down: conflicts with the center and offline sign-in."""
