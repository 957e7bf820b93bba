"""House styles as data: set up on a page with a preview, used by committees and reports."""

import pytest
from django.urls import reverse

from organisation import roles
from reports import presets
from reports import services as report_services
from reports.models import CommitteeReport, CommitteeStyle, HouseStyle
from tests.factories import (
    CommitteeFactory,
    CommitteeReportFactory,
    CommitteeStyleFactory,
    HouseStyleFactory,
    preset_style,
)
from tests.forms import submitted
from tests.reports.test_kinds import pages_of

pytestmark = pytest.mark.django_db


def style_url(name, style=None):
    return reverse(f"reports:{name}", args=[style.pk] if style else [])


def page_data(response, **changes):
    """What the house style page sends back as it was rendered, with `changes`."""
    rows = response.context["rows"]
    data = submitted(response.context["form"], rows.management_form, *rows.forms)
    return {**data, **changes}


def executive_rows():
    """The header rows of a council that is not in the seeds, as the page's fields."""
    rows = [
        ("reference", "Paper:", "line", ""),
        ("committee", "Report to:", "beside", ""),
        ("marker", "Purpose:", "bold", ""),
        ("wards", "Wards:", "beside", "on"),
    ]
    data = {"header-TOTAL_FORMS": str(len(rows)), "header-INITIAL_FORMS": "0"}
    for index, (field, label, layout, capitals) in enumerate(rows):
        data |= {
            f"header-{index}-field": field,
            f"header-{index}-label": label,
            f"header-{index}-layout": layout,
            f"header-{index}-ORDER": str(index + 1),
        }
        if capitals:
            data[f"header-{index}-capitals"] = capitals
    return data


def new_style_data(client, **changes):
    page = client.get(style_url("house-style-create"))
    data = page_data(page, name="Executive report", implications="", wards_none="N/A")
    data = {key: value for key, value in data.items() if not key.startswith("header-")}
    return {**data, **executive_rows(), **changes}


# Permissions --------------------------------------------------------------------------------

EDITORS = [roles.ADMINISTRATOR, roles.BEST_VALUE_OFFICER]
MATRIX = [
    ("house-style-list", "get", roles.ROLES),
    ("house-style-detail", "get", roles.ROLES),
    ("house-style-history", "get", roles.ROLES),
    ("house-style-create", "get", EDITORS),
    ("house-style-create", "post", EDITORS),
    ("house-style-update", "get", EDITORS),
    ("house-style-update", "post", EDITORS),
]


@pytest.mark.parametrize("role", roles.ROLES)
@pytest.mark.parametrize(("name", "method", "allowed"), MATRIX)
def test_permission_matrix(client, make_user, role, name, method, allowed):
    style = HouseStyleFactory(name="Scrutiny")
    client.force_login(make_user(role))
    address = style_url(name) if name in ("house-style-list", "house-style-create") else None
    response = getattr(client, method)(address or style_url(name, style), {"name": "Changed"})
    assert response.status_code == (200 if role in allowed else 403)
    style.refresh_from_db()
    assert style.name == "Scrutiny"  # the POSTs lack the rest of the form


def test_only_those_who_may_change_styles_see_the_links_to_do_so(client, member, bv_officer):
    style = HouseStyleFactory()
    client.force_login(member)
    assert "Add a house style" not in client.get(style_url("house-style-list")).text
    assert "Change the house style" not in client.get(style.get_absolute_url()).text
    client.force_login(bv_officer)
    assert "Add a house style" in client.get(style_url("house-style-list")).text
    assert "Change the house style" in client.get(style.get_absolute_url()).text


# Setting a style up ---------------------------------------------------------------------------


def test_an_officer_sets_up_a_councils_own_style_without_code(client, bv_officer):
    executive = CommitteeFactory(name="Executive")
    client.force_login(bv_officer)
    data = new_style_data(client, committees=[executive.pk], decision_marker="For Decision")

    response = client.post(style_url("house-style-create"), data)

    style = HouseStyle.objects.get(name="Executive report")
    assert response.url == style.get_absolute_url()
    assert style.header == [
        {"field": "reference", "label": "Paper:", "layout": "line", "capitals": False},
        {"field": "committee", "label": "Report to:", "layout": "beside", "capitals": False},
        {"field": "marker", "label": "Purpose:", "layout": "bold", "capitals": False},
        {"field": "wards", "label": "Wards:", "layout": "beside", "capitals": True},
    ]
    assert style.wards_none == "N/A"
    assert HouseStyle.objects.default_for(executive) == style
    assert style.history.count() == 1


