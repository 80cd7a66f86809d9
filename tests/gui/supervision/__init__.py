"""The supervisor's screen (issue 19), against a real records service."""
