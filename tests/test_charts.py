from datetime import date

from django.template.loader import render_to_string

from core.charts import Bar, BarChart, Timeline, TimelineBar


def test_bars_are_scaled_to_the_largest_value():
    chart = BarChart(
        "Reviews by stage",
        "How many reviews are at each stage",
        [Bar("A", 10), Bar("B", 5), Bar("C", 0)],
    )
    assert [bar.width for bar in chart.bars] == [380, 190, 0]
    assert chart.total == 15


def test_chart_has_a_text_alternative_and_the_numbers_as_a_table():
    chart = BarChart(
        "Reviews by stage", "Two at scoping", [Bar("Scoping", 2, url="/reviews/?stage=scoping")]
    )
    html = render_to_string("components/bar_chart.html", {"chart": chart, "chart_id": "stages"})
    assert 'role="img"' in html and 'aria-labelledby="stages-title stages-desc"' in html
    assert '<title id="stages-title">Reviews by stage</title>' in html
    assert 'href="/reviews/?stage=scoping"' in html
    assert '<th scope="row" class="govuk-table__header">Total</th>' in html


def test_timeline_places_bars_ticks_and_today():
    timeline = Timeline(
        "Programme",
        "Reviews and inspections",
        start=date(2003, 4, 1),
        end=date(2005, 3, 31),
        today=date(2004, 4, 1),
        bars=[
            TimelineBar("Youth Service", date(2003, 4, 1), date(2003, 10, 31)),
            TimelineBar("SSI Adults", date(2004, 9, 1), date(2004, 11, 30), fuzzy=True),
            TimelineBar("Too early", date(2001, 1, 1), date(2003, 5, 31), marker=date(2003, 5, 1)),
        ],
    )
    assert [tick.label for tick in timeline.ticks] == ["2003/04", "2004/05"]
    assert timeline.bars[0].x == timeline.label_width
    assert timeline.bars[2].x == timeline.label_width  # clipped to the chart's start
    assert timeline.today_x == timeline.ticks[1].x
    html = render_to_string("components/timeline.html", {"timeline": timeline, "chart_id": "t"})
    assert 'stroke-dasharray="5 3"' in html
    assert "Today" in html
