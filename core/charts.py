"""Charts drawn on the server as SVG: no JavaScript, printable, and readable by screen readers.

Each chart has a title and a description inside the SVG, and the page shows the same numbers
as a table beside it (templates/components/bar_chart.html), so nothing is only in the picture.
"""

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta

# GOV.UK tag colours as fills, so a chart's colours match the tags on the page.
COLOURS = {
    "grey": "#505a5f",
    "light-blue": "#1d70b8",
    "blue": "#144e81",
    "turquoise": "#28a197",
    "purple": "#4c2c92",
    "pink": "#d53880",
    "yellow": "#b58840",
    "green": "#00703c",
    "orange": "#f47738",
    "red": "#d4351c",
}


@dataclass
class Bar:
    label: str
    value: int
    colour: str = "blue"
    url: str = ""
    # Filled in by layout:
    y: int = 0
    width: int = 0

    @property
    def fill(self):
        return COLOURS.get(self.colour, self.colour)


@dataclass
class BarChart:
    """Horizontal bars, one a row, labels on the left and values at the end of each bar."""

    title: str
    description: str
    bars: list[Bar]
    label_width: int = 230
    bar_area: int = 380
    row_height: int = 30

    def __post_init__(self):
        largest = max((bar.value for bar in self.bars), default=0) or 1
        for index, bar in enumerate(self.bars):
            bar.y = index * self.row_height
            bar.width = round(self.bar_area * bar.value / largest)

    @property
    def width(self):
        return self.label_width + self.bar_area + 50

    @property
    def height(self):
        return max(len(self.bars), 1) * self.row_height

    @property
    def total(self):
        return sum(bar.value for bar in self.bars)


@dataclass
class TimelineBar:
    label: str
    start: date
    end: date
    colour: str = "blue"
    fuzzy: bool = False
    url: str = ""
    note: str = ""  # e.g. "Deferred until July 2004"
    marker: date | None = None  # a dated event drawn on the bar, e.g. a deferral
    flag: str = ""  # a word written before the label, e.g. "Late"
    x: int = 0
    width: int = 0
    y: int = 0
    marker_x: int | None = None

    @property
    def fill(self):
        return COLOURS.get(self.colour, self.colour)


@dataclass
class TimelineTick:
    x: int
    label: str


@dataclass
class Timeline:
    """A Gantt chart of periods across financial years, with today marked."""

    title: str
    description: str
    start: date
    end: date
    bars: list[TimelineBar]
    today: date = field(default_factory=date.today)
    label_width: int = 260
    plot_width: int = 720
    row_height: int = 24
    top: int = 30
    ticks: list[TimelineTick] = field(default_factory=list)
    today_x: int | None = None

    def __post_init__(self):
        span = max((self.end - self.start).days, 1)

        def x_of(day):
            day = min(max(day, self.start), self.end)
            return self.label_width + round(self.plot_width * (day - self.start).days / span)

        for index, bar in enumerate(self.bars):
            bar.x = x_of(bar.start)
            bar.width = max(x_of(bar.end) - bar.x, 3)
            bar.y = self.top + index * self.row_height
            if bar.marker:
                bar.marker_x = x_of(bar.marker)
        # A tick at each 1 April: financial years are how the programme is read.
        first = date(self.start.year if self.start.month >= 4 else self.start.year - 1, 4, 1)
        tick = first
        while tick <= self.end:
            if tick >= self.start:
                self.ticks.append(
                    TimelineTick(x_of(tick), f"{tick.year}/{(tick.year + 1) % 100:02d}")
                )
            tick += relativedelta(years=1)
        if self.start <= self.today <= self.end:
            self.today_x = x_of(self.today)

    @property
    def width(self):
        return self.label_width + self.plot_width + 20

    @property
    def height(self):
        return self.top + max(len(self.bars), 1) * self.row_height + 10
