"""What an uploaded document (a review's or an inspection's) may be: PDF, DOCX, ODT or
XLSX, at most 20 MB, known by its content.

A file's name is only a claim. The content decides: a PDF starts with "%PDF-"; DOCX, XLSX and
ODT are ZIP archives whose member names (`word/`, `xl/`) or `mimetype` member say which.

The name is kept as uploaded, to show and to download under, but the file is stored under a
short ASCII name (`stored_name`).
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.text import slugify

MB = 1024 * 1024
MAX_SIZE = 20 * MB
ALLOWED = "PDF, DOCX, ODT or XLSX"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
STORED_STEM_LENGTH = 100


@dataclass(frozen=True)
class DocumentType:
    extension: str
    name: str
    content_type: str


PDF = DocumentType(".pdf", "PDF", "application/pdf")
DOCX = DocumentType(
    ".docx",
    "Word document (DOCX)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
XLSX = DocumentType(
    ".xlsx",
    "Excel spreadsheet (XLSX)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
ODT = DocumentType(".odt", "OpenDocument text (ODT)", ODT_MIMETYPE.decode())
TYPES = {kind.extension: kind for kind in (PDF, DOCX, XLSX, ODT)}


def identify(file) -> DocumentType:
    """The type of an uploaded file, checked by name, size and content.

    Raises ValidationError with a message that tells the officer what to upload instead.
    """
    extension = PurePath(file.name).suffix.lower()
    claimed = TYPES.get(extension)
    if claimed is None:
        raise ValidationError(f"The file must be a {ALLOWED} file", code="extension")
    if file.size > MAX_SIZE:
        raise ValidationError(
            f"The file must be 20 MB or smaller (this one is {file.size / MB:.1f} MB)",
            code="size",
        )
    if _content_type(file) != claimed:
        raise ValidationError(
            f"The file is called {extension} but is not a real {claimed.name}. "
            f"Upload a {ALLOWED} file",
            code="content",
        )
    return claimed


def stored_name(filename):
    """The name an upload is stored under: its name as ASCII letters, digits and dashes, at most
    100 of them ("document" if none are left), then its extension.

    One byte a character, so far inside the filesystem's 255-byte limit that a long name in a
    script of three bytes a character (90 CJK characters are 270 bytes) passes.
    """
    path = PurePath(filename)
    stem = slugify(path.stem)[:STORED_STEM_LENGTH].strip("-_") or "document"
    extension = path.suffix.lower()
    return stem + extension if extension in TYPES else stem


def _content_type(file) -> DocumentType | None:
    file.seek(0)
    head = file.read(5)
    file.seek(0)
    if head == b"%PDF-":
        return PDF
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if any(name.startswith("word/") for name in names):
                return DOCX
            if any(name.startswith("xl/") for name in names):
                return XLSX
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    if member.read(len(ODT_MIMETYPE) + 1).strip() == ODT_MIMETYPE:
                        return ODT
    except (zipfile.BadZipFile, OSError):
        return None
    finally:
        file.seek(0)
    return None
