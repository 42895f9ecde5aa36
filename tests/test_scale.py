"""The national-scale generator (support.scale, ``manage.py generate_scale_data``) at a small scale: two provinces
of 2021-2025 (Hà Nội, not merged, and Hà Giang, merged into Tuyên Quang on 1 July 2025), 200 enterprises and 600
applications. The data must be what the portal itself would have written."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum
from stdnum.vn import mst

from accounts.models import AuditEntry, Membership, Role, User
from enterprises.models import Enterprise
from plans.models import Plan, Province
from support import scale
from support.choices import Status
from support.models import (
    Acceptance,
    Application,
    ApplicationEvent,
    Attachment,
    BudgetAllocation,
    Contract,
    Council,
    Decision,
    Payment,
    Review,
    SupportPolicy,
)
from support.workflow import REQUIRED_DOCUMENTS, TRANSITIONS_BY_NAME, quote_application
from tests.accounts.factories import make_user

AS_OF = dt.date(2026, 11, 20)
MERGER = dt.date(2025, 7, 1)
SMALL = scale.ScaleOptions(provinces=2, enterprises=200, applications=600, seed=7, as_of=AS_OF)


def _quiet(message: str) -> None:
    pass


@pytest.fixture(scope="class")
def world(django_db_setup, django_db_blocker):
    """The small world, generated once for the tests of ``TestSmallWorld`` and rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        result = scale.generate(SMALL, log=_quiet)
        connection.check_constraints()  # foreign keys are deferred: check them before the tests read
        yield result
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


