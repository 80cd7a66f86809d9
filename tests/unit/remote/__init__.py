"""clerk_app.remote: the HTTP client, tokens, TLS, wire format and sync engine, against a real
service or a stub.
"""
