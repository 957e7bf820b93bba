"""System checks for what a deployment must have done that Django's own checks miss."""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import Error
from django.core.files.storage import storages


def static_files_collected(app_configs=None, **kwargs):
    """With DEBUG off every page links its CSS and JS through the manifest that collectstatic
    writes; without the manifest every page would be a 500."""
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin):
        return []
    if storage.manifest_storage.exists(storage.manifest_name):
        return []
    return [
        Error(
            f"Static files have not been collected into {settings.STATIC_ROOT}: "
            "run manage.py collectstatic",
            hint="STATIC_ROOT says where they go; every page needs them when DEBUG is off.",
            id="bestvalue.E001",
        )
    ]
