"""Window Clerk (窗口受理客户端): the client at a service center's departmental window."""

__version__ = "0.1.0"
