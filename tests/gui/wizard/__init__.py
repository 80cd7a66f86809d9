"""The first-run wizard against a real records service (set-up, enrolment codes)."""
