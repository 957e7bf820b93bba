"""Spreadsheet import and export of the staff and ward lists (django-import-export).

Rows are matched by name, so a council can re-import an updated list: existing people,
directorates and wards are updated, new ones added. Every change lands in their history.
"""

from import_export import fields, resources
from import_export.widgets import BooleanWidget, ForeignKeyWidget

from bestvalue.organisation.models import Directorate, Person, Ward


class DirectorateResource(resources.ModelResource):
    class Meta:
        model = Directorate
        import_id_fields = ["name"]
        fields = ["name", "abbreviation"]
        skip_unchanged = True


class PersonResource(resources.ModelResource):
    directorate = fields.Field(
        attribute="directorate",
        column_name="directorate",
        widget=ForeignKeyWidget(Directorate, field="name"),
    )
    is_director = fields.Field(
        attribute="is_director", column_name="is_director", widget=BooleanWidget()
    )
    active = fields.Field(attribute="active", column_name="active", widget=BooleanWidget())

    class Meta:
        model = Person
        import_id_fields = ["full_name"]
        fields = [
            "full_name",
            "job_title",
            "directorate",
            "phone_extension",
            "email",
            "is_director",
            "active",
        ]
        skip_unchanged = True


class WardResource(resources.ModelResource):
    class Meta:
        model = Ward
        import_id_fields = ["name"]
        fields = ["name", "ons_code", "active"]
        skip_unchanged = True
