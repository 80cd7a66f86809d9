"""``Backend``: the store and the service client of an ``AppContext`` (``app.context``).

Its own module, loaded when the context opens (``context._open``), not when the sign-in
window is filled in from the provisioning (issue 21: its dataclass costs ~0.2 ms there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clerk_app.core.clock import Clock
    from clerk_app.remote.api import ApiClient
    from clerk_app.remote.tokens import TokenStore
    from clerk_app.store.credentials import OfflineCredentials
    from clerk_app.store.db import Database
    from clerk_app.store.keys import SecretStore
    from clerk_app.store.local import LocalStore
    from clerk_app.store.sync_state import SyncStateStore


@dataclass
class Backend:
    """The store and the service client: for the application layer only (never the GUI)."""

    db: Database
    store: LocalStore
    api: ApiClient
    tokens: TokenStore
    clock: Clock = field(repr=False)
    #: The database key and the device token: keyring, else the machine key file.
    secrets: SecretStore | None = field(default=None, repr=False)

    @property
    def credentials(self) -> OfflineCredentials:
        """Password hashes for offline sign-in."""
        from clerk_app.store.credentials import OfflineCredentials

        return OfflineCredentials(self.db, self.clock)

    @property
    def sync_state(self) -> SyncStateStore:
        """Change cursor, last contact, clock skew, calendar cache."""
        from clerk_app.store.sync_state import SyncStateStore

        return SyncStateStore(self.db, self.clock)

    def close(self) -> None:
        """Close the network session and the database."""
        self.api.close()
        self.db.close()
