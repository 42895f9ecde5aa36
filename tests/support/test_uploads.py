"""Documents of the dossier: private storage, type checked by extension and content, size limit."""

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from support import selectors, services
from support.choices import Status
from support.models import Attachment
from tests.support.factories import PDF, advance, scenario

pytestmark = pytest.mark.django_db

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def _files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _office(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}/document.xml", "<w:document/>")
    return buffer.getvalue()


def _upload(app, by, name: str, content: bytes, kind=Attachment.Kind.QUOTATION):
    return services.attachment_upload(
        application=app, by=by, kind=kind, file=SimpleUploadedFile(name, content, content_type="application/pdf")
    )


@pytest.fixture
def draft():
    app, people = scenario()
    return app, people, Attachment.objects.count(), len(_files())


def _nothing_stored(app, before_rows: int, before_files: int) -> None:
    assert Attachment.objects.count() == before_rows
    assert len(_files()) == before_files


def test_an_exe_renamed_pdf_is_refused_by_its_content(draft):
    app, people, rows, files = draft
    with pytest.raises(ValidationError) as caught:
        _upload(app, people.member, "bao-gia.pdf", EXE)
    assert caught.value.message_dict["file"] == ["Nội dung tệp không phải là tài liệu PDF, dù tên tệp ghi như vậy."]
    _nothing_stored(app, rows, files)


def test_an_executable_extension_is_refused(draft):
    app, people, rows, files = draft
    with pytest.raises(ValidationError) as caught:
        _upload(app, people.member, "setup.exe", EXE)
    assert caught.value.message_dict["file"] == ["Chỉ nhận tệp PDF, DOCX, XLSX, JPG và PNG."]
    _nothing_stored(app, rows, files)


def test_a_file_above_10_mb_is_refused(draft):
    app, people, rows, files = draft
    with pytest.raises(ValidationError) as caught:
        _upload(app, people.member, "thuyet-minh.pdf", PDF + b"0" * (10 * 1024 * 1024 + 1 - len(PDF)))
    assert caught.value.message_dict["file"] == ["Tệp lớn hơn 10 MB."]
    _nothing_stored(app, rows, files)


def test_a_file_of_exactly_10_mb_is_accepted(draft):
    app, people, rows, _files_before = draft
    _upload(app, people.member, "thuyet-minh.pdf", PDF + b"0" * (10 * 1024 * 1024 - len(PDF)))
    assert Attachment.objects.count() == rows + 1


def test_an_empty_file_is_refused(draft):
    app, people, rows, files = draft
    with pytest.raises(ValidationError, match="Tệp rỗng"):
        _upload(app, people.member, "rong.pdf", b"")
    _nothing_stored(app, rows, files)


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("bang-du-toan.xlsx", _office("xl"), True),
        ("thuyet-minh.docx", _office("word"), True),
        ("thuyet-minh.docx", _office("xl"), False),  # a spreadsheet named .docx
        ("thuyet-minh.docx", b"PK\x03\x04not really a zip", False),
        ("anh-chup.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, True),
        ("anh-chup.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, True),
        ("anh-chup.JPEG", b"\xff\xd8\xff\xe0" + b"\x00" * 20, True),
        ("anh-chup.png", b"\xff\xd8\xff\xe0" + b"\x00" * 20, False),  # a JPEG named .png
    ],
)
def test_office_files_and_images_are_checked_by_content(draft, name, content, accepted):
    app, people, rows, files = draft
    if accepted:
        _upload(app, people.member, name, content)
        assert Attachment.objects.count() == rows + 1
    else:
        with pytest.raises(ValidationError, match="Nội dung tệp không phải"):
            _upload(app, people.member, name, content)
        _nothing_stored(app, rows, files)


def test_a_document_is_stored_privately_under_a_name_the_portal_chose_with_its_checksum(draft):
    app, people, _rows, _files_before = draft
    attachment = _upload(app, people.member, "../../báo giá.pdf", PDF)
    path = Path(attachment.file.path)
    private = Path(settings.MEDIA_ROOT) / "private"
    assert private in path.parents
    assert path.read_bytes() == PDF
    assert attachment.file.name.startswith(f"applications/{app.pk}/")
    assert "báo" not in attachment.file.name
    assert attachment.original_name == "báo giá.pdf"
    assert attachment.sha256 == hashlib.sha256(PDF).hexdigest()
    assert (attachment.size, attachment.content_type, attachment.uploaded_by) == (
        len(PDF),
        "application/pdf",
        people.member,
    )
    with pytest.raises(ValueError, match="no URL"):
        attachment.file.url  # noqa: B018 - never served by a URL of its own


def test_a_document_follows_its_application_for_downloads(draft):
    app, people, _rows, _files_before = draft
    attachment = _upload(app, people.member, "bao-gia.pdf", PDF)
    for user in (people.member, people.staff, people.ministry):
        assert selectors.attachment_for_download(user=user, pk=attachment.pk) == attachment
    for user in (people.other_member, people.other_staff, people.council_member):
        with pytest.raises(Http404):
            selectors.attachment_for_download(user=user, pk=attachment.pk)


def test_another_enterprise_cannot_upload_to_an_application(draft):
    app, people, rows, files = draft
    with pytest.raises(Http404):
        _upload(app, people.other_member, "bao-gia.pdf", PDF)
    _nothing_stored(app, rows, files)


def test_no_documents_once_the_application_is_closed(draft):
    app, people, rows, files = draft
    app = advance(app, "submitted", people)
    services.application_transition(application=app, transition="withdraw", by=people.member)
    assert Attachment.objects.first().application.status == Status.WITHDRAWN
    with pytest.raises(ValidationError, match="đã rút"):
        _upload(app, people.member, "bao-gia.pdf", PDF)
    _nothing_stored(app, rows, files)
