"""The worklist and case detail widgets."""
