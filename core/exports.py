"""CSV and Excel downloads of any list, from one description of its columns.

Every list page that offers a download describes its columns once (`Column`) and passes the
same filtered queryset it shows, so the spreadsheet holds exactly what the officer sees.
"""

import csv
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# A cell starting with one of these is a formula to Excel and LibreOffice; prefixing a quote
# makes it text (OWASP's advice on CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Column:
    heading: str
    value: Any  # a callable taking the row object
    width: int = 20
    number_format: str = ""


def neutralise(value):
    """Text that a spreadsheet would run as a formula, made inert."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell(value):
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, date | int | float | Decimal) or value is None:
        return value
    return neutralise(str(value))


def rows(columns, objects):
    for obj in objects:
        yield [_cell(column.value(obj)) for column in columns]


def csv_response(filename, columns, objects):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # so Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([column.heading for column in columns])
    for row in rows(columns, objects):
        writer.writerow(["" if value is None else value for value in row])
    return response


def workbook(title, columns, objects):
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([column.heading for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(columns, objects):
        sheet.append(row)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        number_format = column.number_format
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if isinstance(cell.value, date) and not number_format:
                cell.number_format = "d mmmm yyyy"
            elif number_format:
                cell.number_format = number_format
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return book


def xlsx_response(filename, title, columns, objects):
    buffer = BytesIO()
    workbook(title, columns, objects).save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


class ExportMixin:
    """For django-filter list views: `?format=csv` or `?format=xlsx` downloads the filtered rows.

    Set `export_name` (file name and sheet title) and `export_columns`.
    """

    export_name = "export"
    export_columns: list[Column] = []

    def get_export_queryset(self):
        if hasattr(self, "get_filterset"):  # django-filter's FilterView filters in get()
            return self.get_filterset(self.get_filterset_class()).qs
        return self.get_queryset()

    def get(self, request, *args, **kwargs):
        export = request.GET.get("format")
        if export == "csv":
            return csv_response(self.export_name, self.export_columns, self.get_export_queryset())
        if export == "xlsx":
            return xlsx_response(
                self.export_name,
                self.export_name.replace("-", " ").capitalize(),
                self.export_columns,
                self.get_export_queryset(),
            )
        return super().get(request, *args, **kwargs)