class TestSmallWorld:
    def test_generates_the_provinces_asked_for_and_their_successor(self, world):
        keys = set(Plan.objects.values_list("province__key", flat=True))
        assert keys == {"ha-noi", "ha-giang", "tuyen-quang-2025"}
        assert world.counts["support.Application"] == 600
        assert world.counts["enterprises.Enterprise"] == 200

    def test_every_state_of_the_workflow_is_present(self, world):
        present = set(Application.objects.values_list("status", flat=True))
        assert present == set(Status.values)

    def test_tax_codes_are_valid_and_unique(self, world):
        codes = list(Enterprise.objects.values_list("tax_code", flat=True))
        assert len(codes) == len(set(codes)) == 200
        assert all(mst.is_valid(code) and len(code) == 10 for code in codes)

    def test_amounts_follow_the_money_rules(self, world):
        apps = Application.objects.all()
        assert not apps.filter(approved_amount__gt=F("max_support")).exists()
        assert not apps.filter(final_amount__gt=F("approved_amount")).exists()
        assert not apps.filter(paid_total__gt=F("final_amount")).exists()
        assert not apps.filter(status=Status.DRAFT, max_support__isnull=False).exists()
        # Paid applications are paid in full, accepted ones at most in part; payments add up to paid_total.
        assert not apps.filter(status=Status.PAID).exclude(paid_total=F("final_amount")).exists()
        assert not apps.filter(status=Status.ACCEPTED, paid_total__gte=F("final_amount")).exists()
        sums = dict(
            Payment.objects.values("application_id").annotate(s=Sum("amount")).values_list("application_id", "s")
        )
        for app_id, paid in apps.filter(paid_total__gt=0).values_list("pk", "paid_total"):
            assert sums[app_id] == paid
        assert not apps.filter(paid_total=0, payments__isnull=False).exists()

    def test_maximum_and_final_support_are_what_the_quote_gives(self, world):
        """The stored amounts are those support.quote computes from the cost lines (estimated, then actual)."""
        submitted = Application.objects.filter(max_support__isnull=False).prefetch_related(
            "cost_items", "rule__cost_kinds"
        )
        checked = 0
        for app in submitted.select_related("rule").order_by("pk")[:150]:
            assert app.max_support == quote_application(app).support
            if app.final_amount is not None:
                assert app.final_amount == min(quote_application(app, actual=True).support, app.approved_amount)
                assert app.acceptance.final_amount == app.final_amount
            checked += 1
        assert checked == 150

    def test_records_match_the_states(self, world):
        approved_or_later = [
            Status.APPROVED,
            Status.CONTRACTED,
            Status.IMPLEMENTING,
            Status.ACCEPTANCE,
            Status.ACCEPTED,
            Status.PAID,
            Status.CANCELLED,
        ]
        assert Decision.objects.count() == Application.objects.filter(status__in=approved_or_later).count()
        assert not Application.objects.filter(status__in=approved_or_later, decision__isnull=True).exists()
        assert (
            Acceptance.objects.count() == Application.objects.filter(status__in=[Status.ACCEPTED, Status.PAID]).count()
        )
        assert not Application.objects.filter(
            status__in=[Status.CONTRACTED, Status.IMPLEMENTING, Status.ACCEPTANCE, Status.ACCEPTED, Status.PAID],
            contract__isnull=True,
        ).exists()
        assert Decision.objects.filter(approved_amount=F("application__approved_amount")).count() == (
            Decision.objects.count()
        )
        # Every submitted dossier has the required documents; every application 2-5 cost lines.
        for kind in REQUIRED_DOCUMENTS:
            assert not Application.objects.filter(submitted_at__isnull=False).exclude(attachments__kind=kind).exists()
        lines = Counter(Application.objects.annotate(n=Count("cost_items")).values_list("n", flat=True))
        assert set(lines) <= {2, 3, 4, 5}
        assert Attachment.objects.filter(file__startswith="applications/").count() == Attachment.objects.count()

    def test_events_walk_the_workflow_and_each_has_an_audit_row(self, world):
        events: dict[int, list[ApplicationEvent]] = {}
        for event in ApplicationEvent.objects.order_by("application_id", "at", "pk"):
            events.setdefault(event.application_id, []).append(event)
        for app_id, status, created in Application.objects.values_list("pk", "status", "created_at"):
            state, last = Status.DRAFT, created
            for event in events.get(app_id, []):
                spec = TRANSITIONS_BY_NAME[event.transition]
                assert event.from_status == state and state in spec.sources, (app_id, event.transition)
                assert event.to_status == spec.target
                assert event.at > last
                state, last = spec.target, event.at
            assert state == status
            assert last <= dt.datetime(2026, 11, 20, tzinfo=dt.UTC)
        transitions = AuditEntry.objects.filter(action=AuditEntry.Action.TRANSITION, content_type__model="application")
        assert transitions.count() == ApplicationEvent.objects.count()

    def test_council_decisions_rest_on_reviews(self, world):
        decided = Application.objects.filter(events__transition__in=["approve"]).distinct()
        for app in decided.filter(council__isnull=False):
            assert app.reviews.filter(conflict_of_interest=False).exists()
        assert not Application.objects.filter(events__transition="send_to_council", council__isnull=True).exists()
        members = Review.objects.values_list("member__council_id", "application__council_id")
        assert all(a == b for a, b in members)
        for council in Council.objects.all():
            users = set(council.members.values_list("user_id", flat=True))
            seats = set(
                Membership.objects.filter(role=Role.COUNCIL_MEMBER, province_id=council.province_id).values_list(
                    "user_id", flat=True
                )
            )
            assert users <= seats

    def test_allocations_are_never_overspent_and_match_the_applications(self, world):
        for allocation in BudgetAllocation.objects.all():
            assert 0 <= allocation.disbursed <= allocation.committed <= allocation.amount
            apps = Application.objects.filter(allocation=allocation)
            committed = 0
            for status, approved, final, paid in apps.values_list(
                "status", "approved_amount", "final_amount", "paid_total"
            ):
                if status in (Status.APPROVED, Status.CONTRACTED, Status.IMPLEMENTING, Status.ACCEPTANCE):
                    committed += approved
                elif status in (Status.ACCEPTED, Status.PAID):
                    committed += final
                else:
                    assert status == Status.CANCELLED
                    committed += paid
            assert allocation.committed == committed
            assert allocation.disbursed == (apps.aggregate(s=Sum("paid_total"))["s"] or 0)
            assert all(a.budget_year == allocation.year for a in apps.only("budget_year"))
        assert BudgetAllocation.objects.filter(committed__gt=0).exists()
        # Applications approved or later take their allocation; the others none.
        assert not Application.objects.filter(decision__isnull=False, allocation__isnull=True).exists()
        assert not Application.objects.filter(decision__isnull=True, allocation__isnull=False).exists()

    def test_lineage_across_the_merger(self, world):
        """Before 1 July 2025 an application belongs to the province of the time; from then on to the successor.
        Policies, councils and plans exist only while their province does."""
        ha_giang = Province.objects.get(key="ha-giang")
        tuyen_quang = Province.objects.get(key="tuyen-quang-2025")
        for app in Application.objects.select_related("province", "enterprise__province", "rule__policy"):
            day = app.created_at.date()
            province = app.province
            if day < MERGER:
                assert province.valid_to is None or day <= province.valid_to
                assert province.valid_from is None
            else:
                assert province.valid_to is None
            assert app.enterprise.province_id in (province.pk, *province.predecessors.values_list("pk", flat=True))
            policy = app.rule.policy
            assert policy.province_id == province.pk
            assert policy.effective_from <= day and (policy.effective_to is None or day <= policy.effective_to)
        assert Application.objects.filter(province=ha_giang).exists()
        assert Application.objects.filter(province=tuyen_quang, enterprise__province=ha_giang).exists()
        assert not SupportPolicy.objects.filter(province=ha_giang, effective_to__gt=dt.date(2025, 6, 30)).exists()
        assert not SupportPolicy.objects.filter(province=tuyen_quang, effective_from__lt=MERGER).exists()
        assert not Council.objects.filter(province=ha_giang, year__gt=2025).exists()
        assert not Council.objects.filter(province=tuyen_quang, year__lt=2025).exists()
        assert not Enterprise.objects.filter(province=ha_giang, created_at__date__gte=MERGER).exists()

    def test_a_long_appendix_of_enterprises_is_printed_one_line_each(self, world):
        """A large province's annual report lists every supported enterprise; past 200 it does so one line per
        enterprise (a table row costs WeasyPrint ten times a line: 1,700 rows took 24 s, lines 4 s)."""
        from reporting import render_pdf, services, snapshot
        from reporting.models import Report, ReportVersion

        plan = Plan.objects.get(province__key="ha-noi")
        staff = User.objects.filter(memberships__role=Role.PROVINCE_STAFF, memberships__province=plan.province).first()
        report = services.report_create(by=staff, plan=plan, kind=Report.Kind.ANNUAL, start_year=2024)
        snap = snapshot.report_snapshot(report=report, version=ReportVersion(report=report, number=1))
        few = snap["figures"]["enterprises"]
        assert 0 < len(few) <= 200
        html = render_pdf.report_html(snap)
        assert 'class="grid enterprises"' in html and 'class="annex-line"' not in html
        snap["figures"]["enterprises"] = (few * (201 // len(few) + 1))[:201]
        html = render_pdf.report_html(snap)
        assert 'class="grid enterprises"' not in html
        assert html.count('class="annex-line"') == 201
        assert f"201. {few[(201 - 1) % len(few)]['name']}" in html

    def test_generated_accounts_sign_in_with_the_published_password(self, world, client):
        user = User.objects.filter(memberships__role=Role.PROVINCE_STAFF).order_by("pk").first()
        assert user.is_demo and user.email.endswith("@scale.nscl.invalid")
        assert user.check_password(scale.SCALE_PASSWORD)

    def test_the_marker_records_the_options_and_counts(self, world):
        mark = scale.marker()
        assert mark["options"]["applications"] == 600
        assert mark["counts"]["support.Application"] == 600
        assert scale.foreign_data() == {}


def _summary() -> dict:
    return {
        "counts": {
            "applications": Application.objects.count(),
            "events": ApplicationEvent.objects.count(),
            "payments": Payment.objects.count(),
            "enterprises": Enterprise.objects.count(),
            "contracts": Contract.objects.count(),
        },
        "statuses": dict(Counter(Application.objects.values_list("status", flat=True))),
        "sums": Application.objects.aggregate(
            maximum=Sum("max_support"),
            approved=Sum("approved_amount"),
            final=Sum("final_amount"),
            paid=Sum("paid_total"),
        ),
        "allocated": BudgetAllocation.objects.aggregate(s=Sum("amount"))["s"],
        "tax_codes": sorted(Enterprise.objects.values_list("tax_code", flat=True))[:20],
    }


def test_the_same_seed_gives_the_same_data_and_replaces_the_earlier_data():
    options = scale.ScaleOptions(provinces=1, enterprises=60, applications=150, seed=11, as_of=AS_OF)
    first = scale.generate(options, log=_quiet)
    summary = _summary()
    second = scale.generate(options, log=_quiet)
    assert not first.cleared and second.cleared
    assert _summary() == summary
    assert Application.objects.count() == 150  # replaced, not added
    scale.generate(scale.ScaleOptions(provinces=1, enterprises=60, applications=150, seed=12, as_of=AS_OF), log=_quiet)
    assert _summary()["sums"] != summary["sums"]


def test_refuses_a_database_with_real_data():
    make_user(role=Role.MINISTRY, email="chuyenvien@most.gov.vn")
    options = scale.ScaleOptions(provinces=1, enterprises=20, applications=10, seed=1, as_of=AS_OF)
    with pytest.raises(scale.ScaleError, match="did not write"):
        scale.generate(options, log=_quiet)
    assert not Application.objects.exists() and not Enterprise.objects.exists()
    with pytest.raises(CommandError, match="did not write"):
        call_command("generate_scale_data", "--provinces", "1", "--enterprises", "20", "--applications", "10")
    assert User.objects.count() == 1


def test_force_adds_beside_real_data():
    real = make_user(role=Role.MINISTRY, email="chuyenvien@most.gov.vn")
    options = scale.ScaleOptions(provinces=1, enterprises=20, applications=10, seed=1, as_of=AS_OF, force=True)
    scale.generate(options, log=_quiet)
    assert User.objects.filter(pk=real.pk).exists()
    assert Application.objects.count() == 10
    assert scale.foreign_data() == {"accounts.User": 1}
    assert not Enterprise.objects.filter(~Q(email__endswith="@scale.nscl.invalid")).exists()


def test_command_reports_what_it_generated(capsys):
    call_command(
        "generate_scale_data",
        "--provinces",
        "ha-noi",
        "--enterprises",
        "30",
        "--applications",
        "40",
        "--as-of",
        "2026-11-20",
        "--seed",
        "3",
    )
    out = capsys.readouterr().out
    assert "support.Application" in out and "40" in out
    assert Application.objects.count() == 40
    assert set(Application.objects.values_list("province__key", flat=True)) == {"ha-noi"}
