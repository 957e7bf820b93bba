import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

from core.checks import static_files_collected

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bestvalue.settings")

application = get_wsgi_application()

# gunicorn runs no system checks: refuse to start rather than answer every page with a 500.
if errors := static_files_collected():
    raise ImproperlyConfigured(errors[0].msg)
