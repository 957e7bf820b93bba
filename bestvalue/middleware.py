from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string


class DatabaseUnavailableMiddleware:
    """While the database is away (a restart, a failover), answer 503 with a page that says so.

    Checked before anything else touches the database, so officers see "try again in a
    minute" rather than a server error; Django's connection health checks reconnect by
    themselves when the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            connection.ensure_connection()
        except DatabaseError:
            # Rendered without the request: context processors would query the database.
            response = HttpResponse(render_to_string("503.html"), status=503)
            response["Retry-After"] = "30"
            return response
        return self.get_response(request)
