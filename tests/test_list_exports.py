"""The programme, inspections and actions download as CSV and Excel, as filtered."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import ActionFactory, DeferralFactory, InspectionFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def sheet_of(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content)).active


def test_the_filtered_programme_downloads_as_excel_with_real_types(client, member):
    ReviewFactory(title='=HYPERLINK("http://evil")', stage="scoping", programme_year=2003)
    ReviewFactory(title="Grounds Maintenance", stage="scoping", programme_year=2003)
    ReviewFactory(title="Community Engagement", stage="challenge", programme_year=2003)
    ReviewFactory(title="Next year's review", stage="scoping", programme_year=2004)
    client.force_login(member)
    response = client.get(
        reverse("reviews:review-list"), {"year": "2003/04", "stage": "scoping", "format": "xlsx"}
    )
    sheet = sheet_of(response)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Review", "Programme year", "Stage")
    titles = sorted(row[0] for row in rows[1:])
    assert titles == ['\'=HYPERLINK("http://evil")', "Grounds Maintenance"]
    assert all(cell.data_type == "s" for cell in sheet["A"][1:])
    start = rows[1][6]
    assert isinstance(start, datetime) and start.date() == date(2003, 4, 1)
    assert sheet.freeze_panes == "A2"


def test_the_programme_page_offers_the_downloads_keeping_its_filters(client, member):
    ReviewFactory(programme_year=2003)
    client.force_login(member)
    page = client.get(reverse("reviews:review-list"), {"year": "2003/04", "stage": "scoping"}).text
    assert "?year=2003%2F04&amp;stage=scoping&amp;format=xlsx" in page


def test_inspections_download_as_csv_with_the_filter_applied(client, member):
    InspectionFactory(title="SSI Adults", status="confirmed", timing="Autumn 2004")
    InspectionFactory(title="Peer Review", status="complete")
    client.force_login(member)
    response = client.get(
        reverse("inspections:inspection-list"), {"status": "confirmed", "format": "csv"}
    )
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Inspection,Inspectorate,Programme year,Timing")
    assert len(lines) == 2 and lines[1].startswith("SSI Adults,")
    assert "Autumn 2004" in lines[1]


def test_red_actions_download_with_their_rag(client, member):
    today = timezone.localdate()
    ActionFactory(description="Late action", milestone_date=today - timedelta(days=2))
    ActionFactory(description="Soon action", milestone_date=today + timedelta(days=3))
    client.force_login(member)
    response = client.get(
        reverse("improvement_plans:due-action-list"), {"rag": "red", "format": "xlsx"}
    )
    rows = list(sheet_of(response).iter_rows(values_only=True))
    assert [row[2] for row in rows[1:]] == ["Late action"]
    assert rows[1][7] == "Red"


def test_the_programme_csv_says_which_reviews_are_late_and_why(client, member):
    late = ReviewFactory(title="Late review", stage="challenge", programme_year=2003)
    DeferralFactory(review=late, reason="Recruitment difficulties")
    ReviewFactory(title="Completed review", stage="completed", programme_year=2003)
    client.force_login(member)
    response = client.get(reverse("reviews:review-list"), {"year": "2003/04", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    found = {
        row["Review"]: (row["Late"], row["Deferrals"], row["Latest deferral reason"])
        for row in rows
    }
    assert found == {
        "Late review": ("Yes", "1", "Recruitment difficulties"),
        "Completed review": ("No", "0", ""),
    }
