"""The cashier screen of a settlement window (issue 17), against a real records service."""
