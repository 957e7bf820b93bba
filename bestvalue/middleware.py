from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string


def database_answers(check=False):
    try:
        connection.ensure_connection()
        return not check or connection.is_usable()
    except DatabaseError:
        return False


def unavailable():
    # Rendered without the request: context processors would query the database.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "30"
    return response


class DatabaseUnavailableMiddleware:
    """While the database is away (a restart, a failover), answer 503 with a page that says so.

    Checked before anything else touches the database, and again if a view loses its
    connection part-way, so officers see "try again in a minute" rather than a server
    error. Django's connection health checks reconnect by themselves when it is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not database_answers():
            return unavailable()
        response = self.get_response(request)
        # A connection lost after the view (saving the session, say) ends as a 500 inside
        # Django's handlers; it is the same outage, so it gets the same page.
        if response.status_code == 500 and not database_answers(check=True):
            return unavailable()
        return response

    def process_exception(self, request, exception):
        # Lost connections only: an IntegrityError is a bug or a race, not an outage.
        if isinstance(exception, OperationalError | InterfaceError):
            return unavailable()
        return None
