"""The shift lead's dashboard (workload figures, sync supervision, people).

``open_dashboard(context, session)`` opens it for a lead or admin (``may_open(roles)``);
its service calls are ``app.dashboard.DashboardSource``. The pieces: ``models`` (periods,
columns, the table model), ``charts`` (QtCharts), ``export`` (CSV/XLSX of what is shown),
``workload_tab``, ``sync_tab``, ``people_tab``, ``cases_dialog`` and ``window``.
"""

from clerk_app.gui.dashboard.window import DashboardWindow, may_open, open_dashboard, refuse

__all__ = ["DashboardWindow", "may_open", "open_dashboard", "refuse"]
