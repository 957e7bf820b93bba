"""The one GOV.UK table ({% table %}) record and list pages write their tables with."""

from django.template import Context, Template


def render(source, **context):
    return Template("{% load bestvalue %}" + source).render(Context(context))


ROWS = (
    "{% table 'Past meetings' 'Date' 'Status' empty=empty %}"
    "{% for day in days %}<tr><td>{{ day }}</td></tr>{% endfor %}{% endtable %}"
)


def test_the_headers_are_columns_and_the_block_is_the_body():
    html = render(ROWS, days=["<1 May>"], empty="")
    assert '<th scope="col" class="govuk-table__header">Date</th>' in html
    assert '<th scope="col" class="govuk-table__header">Status</th>' in html
    assert '<tbody class="govuk-table__body"><tr><td>&lt;1 May&gt;</td></tr></tbody>' in html


def test_the_caption_is_for_screen_readers_unless_it_is_given_a_size():
    assert (
        '<caption class="govuk-table__caption govuk-visually-hidden">Past meetings</caption>'
        in render(ROWS, days=[1])
    )
    shown = render("{% table 'Inspections 2004/05' 'Inspection' caption_size='m' %}{% endtable %}")
    assert '<caption class="govuk-table__caption govuk-table__caption--m">Inspections' in shown


def test_a_table_with_no_rows_says_so_instead_when_told_what_to_say():
    html = render(ROWS, days=[], empty="No past meetings are recorded.")
    assert html.strip() == '<p class="govuk-body">No past meetings are recorded.</p>'
    assert "<table" in render(ROWS, days=[], empty="")
    assert "No past" not in render(ROWS, days=[1], empty="No past meetings are recorded.")
