"""The cipher of the desk's document files and the start-up sealing of old plain ones.

Kept apart from ``clerk_app.app.documents`` so the start (``build_context``, before the
sign-in window) does not import the PDF stack, the QR writer and the document kinds
(issue 21); ``clerk_app.app.documents`` re-exports both functions.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from clerk_app.store.file_cipher import FileCipher, seal_folder
from clerk_app.store.keys import SecretStore, documents_cipher

if TYPE_CHECKING:
    from clerk_app.app.context import AppContext

_CIPHERS: weakref.WeakKeyDictionary[SecretStore, FileCipher] = weakref.WeakKeyDictionary()


def document_cipher(context: AppContext) -> FileCipher:
    """The cipher of this desk's document files (its key derived from the database key).

    Raises:
        RuntimeError: the context has no secret store (a wiring bug).
        OSError: the key can be neither read nor kept.
    """
    secrets = context.backend.secrets
    if secrets is None:
        raise RuntimeError("the desk has no secret store: documents cannot be encrypted")
    cipher = _CIPHERS.get(secrets)
    if cipher is None:
        cipher = _CIPHERS[secrets] = documents_cipher(secrets)
    return cipher


def seal_old_documents(context: AppContext) -> int:
    """Encrypt the document files an older version left plain (at the start); how many.

    Idempotent and crash-safe (each file replaced by its sealed copy with a rename). The
    key is derived (and ``cryptography`` loaded) at the first plain file only.
    """
    return seal_folder(lambda: document_cipher(context), context.paths.documents_dir)
