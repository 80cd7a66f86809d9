"""GUI tests (offscreen Qt widgets), in English unless a subfolder says otherwise; one subfolder
per desk area.
"""
