"""How much support a rule gives for a set of costs. Pure arithmetic: no database, no side effects.

The rule (Circular 35/2021/TT-BTC, applied by each province's resolution) is

    support = min(rate × eligible cost, cap × quantity)

* **Eligible cost** is the sum of the cost lines whose kind the rule lists as eligible. A kind the rule
  excludes (Hậu Giang: surveillance audits) or does not list is not counted, and the explanation says so.
* **Rate.** Each eligible kind may carry its own rate; otherwise the rule's rate applies. Rates are
  ``Decimal`` percentages (``Decimal("30")`` is 30 %).
* **Rounding.** Eligible costs are summed per rate, each sum is multiplied by its rate exactly (Decimal
  arithmetic) and the product is rounded **down** to the whole đồng: the state never pays a fraction of a
  đồng above the rate. 30 % of 33,333,333 VND is 9,999,999.9 and gives 9,999,999 VND. Rounding once per rate
  rather than once per line never pays less than the per-line rounding would.
* **Cap.** A cap "per system" or "per product or service" is multiplied by the quantity (two systems:
  twice the cap). A cap "per application" applies once. A cap "per enterprise" applies once to all the
  support the enterprise has had under the rule: pass what it already received as ``already_supported``.
  No cap (``None``) means only the rate limits the support.
* **Money** is whole VND as ``int``; floats are refused.

Use :func:`quote_support`; it returns a :class:`Quote` with the numbers and a translated explanation (which
lines counted and why not, the rate, the cap and whether it bound) that pages show as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from django.utils.translation import gettext as _

from plans.formatting import format_number, format_vnd

from .choices import CAP_MULTIPLIES_BY_QUANTITY, CapPer, CostKind

HUNDRED = Decimal(100)


class QuoteError(ValueError):
    """Input the arithmetic refuses (negative amount, float, unknown cost kind, quantity below 1, ...).
    The message is translated and can be shown to the person."""


@dataclass(frozen=True)
class KindTerms:
    """One cost kind of a rule: eligible or not, and its own rate if it differs from the rule's."""

    kind: str
    eligible: bool = True
    rate: Decimal | None = None
    note: str = ""


@dataclass(frozen=True)
class RuleTerms:
    """The numbers of a support rule, detached from the database."""

    rate: Decimal
    cap: int | None
    cap_per: str
    kinds: tuple[KindTerms, ...]

    @classmethod
    def from_rule(cls, rule) -> RuleTerms:
        """Read a ``SupportRule`` (its ``cost_kinds`` are read once, or from a prefetch)."""
        return cls(
            rate=rule.rate,
            cap=rule.cap,
            cap_per=rule.cap_per,
            kinds=tuple(
                KindTerms(kind=ck.kind, eligible=ck.eligible, rate=ck.rate, note=ck.note)
                for ck in rule.cost_kinds.all()
            ),
        )

    def kind(self, kind: str) -> KindTerms | None:
        for terms in self.kinds:
            if terms.kind == kind:
                return terms
        return None


@dataclass(frozen=True)
class CostLine:
    kind: str
    amount: int
    description: str = ""


@dataclass(frozen=True)
class LineResult:
    line: CostLine
    eligible: bool
    rate: Decimal | None  # the rate applied when eligible
    reason: str  # translated: why it counted or not


@dataclass(frozen=True)
class Quote:
    lines: tuple[LineResult, ...]
    quantity: int
    rate: Decimal
    eligible_cost: int
    ineligible_cost: int
    uncapped_support: int  # rate × eligible cost, rounded down
    cap: int | None  # the rule's cap per unit
    cap_per: str
    cap_total: int | None  # the cap that applies to this quote (cap × quantity, or what is left per enterprise)
    cap_binds: bool
    support: int
    explanation: tuple[str, ...]

    @property
    def counterpart(self) -> int:
        """What the enterprise pays itself of the eligible cost."""
        return self.eligible_cost - self.support


