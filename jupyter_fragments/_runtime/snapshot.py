"""A JSON description of the kernel's apps, for the test harness and the lab extension."""

from __future__ import annotations

from typing import Any

from jupyter_fragments._runtime.session import Session, get_session


def snapshot(session: Session | None = None) -> dict[str, Any]:
    """Every live app: its scopes (with run counts) and its input widgets."""
    if session is None:
        session = get_session()
    apps = []
    timers = 0
    for app in session.apps.values():
        app_timers = session.timers.count(app)
        timers += app_timers
        scopes = [
            {
                "id": scope.id,
                "kind": scope.kind,
                "name": scope.name,
                "model_id": scope.output.model_id,
                "body_model_id": scope.body.box.model_id,
                "parent": scope.parent.id if scope.parent is not None else None,
                "runs": scope.runs,
                "run_every": session.timers.interval(app, scope),
                "error": scope.error,
            }
            for scope in app.all_scopes()
            if scope.alive
        ]
        inputs = [
            {
                "model_id": record.model_id,
                "kind": record.kind.name,
                "label": record.label,
                "key": record.key,
                "scope": record.scope.id,
            }
            for record in app.widgets
        ]
        apps.append(
            {
                "id": app.id,
                "name": app.name,
                "key": app.key,
                "model_id": app.root.output.model_id,
                "timers": app_timers,
                "strict": app.strict,
                "scopes": scopes,
                "widgets": inputs,
            }
        )
    return {"apps": apps, "timers": timers}
