import pytest
from django.conf import settings
from django.db import connection

from organisation import roles
from tests.factories import PersonFactory, UserFactory


def pytest_report_header(config):
    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({db.get('HOST') or db['NAME']})"


def pytest_sessionstart(session):
    # Say which database the run used, in the summary too (CI logs are read from the end).
    session.config._bestvalue_vendor = connection.vendor


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    vendor = getattr(config, "_bestvalue_vendor", "unknown")
    terminalreporter.write_line(f"Tests ran against the {vendor} database.")


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db):
    """make_user(role, person=None, **fields) -> a signed-in-able user of that role."""

    def make(role, person=None, **fields):
        user = UserFactory(role=role, is_staff=role == roles.ADMINISTRATOR, **fields)
        if person is not None:
            person.user = user
            person.save()
        return user

    return make


@pytest.fixture
def administrator(make_user):
    return make_user(roles.ADMINISTRATOR)


@pytest.fixture
def bv_officer(make_user):
    return make_user(roles.BEST_VALUE_OFFICER, person=PersonFactory())


@pytest.fixture
def review_officer(make_user):
    return make_user(roles.REVIEW_OFFICER, person=PersonFactory())


@pytest.fixture
def member(make_user):
    return make_user(roles.MEMBER)


@pytest.fixture
def exempt_member(make_user):
    return make_user(roles.MEMBER_EXEMPT)
