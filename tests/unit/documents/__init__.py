"""clerk_app.documents: receipts and notices (HTML, PDF, fonts)."""
