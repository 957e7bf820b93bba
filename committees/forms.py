from datetime import timedelta

from crispy_forms_gds.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db.models import F, Q
from django.utils import timezone
from django.utils.safestring import mark_safe

from committees import rules
from committees.models import (
    BoardRequest,
    Committee,
    Meeting,
    MinuteItem,
    long_date,
)
from committees.services import MOST_MEETINGS_AT_ONCE
from core import times, widgets
from core.fields import ReviewChoiceField
from core.forms import DateInputField, GDSFormMixin, TimeField
from core.versioning import VersionedFormMixin
from organisation.models import Person
from reviews.models import Review

# GOV.UK styles text inputs; crispy-forms-gds gives number inputs no govuk-input class.
NUMBER_INPUT = forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"})


# How often, in the committee form: the rule builder's choices, and two more.
IN_WORDS = "words"
NO_RULE = "none"
FREQUENCY_CHOICES = [
    *rules.Frequency.choices,
    (IN_WORDS, "Another way, described in words"),
    (NO_RULE, "It has no regular meetings"),
]


# GDSFormMixin comes first: the helper lays out the fields that exist when it is built, so
# VersionedFormMixin's hidden version field must be added before.
class CommitteeForm(GDSFormMixin, VersionedFormMixin, forms.ModelForm):
    """The meeting arrangements. The rule is built from a few choices or typed in words, and
    saved as the RRULE (committees.rules) those make; the form shows no RRULE."""

    submit_label = "Save meeting arrangements"
    frequency = forms.ChoiceField(
        label="How often does it meet?",
        choices=FREQUENCY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how often the committee meets"},
    )
    interval = forms.IntegerField(
        label="If every few weeks: how many weeks apart?",
        required=False,
        min_value=2,
        max_value=rules.MOST_WEEKS_APART,
        help_text="For example, 2 for every other week",
        widget=NUMBER_INPUT,
        error_messages={
            "invalid": "Enter the number of weeks as a whole number, like 2",
            "min_value": f"Enter a number of weeks from 2 to {rules.MOST_WEEKS_APART}",
            "max_value": f"Enter a number of weeks from 2 to {rules.MOST_WEEKS_APART}",
        },
    )
    week = forms.ChoiceField(
        label="If once a month: which week of the month?",
        required=False,
        choices=rules.WEEK_OF_MONTH,
        widget=forms.RadioSelect,
    )
    weekday = forms.ChoiceField(
        label="On which day of the week?",
        required=False,
        choices=list(rules.WEEKDAYS.items()),
        widget=forms.RadioSelect,
    )
    meeting_rule = forms.CharField(
        label="If another way: when it meets, in words",
        required=False,
        max_length=200,
        help_text=f"For example, {rules.WORDS_EXAMPLES}",
    )
    meeting_time = TimeField(label="Usual time (optional)", required=False)
    rule_from = DateInputField(
        label="Rule applies from",
        required=False,
        require_all_fields=False,
        help_text="Meeting dates follow the rule from this day. For example, 7 1 2027",
    )

    class Meta:
        model = Committee
        fields = [
            "description",
            "frequency",
            "interval",
            "week",
            "weekday",
            "meeting_rule",
            "meeting_time",
            "rule_from",
            "venue",
            "members",
        ]
        widgets = {
            "members": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Person.objects.filter(
            Q(active=True) | Q(committees=self.instance)
        ).distinct()
        rule = self.instance.meeting_rule
        answers = rules.builder_answers(rule) if rule else None
        # The stored rule is shown as the builder's answers, or else in words.
        self.initial["meeting_rule"] = "" if answers or not rule else rules.describe(rule)
        self.initial.update(answers or {"frequency": IN_WORDS if rule else NO_RULE})

    def clean(self):
        cleaned = super().clean()
        frequency = cleaned.get("frequency")
        typed = "meeting_rule" in self.changed_data and cleaned.get("meeting_rule")
        if typed and frequency != IN_WORDS:
            self.add_error(
                "meeting_rule",
                "Clear this box, or choose “Another way, described in words” above",
            )
        if frequency == NO_RULE:
            cleaned["meeting_rule"] = ""
        elif frequency == IN_WORDS:
            self._rule_from_words(cleaned)
        elif frequency:
            self._rule_from_builder(cleaned, frequency)
        return cleaned

    def _rule_from_builder(self, cleaned, frequency):
        needed = {"weekday": "Choose the day of the week the committee meets"}
        if frequency == rules.Frequency.MONTHLY:
            needed["week"] = "Choose which week of the month the committee meets"
        if frequency == rules.Frequency.WEEKS:
            needed["interval"] = "Enter how many weeks apart the meetings are, for example 2"
        missing = {name: message for name, message in needed.items() if not cleaned.get(name)}
        for name, message in missing.items():
            if name not in self.errors:
                self.add_error(name, message)
        if missing or self.has_error("interval"):
            cleaned.pop("meeting_rule", None)  # the committee keeps its rule until it is fixed
            return
        cleaned["meeting_rule"] = rules.build(
            frequency=frequency,
            weekday=cleaned["weekday"],
            week=cleaned.get("week"),
            interval=cleaned.get("interval"),
        )

    def _rule_from_words(self, cleaned):
        if self.initial["frequency"] == IN_WORDS and "meeting_rule" not in self.changed_data:
            # The words shown for a stored rule may be more than the words box reads
            # ("… of January and July"): unchanged, the rule stays as it is.
            cleaned["meeting_rule"] = self.instance.meeting_rule
            return
        try:
            rule, at = rules.from_words(cleaned.get("meeting_rule", ""))
        except ValidationError as error:
            self.add_error("meeting_rule", error)
            return
        cleaned["meeting_rule"] = rule
        if at is None:
            return
        usual = cleaned.get("meeting_time")
        if "meeting_time" in self.changed_data and usual not in (None, at):
            self.add_error(
                "meeting_time",
                f"The rule in words says {times.in_words(at)}: make the usual time the same, "
                "or leave it as it was",
            )
        else:
            cleaned["meeting_time"] = at


class MeetingCreateForm(GDSFormMixin, forms.ModelForm):
    """A meeting the rule does not give: a one-off, or one that has already taken place."""

    submit_label = "Add the meeting"
    date = DateInputField(label="Date", help_text="For example, 29 1 2004")
    time = TimeField(label="Time (optional)", required=False)

    class Meta:
        model = Meeting
        fields = ["date", "time", "venue", "status"]
        widgets = {"status": forms.RadioSelect}
        help_texts = {"status": "Held, for a meeting that has already taken place"}
        error_messages = {
            "status": {"required": "Choose whether the meeting is scheduled, held or cancelled"}
        }

    def clean_date(self):
        day = self.cleaned_data["date"]
        committee = self.instance.committee
        # The form has no committee field, so the model's unique check would not run.
        if committee.meetings.filter(date=day).exists():
            raise ValidationError(
                f"The {committee} already has a meeting on {long_date(day)}. "
                "Choose another date, or open that meeting from the committee’s page"
            )
        return day

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("date")
        if cleaned.get("status") == Meeting.Status.HELD and day and day > timezone.localdate():
            self.add_error(
                "status", "A meeting after today cannot have been held yet: choose Scheduled"
            )
        return cleaned


class ScheduleMeetingsForm(GDSFormMixin, forms.Form):
    submit_label = "Schedule meetings"
    count = forms.IntegerField(
        label="How many meetings to schedule",
        min_value=1,
        max_value=MOST_MEETINGS_AT_ONCE,
        initial=6,
        help_text="The next dates the meeting rule gives, from today. Dates that already have "
        "a meeting are left as they are.",
        error_messages={
            "required": "Enter how many meetings to schedule",
            "invalid": "Enter a whole number, like 6",
            "min_value": f"Enter a number from 1 to {MOST_MEETINGS_AT_ONCE}",
            "max_value": f"Enter a number from 1 to {MOST_MEETINGS_AT_ONCE}",
        },
        widget=NUMBER_INPUT,
    )


class PartOfPageMixin:
    """A form rendered as one part of a bigger page form: no <form> tag and no button."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        # A formset adds the row's id, parent and "Remove" fields after the form is built.
        self.helper.render_unmentioned_fields = True
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.label_size = "s"
        self.helper.legend_size = "s"


class SharedChoices:
    """A select's options for every row of a page, fetched in one query: `queryset` is what a
    submitted value must be in, `choices` what is offered (the same rows). The <option>s are
    written once, not once a row: a council's options number in the hundreds."""

    def __init__(self, field):
        self.queryset = field.queryset
        # One plain query: the field's own choices would read through a server-side cursor.
        self.choices = [("", field.empty_label)] + [
            (str(row.pk), field.label_from_instance(row)) for row in field.queryset.all()
        ]
        self._options = [widgets.option(value, label) for value, label in self.choices]

    def get_choices(self):
        return self.choices

    def options_html(self, selected):
        """The <option>s, those whose value is in `selected` (a list of strings) selected."""
        return mark_safe(
            "".join(
                widgets.option(value, label, selected=True) if value in selected else option
                for (value, label), option in zip(self.choices, self._options, strict=True)
            )
        )


class Select(widgets.Select):
    """A select of `SharedChoices`: the options written once serve every row of the page.
    (Named Select, like its parent, for crispy-forms-gds.)"""

    def __init__(self, shared, attrs=None):
        super().__init__(attrs)
        self.shared = shared

    def options_html(self, choices, selected):
        return self.shared.options_html(selected)


class SharedChoicesMixin:
    """Formset forms take their select options from one list built once for the page,
    rather than each running the same query (`shared_choices`: field name -> SharedChoices).
    A value outside the list is refused, with the field's "invalid_choice" message."""

    def __init__(self, *args, shared_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, shared in (shared_choices or {}).items():
            field = self.fields[name]
            field.queryset = shared.queryset
            field.widget = Select(shared, attrs=field.widget.attrs)
            field.widget.is_required = field.required
            # A callable is not read until used: no work per row.
            field.choices = shared.get_choices


class MeetingForm(PartOfPageMixin, VersionedFormMixin, forms.ModelForm):
    time = TimeField(label="Time", required=False)

    class Meta:
        model = Meeting
        fields = ["status", "time", "venue", "attendees", "attendees_text", "apologies"]
        widgets = {
            "status": forms.RadioSelect,
            "attendees": forms.CheckboxSelectMultiple,
            "attendees_text": forms.Textarea(attrs={"rows": 3}),
            "apologies": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = self.instance
        self.fields["attendees"].queryset = Person.objects.filter(
            Q(committees=meeting.committee) | Q(meetings_attended=meeting)
        ).distinct()
        self.fields["attendees"].help_text = "The committee's members, and anyone minuted before"
        if meeting.status == Meeting.Status.SCHEDULED and not self.is_bound:
            # Minutes are written about a meeting that took place.
            self.initial["status"] = Meeting.Status.HELD


# Shown when a select's submitted value is not among those offered (see MinutesFormsets).
CHOOSE_REVIEW = "Choose a review from the list of reviews current at the time of the meeting"
CHOOSE_PERSON = "Choose a person from the list of people still active"


class MinuteItemForm(SharedChoicesMixin, PartOfPageMixin, forms.ModelForm):
    class Meta:
        model = MinuteItem
        fields = ["number", "heading", "review", "presented_by_post", "presented_by", "text"]
        widgets = {
            "number": NUMBER_INPUT,
            "text": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "number": {"required": "Enter the item's number"},
            "heading": {"required": "Enter the item's heading"},
            "review": {"invalid_choice": CHOOSE_REVIEW},
            "presented_by": {"invalid_choice": CHOOSE_PERSON},
            "text": {"required": "Enter the minute"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].validators.append(MaxValueValidator(999))

    def validate_unique(self):
        # The formset checks numbers across every item of the meeting, as they will be after
        # the save; a check against the stored items would refuse renumbering (5 -> 6 -> 7).
        pass


class RaisedRequestForm(SharedChoicesMixin, PartOfPageMixin, forms.ModelForm):
    class Meta:
        model = BoardRequest
        fields = ["asked_for", "asked_of", "asked_of_text", "due_meeting", "review"]
        widgets = {"asked_for": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "asked_for": {"required": "Enter what the committee asked for"},
            "asked_of": {"invalid_choice": CHOOSE_PERSON},
            "due_meeting": {
                "invalid_choice": "Choose a meeting from the list, or “The next meeting”"
            },
            "review": {"invalid_choice": CHOOSE_REVIEW},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        due = self.fields["due_meeting"]
        due.required = False
        due.empty_label = "The next meeting"
        due.help_text = "Leave as “The next meeting” for a report to the next meeting"

    def clean_due_meeting(self):
        due = self.cleaned_data["due_meeting"]
        if due is not None and "due_meeting" in self.changed_data:
            if due.status == Meeting.Status.CANCELLED:
                raise forms.ValidationError("That meeting is cancelled. Choose another meeting")
            if due.has_taken_place():
                raise forms.ValidationError(
                    f"The meeting on {long_date(due.date)} has already taken place. "
                    "Choose a later meeting"
                )
        return due

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("asked_of") and not cleaned.get("asked_of_text", "").strip():
            self.add_error("asked_of", "Choose whom the request was asked of, or enter their post")
        if "due_meeting" in cleaned and cleaned["due_meeting"] is None:
            self._check_next_meeting()
        return cleaned

    def _check_next_meeting(self):
        meeting = self.instance.raised_at
        found = meeting.next_meeting_date()
        if found is None:
            self.add_error(
                "due_meeting",
                f"The {meeting.committee} has no later meeting and no meeting rule. "
                "Choose the meeting the request is due at",
            )
            return
        day, existing = found
        if existing.has_taken_place() if existing else day < timezone.localdate():
            self.add_error(
                "due_meeting",
                f"The next meeting, on {long_date(day)}, has already taken place. "
                "Choose a later meeting",
            )


class DueRequestForm(PartOfPageMixin, forms.ModelForm):
    """What happened at this meeting to a request due at it (or carried forward to it)."""

    class Meta:
        model = BoardRequest
        fields = ["status", "answer"]
        widgets = {"status": forms.RadioSelect, "answer": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, meeting, **kwargs):
        self.meeting = meeting
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == BoardRequest.Status.ANSWERED:
            if not cleaned.get("answer", "").strip():
                self.add_error("answer", "Enter the answer the committee was given")
            if self.instance.answered_at_meeting_id is None:
                self.instance.answered_at_meeting = self.meeting
        elif status is not None:
            self.instance.answered_at_meeting = None
        return cleaned


class PageFormSetMixin:
    """A formset of the minutes page: rows are added by a button, not JavaScript, and each
    saved row has a "Remove this …" checkbox."""

    remove_label = "Remove"

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = self.remove_label

    def data_with_row_added(self, data):
        """A copy of the submitted `data` with one more (blank) row."""
        data = data.copy()
        count = self.total_form_count()
        data[f"{self.prefix}-TOTAL_FORMS"] = str(count + 1)
        data.update(self.new_row_data(count))
        return data

    def new_row_data(self, index):
        """What a new row starts with; it must equal the row's initial data, so an untouched
        row is still recognised as empty."""
        return {}


class MinuteItemFormSet(PageFormSetMixin, forms.BaseInlineFormSet):
    remove_label = "Remove this item"
    # Room for renumbering: a number being given up moves here first (numbers stop at 999).
    RENUMBERING_OFFSET = 1000

    def new_item_number(self, index):
        """New items are numbered on from the last saved one."""
        last = max((item.number for item in self.get_queryset()), default=0)
        return last + 1 + index - self.initial_form_count()

    def _construct_form(self, i, **kwargs):
        if i >= self.initial_form_count():
            kwargs["initial"] = {"number": self.new_item_number(i)}
        return super()._construct_form(i, **kwargs)

    def new_row_data(self, index):
        return {f"{self.prefix}-{index}-number": str(self.new_item_number(index))}

    def get_unique_error_message(self, unique_check):
        return "Give each item a different number"

    def get_form_error(self):
        return "Another item has this number"

    def save(self, commit=True):
        # Items may swap or shift numbers in one save: first move every number being given
        # up out of the way (queryset update: no history for the passing state).
        leaving = [
            form.instance.pk
            for form in self.initial_forms
            if form in self.deleted_forms or "number" in form.changed_data
        ]
        MinuteItem.objects.filter(pk__in=leaving).update(
            number=F("number") + self.RENUMBERING_OFFSET
        )
        return super().save(commit)


class RaisedRequestBaseFormSet(PageFormSetMixin, forms.BaseInlineFormSet):
    remove_label = "Remove this request"


ItemFormSet = forms.inlineformset_factory(
    Meeting,
    MinuteItem,
    form=MinuteItemForm,
    formset=MinuteItemFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)
RaisedRequestFormSet = forms.inlineformset_factory(
    Meeting,
    BoardRequest,
    form=RaisedRequestForm,
    formset=RaisedRequestBaseFormSet,
    fk_name="raised_at",
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)
DueRequestFormSet = forms.modelformset_factory(
    BoardRequest, form=DueRequestForm, extra=0, edit_only=True
)


class MinutesFormsets:
    """The formsets of the "write the minutes" page: items, requests raised, requests due."""

    # A request is due within this long of the meeting that raised it; keeps the list short.
    DUE_WITHIN = timedelta(days=400)

    def __init__(self, meeting, data=None, *, shared=None):
        self.meeting = meeting
        self.shared = shared = shared or self._shared_choices(meeting)
        self.items = ItemFormSet(
            data,
            instance=meeting,
            prefix="items",
            queryset=meeting.minute_items.order_by("number"),
            form_kwargs={
                "shared_choices": {"review": shared["reviews"], "presented_by": shared["people"]}
            },
        )
        self.requests = RaisedRequestFormSet(
            data,
            instance=meeting,
            prefix="requests",
            queryset=meeting.requests_raised.order_by("pk"),
            form_kwargs={
                "shared_choices": {
                    "review": shared["reviews"],
                    "asked_of": shared["people"],
                    "due_meeting": shared["meetings"],
                }
            },
        )
        self.due = DueRequestFormSet(
            data,
            prefix="due",
            queryset=BoardRequest.objects.due_at(meeting),
            form_kwargs={"meeting": meeting},
        )

    @staticmethod
    def _shared_choices(meeting):
        """What the selects offer: the reviews around the meeting's date, the active people,
        and the meetings a request may be due at; each with the values the saved rows hold."""
        items, raised = meeting.minute_items.all(), meeting.requests_raised.all()
        chosen_reviews = Q(pk__in=items.values("review")) | Q(pk__in=raised.values("review"))
        reviews = ReviewChoiceField(
            (Review.objects.around(meeting.date) | Review.objects.filter(chosen_reviews)).order_by(
                "-programme_year", "title"
            ),
            empty_label="None",
        )
        people = forms.ModelChoiceField(
            Person.objects.filter(
                Q(active=True)
                | Q(pk__in=items.values("presented_by"))
                | Q(pk__in=raised.values("asked_of"))
            ),
            empty_label="None",
        )
        due = forms.ModelChoiceField(
            Meeting.objects.filter(
                Q(date__gt=meeting.date, date__lte=meeting.date + MinutesFormsets.DUE_WITHIN)
                | Q(requests_due__raised_at=meeting)
            )
            .not_cancelled()
            .select_related("committee")
            .distinct()
            .order_by("date", "committee__name"),
            empty_label="The next meeting",
        )
        return {
            "reviews": SharedChoices(reviews),
            "people": SharedChoices(people),
            "meetings": SharedChoices(due),
        }

    @property
    def all(self):
        return [self.items, self.requests, self.due]

    def is_valid(self):
        return all(formset.is_valid() for formset in self.all)

    def with_row_added(self, which, data):
        """The same formsets, showing one more blank row of `which` ("items" or "requests"),
        with the keyboard's focus in it (autofocus: no JavaScript needed)."""
        added = MinutesFormsets(
            self.meeting, getattr(self, which).data_with_row_added(data), shared=self.shared
        )
        new_row = getattr(added, which).forms[-1]
        next(iter(new_row.fields.values())).widget.attrs["autofocus"] = True
        return added

    def save(self, *, next_meeting):
        """Save every part; `next_meeting()` gives the meeting for requests left "next"."""
        self.items.save()
        for request in self.requests.save(commit=False):
            if request.due_meeting_id is None:
                request.due_meeting = next_meeting()
            request.save()
        for request in self.requests.deleted_objects:
            request.delete()
        self.due.save()