def test_the_preview_lays_out_a_sample_report_and_saves_nothing(client, bv_officer):
    client.force_login(bv_officer)
    data = new_style_data(client, preview="", decision_marker="For Decision")
    response = client.post(style_url("house-style-create"), data)
    assert response.status_code == 200
    preview = str(response.context["preview"])
    for words in ("Paper: Sample reference", "Report to:", "Purpose: For Decision", "N/A"):
        assert words in preview
    assert "IMPLICATIONS" not in preview
    assert 'id="preview"' in response.text
    assert not HouseStyle.objects.filter(name="Executive report").exists()


def test_the_preview_shows_what_the_page_holds_not_what_was_saved(client, bv_officer):
    style = preset_style(presets.SCRUTINY)
    client.force_login(bv_officer)
    page = client.get(style_url("house-style-update", style))
    assert "COMMITTEE:" in str(page.context["preview"])
    data = page_data(page, **{"header-0-label": "PANEL:", "preview": ""})
    preview = str(client.post(style_url("house-style-update", style), data).context["preview"])
    assert "PANEL:" in preview and "COMMITTEE:" not in preview
    style.refresh_from_db()
    assert style.header[0]["label"] == "COMMITTEE:"


def test_rows_are_added_by_a_button_and_ordered_by_their_positions(client, bv_officer):
    style = preset_style(presets.SUPPLEMENTARY)
    client.force_login(bv_officer)
    page = client.get(style_url("house-style-update", style))
    assert page.context["rows"].total_form_count() == 3  # two rows and a blank one
    added = client.post(style_url("house-style-update", style), page_data(page, add="header"))
    assert added.context["rows"].total_form_count() == 4
    data = page_data(
        added,
        **{
            "header-2-field": "reference",
            "header-2-label": "Ref:",
            "header-2-ORDER": "1",
            "header-0-ORDER": "3",
            "header-1-DELETE": "on",
        },
    )
    response = client.post(style_url("house-style-update", style), data)
    assert response.status_code == 302
    style.refresh_from_db()
    assert [row["field"] for row in style.header] == ["reference", "subject"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the house style’s name"),
        ({"name": presets.CABINET}, "name", "A house style with this name already exists"),
        ({"header-0-field": ""}, "header-0-field", "Choose what the row shows"),
        ({"header-0-field": "sql"}, "header-0-field", "Select a valid choice"),
        ({"header-0-layout": "float"}, "header-0-layout", "Select a valid choice"),
        ({"header-0-ORDER": "first"}, "header-0-ORDER", "Enter the position as a whole number"),
        ({"header-0-field": "implications"}, "implications", "Enter the implications, one a"),
        ({"part_2_marking": "PART 2"}, "part_2_marking", "Put {paragraph} once"),
        ({"font_size": "72"}, "font_size", "Select a valid choice"),
        ({"margins": "url(http://x)"}, "margins", "Select a valid choice"),
        ({"wards_none": ""}, "wards_none", "Enter what the wards line says when no ward"),
    ],
)
@pytest.mark.parametrize("button", ["save", "preview"])
def test_bad_input_is_explained_beside_the_field(
    client, bv_officer, changes, field, message, button
):
    preset_style(presets.CABINET)
    client.force_login(bv_officer)
    data = new_style_data(client, **{button: ""}, **changes)
    response = client.post(style_url("house-style-create"), data)
    assert response.status_code == 200
    assert f'href="#id_{field}' in response.text  # in the error summary
    beside = response.text.split(f'id="div_id_{field}"')[1].split('id="div_id_')[0]
    assert "govuk-error-message" in beside and message in beside
    assert response.context["preview"] == ""
    assert not HouseStyle.objects.filter(name="Executive report").exists()


def test_a_stale_edit_is_refused(client, bv_officer):
    style = HouseStyleFactory()
    client.force_login(bv_officer)
    page = client.get(style_url("house-style-update", style))
    client.post(style_url("house-style-update", style), page_data(page, name="First"))
    response = client.post(style_url("house-style-update", style), page_data(page, name="Second"))
    assert "after you opened it" in response.text
    style.refresh_from_db()
    assert style.name == "First"


