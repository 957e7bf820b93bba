from django.db import models
from simple_history.models import HistoricalRecords


class Committee(models.Model):
    class Kind(models.TextChoices):
        BOARD = "board", "Board"
        SCRUTINY_PANEL = "scrutiny_panel", "Scrutiny panel"
        CABINET = "cabinet", "Cabinet"
        OVERVIEW_AND_SCRUTINY = "overview_scrutiny", "Overview & scrutiny committee"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "name",
                name="committee_name_unique",
                violation_error_message="A committee with this name already exists.",
            ),
        ]

    def __str__(self):
        return self.name
