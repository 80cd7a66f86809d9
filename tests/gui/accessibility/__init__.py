"""Accessibility of the desk, the applicant screen and the hall screen (issue 18): every
control has an accessible name (the QAccessible walk) and every text meets 4.5:1 contrast,
against the real records service, signed in as the demo users."""
