"""The intake form by keyboard, card reader, parking, status truth and validation messages."""
