"""The hall and applicant screens (Chinese by default; their own language fixture)."""
