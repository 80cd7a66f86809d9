"""Document use cases without widgets: issued notices and intake slips are numbered, archived and
queued.
"""
