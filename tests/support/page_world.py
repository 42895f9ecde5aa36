"""Everyone around two applications, for the page tests: one with the appraisal council, one draft.

Built with the support factories; plain functions, no fixtures."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.test import Client

from accounts.models import Role, User
from plans.models import Unit
from support.choices import Status
from support.models import Application
from tests.accounts.factories import make_user
from tests.support.factories import People, advance, make_application, province, scenario

# Everyone a page is tried with; "anonymous" is nobody signed in.
ROLES = (
    "member",  # member of the applications' enterprise
    "other_member",  # member of another enterprise of the same province
    "staff",  # Kon Tum's staff
    "leader",  # Kon Tum's leader
    "successor_staff",  # staff of Quảng Ngãi (2025), into which Kon Tum was merged
    "other_staff",  # staff of Hòa Bình
    "other_leader",  # leader of Hòa Bình
    "council",  # member of the council the application is assigned to
    "other_council",  # council member in Kon Tum, on another council
    "ministry",
    "reporter",  # a unit reporter of Kon Tum
    "anonymous",
)


@dataclass
class World:
    app: Application  # with the council (council review)
    draft: Application
    people: People
    users: dict[str, User | None] = field(default_factory=dict)

    def client(self, role: str) -> Client:
        client = Client()
        if self.users[role] is not None:
            client.force_login(self.users[role])
        return client


def make_world(*, state: str = Status.COUNCIL_REVIEW) -> World:
    app, people = scenario()
    draft = make_application(member=people.member, enterprise=app.enterprise, rule=app.rule)
    app = advance(app, state, people)
    kon_tum = province("kon-tum")
    unit = Unit.objects.create(province=kon_tum, name="Sở Công Thương tỉnh Kon Tum")
    users = {
        "member": people.member,
        "other_member": people.other_member,
        "staff": people.staff,
        "leader": people.leader,
        "successor_staff": make_user(role=Role.PROVINCE_STAFF, province=province("quang-ngai-2025")),
        "other_staff": people.other_staff,
        "other_leader": make_user(role=Role.PROVINCE_LEADER, province=province("hoa-binh")),
        "council": people.council_member,
        "other_council": people.other_council_member,
        "ministry": people.ministry,
        "reporter": make_user(role=Role.UNIT_REPORTER, unit=unit),
        "anonymous": None,
    }
    return World(app=app, draft=draft, people=people, users=users)


def statuses_by_role(world: World, request, expected: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Call ``request(client)`` as each role; return {role: (got, expected)} where they differ."""
    wrong = {}
    for role in ROLES:
        response = request(world.client(role))
        if response.status_code != expected[role]:
            wrong[role] = (response.status_code, expected[role])
    return wrong


# Expected answers, by role, for the pages of an application assigned to a council.
VIEW = {
    "member": 200,
    "other_member": 404,
    "staff": 200,
    "leader": 200,
    "successor_staff": 200,
    "other_staff": 404,
    "other_leader": 404,
    "council": 200,
    "other_council": 404,
    "ministry": 200,
    "reporter": 404,
    "anonymous": 302,
}
# Actions of the province's staff: whoever sees the application but is not its staff gets 403.
STAFF_ACTION = {**VIEW, "member": 403, "council": 403, "ministry": 403}
# Actions of the enterprise.
ENTERPRISE_ACTION = {**VIEW, "staff": 403, "leader": 403, "successor_staff": 403, "council": 403, "ministry": 403}
# Actions both the enterprise and the staff may do.
SHARED_ACTION = {**VIEW, "council": 403, "ministry": 403}
# Actions of the assigned council's members.
COUNCIL_ACTION = {**VIEW, "member": 403, "staff": 403, "leader": 403, "successor_staff": 403, "ministry": 403}
