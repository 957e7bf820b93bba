from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm, for search's misspelt names (core/search.py). Django's CreateExtension does
    nothing on other databases, so SQLite (`make run`) migrates past it."""

    dependencies = [("core", "0001_initial")]

    operations = [TrigramExtension()]
