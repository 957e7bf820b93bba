import csv
import io
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from openpyxl import load_workbook

from core.exports import Column, csv_response, neutralise, xlsx_response

COLUMNS = [
    Column("Title", lambda row: row.title, width=40),
    Column("Target", lambda row: row.target),
    Column("Hours", lambda row: row.hours, number_format="0.0"),
]
ROWS = [
    SimpleNamespace(title='=HYPERLINK("http://evil")', target=date(2004, 7, 31), hours=3.5),
    SimpleNamespace(title="Engineering & Transportation", target=None, hours=Decimal("12.25")),
]


def test_formula_like_text_is_made_inert():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("-2") == "'-2"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("Engineering") == "Engineering"
    assert neutralise(5) == 5


def test_excel_export_has_types_widths_header_and_frozen_panes():
    response = xlsx_response("programme", "Programme", COLUMNS, ROWS)
    assert response["Content-Disposition"] == 'attachment; filename="programme.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == ["Title", "Target", "Hours"]
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == 40
    assert sheet["A2"].value == '\'=HYPERLINK("http://evil")'
    assert sheet["A2"].data_type == "s"
    assert sheet["B2"].value.date() == date(2004, 7, 31)
    assert sheet["B2"].number_format == "d mmmm yyyy"
    assert sheet["C3"].value == 12.25
    assert sheet["C2"].number_format == "0.0"


def test_csv_export_opens_in_excel_as_utf8_and_neutralises_formulae():
    response = csv_response("programme", COLUMNS, ROWS)
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert lines[0] == ["Title", "Target", "Hours"]
    assert lines[1][0].startswith("'=")
    assert lines[2] == ["Engineering & Transportation", "", "12.25"]
