"""Security tests across layers: the service's sign-in and access matrix, and (desk/) the desk's
data at rest and locking.
"""
