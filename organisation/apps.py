from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OrganisationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "organisation"
    verbose_name = "Organisation"

    def ready(self):
        # Late, as Django requires: roles reads the auth app's models.
        from organisation.roles import sync_roles_after_migrate  # noqa: PLC0415

        # Later apps add models (and so permissions) after the roles migration has run.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="organisation.sync_roles")