def _whole_vnd(value, *, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise QuoteError(_("%(field)s must be a whole number of đồng.") % {"field": field})
    if value < 0:
        raise QuoteError(_("%(field)s cannot be negative.") % {"field": field})
    return value


def _rate(value, *, field: str) -> Decimal:
    if not isinstance(value, Decimal):
        raise QuoteError(_("%(field)s must be a decimal percentage.") % {"field": field})
    if not value.is_finite() or value < 0 or value > HUNDRED:
        raise QuoteError(_("%(field)s must be between 0 and 100 %%.") % {"field": field})
    return value


def _as_line(item) -> CostLine:
    if isinstance(item, CostLine):
        line = item
    else:
        try:
            kind, amount = item
        except (TypeError, ValueError) as exc:
            raise QuoteError(_("A cost line needs a kind and an amount.")) from exc
        line = CostLine(kind=kind, amount=amount)
    if line.kind not in CostKind.values:
        raise QuoteError(_("Unknown kind of cost: %(kind)s.") % {"kind": line.kind})
    _whole_vnd(line.amount, field=_("The amount of a cost line"))
    return line


def _floor(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def _pct(rate: Decimal) -> str:
    return f"{format_number(rate)} %"


def quote_support(
    *,
    rule,
    lines: Iterable[CostLine | tuple[str, int]],
    quantity: int = 1,
    already_supported: int = 0,
) -> Quote:
    """The support ``rule`` gives for ``lines`` (cost kind, whole VND) and ``quantity`` (systems or products).

    ``rule`` is a ``SupportRule`` or :class:`RuleTerms`. ``already_supported`` matters only for a cap per
    enterprise: the support the enterprise already received under the same rule. Raises :class:`QuoteError`
    with a translated message for invalid input.
    """
    terms = rule if isinstance(rule, RuleTerms) else RuleTerms.from_rule(rule)
    base_rate = _rate(terms.rate, field=_("The support rate"))
    if terms.cap is not None:
        _whole_vnd(terms.cap, field=_("The cap"))
    if terms.cap_per not in CapPer.values:
        raise QuoteError(_("Unknown cap basis: %(basis)s.") % {"basis": terms.cap_per})
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise QuoteError(_("The quantity must be a whole number of at least 1."))
    _whole_vnd(already_supported, field=_("The support already received"))
    cost_lines = [_as_line(item) for item in lines]

    results: list[LineResult] = []
    by_rate: dict[Decimal, int] = {}
    explanation: list[str] = []
    for line in cost_lines:
        label = CostKind(line.kind).label
        kind_terms = terms.kind(line.kind)
        amount = format_vnd(line.amount)
        if kind_terms is None:
            reason = _("not counted: this support content does not cover %(kind)s.") % {"kind": label}
            results.append(LineResult(line=line, eligible=False, rate=None, reason=reason))
        elif not kind_terms.eligible:
            reason = _("not counted: %(kind)s is excluded by the policy.") % {"kind": label}
            if kind_terms.note:
                reason = f"{reason} {kind_terms.note}"
            results.append(LineResult(line=line, eligible=False, rate=None, reason=reason))
        else:
            rate = (
                _rate(kind_terms.rate, field=_("The rate of %(kind)s") % {"kind": label})
                if (kind_terms.rate is not None)
                else base_rate
            )
            by_rate[rate] = by_rate.get(rate, 0) + line.amount
            reason = _("counted at %(rate)s.") % {"rate": _pct(rate)}
            results.append(LineResult(line=line, eligible=True, rate=rate, reason=reason))
        name = f"{label} ({line.description})" if line.description else str(label)
        explanation.append(f"{name}: {amount} đ — {results[-1].reason}")

    eligible_cost = sum(amount for amount in by_rate.values())
    ineligible_cost = sum(r.line.amount for r in results if not r.eligible)
    uncapped = sum(_floor(Decimal(amount) * rate / HUNDRED) for rate, amount in by_rate.items())

    if len(by_rate) <= 1:
        rate_shown = next(iter(by_rate), base_rate)
        explanation.append(
            _("Eligible cost %(cost)s đ × %(rate)s = %(support)s đ (rounded down to the whole đồng).")
            % {"cost": format_vnd(eligible_cost), "rate": _pct(rate_shown), "support": format_vnd(uncapped)}
        )
    else:
        parts = ", ".join(f"{format_vnd(amount)} đ × {_pct(rate)}" for rate, amount in sorted(by_rate.items()))
        explanation.append(
            _("Eligible cost %(cost)s đ: %(parts)s = %(support)s đ (rounded down to the whole đồng).")
            % {"cost": format_vnd(eligible_cost), "parts": parts, "support": format_vnd(uncapped)}
        )

    cap_total: int | None
    if terms.cap is None:
        cap_total = None
        explanation.append(_("No cap is set: the support is %(support)s đ.") % {"support": format_vnd(uncapped)})
    else:
        per = CapPer(terms.cap_per).label
        if terms.cap_per in CAP_MULTIPLIES_BY_QUANTITY:
            cap_total = terms.cap * quantity
            cap_text = _("Cap %(cap)s đ %(per)s × %(quantity)s = %(total)s đ") % {
                "cap": format_vnd(terms.cap),
                "per": per,
                "quantity": quantity,
                "total": format_vnd(cap_total),
            }
        elif terms.cap_per == CapPer.ENTERPRISE:
            cap_total = max(terms.cap - already_supported, 0)
            cap_text = _("Cap %(cap)s đ %(per)s, of which %(used)s đ already received: %(total)s đ left") % {
                "cap": format_vnd(terms.cap),
                "per": per,
                "used": format_vnd(already_supported),
                "total": format_vnd(cap_total),
            }
        else:
            cap_total = terms.cap
            cap_text = _("Cap %(cap)s đ %(per)s") % {"cap": format_vnd(terms.cap), "per": per}
        if uncapped > cap_total:
            explanation.append(
                _("%(cap)s: the cap applies, the support is %(support)s đ instead of %(uncapped)s đ.")
                % {"cap": cap_text, "support": format_vnd(cap_total), "uncapped": format_vnd(uncapped)}
            )
        else:
            explanation.append(
                _("%(cap)s: the cap is not reached, the support is %(support)s đ.")
                % {"cap": cap_text, "support": format_vnd(uncapped)}
            )
    cap_binds = cap_total is not None and uncapped > cap_total
    support = min(uncapped, cap_total) if cap_total is not None else uncapped
    return Quote(
        lines=tuple(results),
        quantity=quantity,
        rate=base_rate,
        eligible_cost=eligible_cost,
        ineligible_cost=ineligible_cost,
        uncapped_support=uncapped,
        cap=terms.cap,
        cap_per=terms.cap_per,
        cap_total=cap_total,
        cap_binds=cap_binds,
        support=support,
        explanation=tuple(explanation),
    )
