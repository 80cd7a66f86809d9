"""The hall's ticket kiosk (issue 18): keyboard and touch against the real service and CUPS,
offline tickets, accessibility, contrast and screenshots."""
