"""Client and service processes together: kill -9, soak, parallel windows, stateful runs, journal
import.
"""
