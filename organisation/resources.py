"""Spreadsheet import and export of the staff and ward lists (django-import-export).

Rows are matched by name, so a council can re-import an updated list: existing people,
directorates and wards are updated, new ones added. Every change lands in their history.
"""

from import_export import fields, resources
from import_export.widgets import BooleanWidget, ForeignKeyWidget

from core.exports import FORMULA_STARTS, neutralise
from organisation.models import Directorate, Person, Ward


class FormulaSafeResource(resources.ModelResource):
    """Exports text a spreadsheet would run as a formula made inert, as the in-app exports do,
    and imports it back without the quote that did it, so an exported list re-imports as it was.

    Not import-export's IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT: it deletes the "=" and
    leaves "+", "-" and "@" alone.
    """

    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        for column, value in row.items():
            if isinstance(value, str) and value[:1] == "'" and value[1:].startswith(FORMULA_STARTS):
                row[column] = value[1:]


class DirectorateResource(FormulaSafeResource):
    class Meta:
        model = Directorate
        import_id_fields = ["name"]
        fields = ["name", "abbreviation"]
        skip_unchanged = True


class PersonResource(FormulaSafeResource):
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


class WardResource(FormulaSafeResource):
    class Meta:
        model = Ward
        import_id_fields = ["name"]
        fields = ["name", "ons_code", "active"]
        skip_unchanged = True