def test_a_committee_has_one_usual_style_and_moving_it_is_in_the_history(client, bv_officer):
    panel = CommitteeFactory(name="Scrutiny Panel")
    scrutiny = CommitteeStyleFactory(committee=panel).house_style
    other = HouseStyleFactory(name="Panel report")
    client.force_login(bv_officer)
    page = client.get(style_url("house-style-update", other))
    assert "Scrutiny Panel (now Scrutiny panel report)" in page.text
    client.post(style_url("house-style-update", other), page_data(page, committees=[panel.pk]))
    assert HouseStyle.objects.default_for(panel) == other
    assert CommitteeStyle.objects.filter(committee=panel).count() == 1
    assert CommitteeStyle.history.filter(committee_id=panel.pk).count() == 2
    history = client.get(style_url("house-style-history", other)).text
    assert "Scrutiny Panel" in history
    page = client.get(style_url("house-style-update", other))
    client.post(style_url("house-style-update", other), page_data(page, committees=[]))
    assert HouseStyle.objects.default_for(panel) is None
    assert scrutiny.committee_styles.count() == 0


@pytest.mark.parametrize("count", [2, 20])
def test_house_style_pages_run_a_bounded_number_of_queries(
    client, bv_officer, django_assert_max_num_queries, count
):
    styles = HouseStyleFactory.create_batch(count)
    for style in styles:
        CommitteeStyleFactory.create_batch(2, house_style=style)
    client.force_login(bv_officer)
    for name, style, most in [
        ("house-style-list", None, 8),
        ("house-style-detail", styles[0], 8),
        ("house-style-update", styles[0], 10),
        ("house-style-create", None, 7),
        ("house-style-history", styles[0], 14),
    ]:
        with django_assert_max_num_queries(most):
            assert client.get(style_url(name, style)).status_code == 200


# Reports in a style -------------------------------------------------------------------------


def test_a_report_may_choose_another_style_than_its_committees(client, bv_officer):
    report = CommitteeReportFactory(committee=CommitteeStyleFactory().committee)
    executive = HouseStyleFactory(
        name="Executive report",
        header=[presets.row("reference", "Paper:", "line"), presets.row("marker", "Purpose:")],
        implications="",
        decision_marker="For Decision",
    )
    report.house_style = executive
    report.reference = "BVC 40/05"
    report.marker = CommitteeReport.Marker.DECISION
    report.save()
    client.force_login(bv_officer)
    text = " ".join(pages_of(client.get(reverse("reports:report-pdf", args=[report.pk])).content))
    assert "Paper: BVC 40/05" in text and "Purpose: For Decision" in text
    assert "COMMITTEE:" not in text


def test_the_report_form_offers_only_the_boxes_its_style_shows(client, bv_officer):
    report = CommitteeReportFactory(house_style=preset_style(presets.SCRUTINY))
    client.force_login(bv_officer)
    form = client.get(reverse("reports:report-update", args=[report.pk])).context["form"]
    assert "implications" in form.fields and "reference" not in form.fields
    assert "executive_summary" not in form.fields
    report.house_style = preset_style(presets.CABINET)
    report.save()
    form = client.get(reverse("reports:report-update", args=[report.pk])).context["form"]
    assert "implications" not in form.fields and "executive_summary" in form.fields
    assert "marker" not in form.fields


def test_choosing_a_style_with_another_grid_drops_ticks_it_has_no_box_for(client, bv_officer):
    report = CommitteeReportFactory(
        house_style=preset_style(presets.SCRUTINY), implications=["financial", "legal"]
    )
    fewer = HouseStyleFactory(implications="Financial\nRisk")
    client.force_login(bv_officer)
    page = client.get(reverse("reports:report-update", args=[report.pk]))
    data = submitted(page.context["form"]) | {"house_style": fewer.pk}
    response = client.post(reverse("reports:report-update", args=[report.pk]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.house_style == fewer and report.implications == ["financial"]


def test_a_style_in_use_cannot_be_deleted_and_an_issued_report_keeps_its_bytes(bv_officer):
    report = CommitteeReportFactory()
    issued = report_services.issue_report(report, by=bv_officer, expected_version=report.version)
    pdf = bytes(issued.pdf)
    style = issued.house_style
    style.headings_in_capitals = not style.headings_in_capitals
    style.save()
    issued.refresh_from_db()
    assert bytes(issued.pdf) == pdf
    with pytest.raises(Exception, match="protected"):
        style.delete()
