import pytest
from django.core.exceptions import ValidationError

from core import documents
from core.documents import MAX_SIZE
from tests.reviews import sample_files
from tests.reviews.sample_files import upload


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("vision.pdf", sample_files.PDF, "application/pdf"),
        ("VISION.PDF", sample_files.PDF, "application/pdf"),
        (
            "plan.docx",
            sample_files.docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "actions.xlsx",
            sample_files.xlsx(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("minutes.odt", sample_files.odt(), "application/vnd.oasis.opendocument.text"),
    ],
)
def test_each_allowed_kind_is_recognised_by_its_content(name, content, content_type):
    assert documents.identify(upload(name, content)).content_type == content_type


def test_an_exe_renamed_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        documents.identify(upload("report.pdf", sample_files.EXE))
    assert error.value.messages == [
        "The file is called .pdf but is not a real PDF. Upload a PDF, DOCX, ODT or XLSX file"
    ]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.xlsx", sample_files.docx()),  # a Word document renamed
        ("plan.docx", sample_files.xlsx()),
        ("notes.odt", sample_files._zip({"mimetype": "application/zip"})),
        ("notes.docx", b"PK\x03\x04 but not really a zip"),
        ("empty.pdf", b""),
    ],
)
def test_a_file_whose_content_does_not_match_its_name_is_refused(name, content):
    with pytest.raises(ValidationError) as error:
        documents.identify(upload(name, content))
    assert error.value.code == "content"


@pytest.mark.parametrize("name", ["setup.exe", "report", "table.csv", "old.doc"])
def test_other_kinds_of_file_are_refused_by_name(name):
    with pytest.raises(ValidationError) as error:
        documents.identify(upload(name, sample_files.PDF))
    assert error.value.messages == ["The file must be a PDF, DOCX, ODT or XLSX file"]


def test_a_file_over_20_mb_is_refused_with_its_size():
    big = upload("report.pdf", sample_files.PDF + b"\0" * (25 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        documents.identify(big)
    assert error.value.messages == ["The file must be 20 MB or smaller (this one is 25.0 MB)"]


def test_a_file_of_exactly_20_mb_is_accepted():
    exact = upload("report.pdf", sample_files.PDF + b"\0" * (MAX_SIZE - len(sample_files.PDF)))
    assert documents.identify(exact) is documents.PDF


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("文" * 90 + ".pdf", "document.pdf"),  # 270 bytes of name, over the filesystem's 255
        ("Café Réport 2004 (final).PDF", "cafe-report-2004-final.pdf"),
        ("a" * 300 + ".docx", "a" * 100 + ".docx"),
        ("Plan 文 v2.xlsx", "plan-v2.xlsx"),
        ("setup.exe", "setup"),
    ],
)
def test_an_upload_is_stored_under_a_short_ascii_name_with_its_extension(name, stored):
    assert documents.stored_name(name) == stored
