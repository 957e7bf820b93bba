"""The GOV.UK tag colour of every status the service shows, in one place.

Keyed by the status as stored (or as annotated, for the derived ones), so that core needs no
domain app, and a status has one colour wherever it is shown: on every tag (`{% status_tag %}`)
and in every chart. `tests/test_status.py` checks that each app's statuses are all here.
"""

STATUS_COLOURS = {
    # Review stages: the main line, then the side exits.
    "proposed": "grey",
    "scoping": "light-blue",
    "challenge": "blue",
    "vision": "turquoise",
    "options": "purple",
    "approved": "pink",
    "implementation": "yellow",
    "completed": "green",
    "deferred": "orange",
    "withdrawn": "red",
    "superseded": "red",
    # Inspections (and "proposed" above).
    "offered": "light-blue",
    "confirmed": "blue",
    "in_progress": "yellow",
    "report_awaited": "orange",
    "complete": "green",
    "cancelled": "red",
    # Meetings ("cancelled" above).
    "scheduled": "blue",
    "held": "green",
    # Board requests ("withdrawn" above); an open request past its due meeting is outstanding.
    "open": "yellow",
    "answered": "green",
    "outstanding": "red",
    # Committee reports ("superseded", issued since corrected, above).
    "draft": "yellow",
    "issued": "green",
    # An action's RAG: amber is GOV.UK's orange; "complete" (above) is green, as the council's
    # RAG returns count it, and its tag's words tell it apart from on track.
    "red": "red",
    "amber": "orange",
    "green": "green",
    "dropped": "grey",
}
