"""Creating, issuing and correcting committee reports: each an atomic change of the record."""

import hashlib
import io

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from pypdf import PdfWriter

from core.report_layout import render_report_pdf
from reports import kinds
from reports.models import ITEM_NUMBER_TAKEN, CommitteeReport


def create_report(report):
    """Save a new draft with every field the records can give already filled in."""
    kinds.prefill(report)
    report.full_clean()
    report.save()
    return report


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
