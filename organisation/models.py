import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from core.fields import unique_name


class Directorate(models.Model):
    name = models.CharField(max_length=200, help_text="For example “Housing and Social Services”")
    abbreviation = models.CharField(max_length=20, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [unique_name("directorate", "directorate")]

    def __str__(self):
        return self.name


class PersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def directors(self):
        return self.active().filter(is_director=True)


class Person(models.Model):
    """A director or officer of the council; optionally someone who signs in."""

    full_name = models.CharField(max_length=200)
    job_title = models.CharField(
        max_length=200, blank=True, help_text="For example “Head of Policy and Performance”"
    )
    directorate = models.ForeignKey(
        Directorate, on_delete=models.PROTECT, related_name="people", null=True, blank=True
    )
    phone_extension = models.CharField(
        max_length=20, blank=True, help_text="As printed on reports, for example “546496”"
    )
    email = models.EmailField(blank=True)
    is_director = models.BooleanField("director", default=False)
    active = models.BooleanField(default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name="login",
    )
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["full_name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="person_email_unique",
                violation_error_message="Someone else already has this email address.",
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def contact_line(self):
        """Name and extension as a report's CONTACT OFFICER line prints them."""
        return f"{self.full_name} {self.phone_extension}".strip()


class Ward(models.Model):
    name = models.CharField(max_length=100)
    ons_code = models.CharField(
        "ONS code", max_length=9, blank=True, help_text="For example “E05008363”"
    )
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            unique_name("ward", "ward"),
            models.UniqueConstraint(
                "ons_code",
                condition=~models.Q(ons_code=""),
                name="ward_ons_code_unique",
                violation_error_message="Another ward already has this ONS code.",
            ),
        ]

    def __str__(self):
        return self.name


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret that makes a user's calendar subscription address theirs alone.

    Calendar programs cannot sign in, so the address itself is the key; making a new one
    stops the old address working at once.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Calendar feed of {self.user}"
