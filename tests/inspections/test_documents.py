import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from inspections.documents import document_kind, validate_document


def package(**members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name.replace("__", "/"), content)
    return buffer.getvalue()


DOCX = package(**{"[Content_Types].xml": "<x/>", "word__document.xml": "<w/>"})
XLSX = package(**{"[Content_Types].xml": "<x/>", "xl__workbook.xml": "<w/>"})
ODT = package(mimetype="application/vnd.oasis.opendocument.text", **{"content.xml": "<o/>"})
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("report.pdf", PDF, "pdf"),
        ("report.docx", DOCX, "docx"),
        ("figures.xlsx", XLSX, "xlsx"),
        ("report.odt", ODT, "odt"),
        ("misnamed.txt", PDF, "pdf"),  # the content decides, not the name
    ],
)
def test_documents_are_recognised_by_their_content(name, content, kind):
    upload = SimpleUploadedFile(name, content)
    assert document_kind(upload) == kind
    assert upload.tell() == 0


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00 an executable",
        b"plain text pretending",
        package(**{"notes.txt": "a zip that is no office document"}),
        b"PK\x03\x04 but not really a zip",
    ],
)
def test_other_files_are_refused_whatever_their_name(content):
    with pytest.raises(ValidationError, match="must be a PDF, DOCX, ODT or XLSX document"):
        validate_document(SimpleUploadedFile("report.pdf", content))


def test_a_file_over_20_mb_is_refused():
    upload = SimpleUploadedFile("big.pdf", PDF)
    upload.size = 20 * 1024 * 1024 + 1
    with pytest.raises(ValidationError, match="must be 20 MB or smaller"):
        validate_document(upload)


def test_an_accepted_document_gets_its_content_type():
    assert validate_document(SimpleUploadedFile("r.pdf", PDF)) == "application/pdf"
