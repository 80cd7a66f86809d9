"""Code generated from ui/*.ui by clerk_app.gui.forms_build."""
