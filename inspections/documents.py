"""Checking an uploaded document by what it contains, not by what its name says it is."""

import zipfile

from django.core.exceptions import ValidationError

from inspections.models import DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_SIZE

# A member that only that kind of Office Open XML package has.
OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}
ODT_MIMETYPE = DOCUMENT_CONTENT_TYPES["odt"].encode()


def document_kind(upload):
    """ "pdf", "docx", "odt" or "xlsx" from the file's content; None for anything else."""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
            if "mimetype" in names and package.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
            return next((kind for part, kind in OOXML_PARTS.items() if part in names), None)
    except zipfile.BadZipFile:
        return None
    finally:
        upload.seek(0)


def validate_document(upload):
    """The content type of an acceptable upload; ValidationError if too big or not a document."""
    if upload.size > DOCUMENT_MAX_SIZE:
        raise ValidationError("The selected file must be 20 MB or smaller", code="too_big")
    kind = document_kind(upload)
    if kind is None:
        raise ValidationError(
            "The selected file must be a PDF, DOCX, ODT or XLSX document", code="wrong_type"
        )
    return DOCUMENT_CONTENT_TYPES[kind]
