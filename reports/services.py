"""Creating, issuing and correcting committee reports, and which committees use a house style:
each an atomic change of the records."""

import hashlib
import io

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from pypdf import PdfWriter

from core.report_layout import render_report_pdf
from reports import kinds
from reports.models import ITEM_NUMBER_TAKEN, CommitteeReport, CommitteeStyle, HouseStyle


def create_report(report):
    """Save a new draft with every field the records can give already filled in, in its
    committee's usual house style unless it has chosen another."""
    if report.house_style_id is None:
        report.house_style = HouseStyle.objects.default_for(report.committee)
    kinds.prefill(report)
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def use_for_committees(style, committees):
    """Make `style` the usual house style of exactly `committees`. A committee ticked here
    leaves its old style; one left out has none until a style takes it. Saved one by one,
    so each change is in the history."""
    current = {
        held.committee_id: held
        for held in CommitteeStyle.objects.select_for_update().filter(
            Q(house_style=style) | Q(committee__in=committees)
        )
    }
    wanted = {committee.pk for committee in committees}
    for committee_id, held in current.items():
        if committee_id not in wanted:
            held.delete()
        elif held.house_style_id != style.pk:
            held.house_style = style
            held.save()
    for committee in committees:
        if committee.pk not in current:
            CommitteeStyle.objects.create(committee=committee, house_style=style)


def missing_before_issue(report):
    """What an officer must fill in before Members can be sent the report."""
    missing = []
    if report.meeting_id is None:
        missing.append(("meeting", "Choose the meeting that will receive the report"))
    if report.item_number is None:
        missing.append(("item_number", "Enter the report's item number on the agenda"))
    elif report.item_number_taken():
        missing.append(
            (
                "item_number",
                f"Item {report.item_number} is already an issued report at this meeting: "
                "choose another item number",
            )
        )
    if report.contact_officer_id is None:
        missing.append(("contact_officer", "Choose the contact officer"))
    if not report.narrative.strip():
        missing.append(("narrative", "Write the report's sections"))
    return missing


@transaction.atomic
def issue_report(report, *, by, expected_version):
    """Render the PDF once and keep its bytes and SHA-256: what Members get never changes."""
    locked = CommitteeReport.locked(report.pk, expected_version)
    if locked.is_issued:
        return locked
    if locked.supersedes_id:
        # Saved, not updated in bulk, so the change is in its history.
        previous = CommitteeReport.objects.select_for_update().get(pk=locked.supersedes_id)
        previous.status = CommitteeReport.Status.SUPERSEDED
        previous.save(update_fields=["status"])
    pdf = render_report_pdf(kinds.layout(locked))
    locked.pdf = pdf
    locked.sha256 = hashlib.sha256(pdf).hexdigest()
    locked.status = CommitteeReport.Status.ISSUED
    locked.issued_by = by
    locked.issued_at = timezone.now()
    locked.version += 1
    locked.full_clean()
    try:
        with transaction.atomic():
            locked.save()
    except IntegrityError:  # another report took the item number since full_clean looked
        raise ValidationError(ITEM_NUMBER_TAKEN) from None
    return locked


@transaction.atomic
def correct_report(report):
    """A new draft copying an issued report, to correct it; the issued one stays as it was."""
    issued = CommitteeReport.objects.select_for_update().get(pk=report.pk)
    if hasattr(issued, "superseded_by"):
        return issued.superseded_by
    wards = list(issued.wards.all())
    draft = CommitteeReport.objects.get(pk=issued.pk)
    draft.pk = None
    draft._state.adding = True
    draft.status = CommitteeReport.Status.DRAFT
    draft.pdf, draft.sha256, draft.issued_by, draft.issued_at = None, "", None, None
    draft.version = 1
    draft.supersedes = issued
    draft.created_at = timezone.now()
    draft.save()
    draft.wards.set(wards)
    return draft


def agenda_pack(agenda):
    """One PDF of a meeting's issued reports, in item order."""
    writer = PdfWriter()
    for report in agenda:
        writer.append(io.BytesIO(bytes(report.pdf)))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
