"""HTML → PDF with WeasyPrint, from the print templates (``reporting/templates/reporting/print/``).

The templates are plain HTML and CSS (no framework, no JavaScript: WeasyPrint runs none); charts are inline SVG
made on the server. The font is the Liberation Serif shipped in ``static/fonts/`` (complete Vietnamese glyphs,
metric-compatible with Times New Roman), referenced by ``@font-face`` with a ``file://`` URL so that every
machine renders the same document whatever fonts it has installed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from . import figures

# WeasyPrint logs every layout step at INFO: keep the worker's log for what matters.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

FONT_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}


def font_dir() -> Path:
    return Path(settings.BASE_DIR) / "static" / "fonts"


def font_urls() -> dict[str, str]:
    directory = font_dir()
    return {style: (directory / name).resolve().as_uri() for style, name in FONT_FILES.items()}


def render_html(template: str, context: dict[str, Any]) -> str:
    """The print HTML of a document, always in Vietnamese (the language of the administrative document)."""
    with translation.override("vi"):
        return render_to_string(template, {**context, "fonts": font_urls()})


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(font_dir())).write_pdf()


def report_html(snapshot: dict[str, Any]) -> str:
    return render_html(
        "reporting/print/report.html",
        {"s": snapshot, "f": snapshot["figures"], "charts": figures.report_charts(snapshot)},
    )


def report_pdf(snapshot: dict[str, Any]) -> bytes:
    """The report as a PDF, from its snapshot alone (no database query)."""
    return html_to_pdf(report_html(snapshot))


def compilation_html(snapshot: dict[str, Any]) -> str:
    return render_html(
        "reporting/print/compilation.html",
        {
            "s": snapshot,
            "charts": figures.compilation_charts(snapshot),
            "tables": [
                {"title": "Theo tỉnh, thành phố tại thời điểm", "rows": snapshot["by_time"]},
                {"title": "Quy về các tỉnh, thành phố hiện nay", "rows": snapshot["rolled_up"]},
            ],
        },
    )


def compilation_pdf(snapshot: dict[str, Any]) -> bytes:
    return html_to_pdf(compilation_html(snapshot))


# --- The approval decision and the contract of a support application --------------------------------------------


def signature_lines(title: str, *, agency: str = "GIÁM ĐỐC") -> list[str]:
    """The signature block of a department's document from the signer's title: a deputy signs "KT. GIÁM
    ĐỐC / PHÓ GIÁM ĐỐC", the director "GIÁM ĐỐC"; another title is written as it is."""
    first = (title or "").split(" Sở ")[0].strip()
    lowered = first.lower()
    if lowered.startswith("phó giám đốc"):
        return [f"KT. {agency}", "PHÓ GIÁM ĐỐC"]
    if lowered.startswith("giám đốc"):
        return [agency]
    return [first.upper()] if first else [agency]


def _application_context(application) -> dict[str, Any]:
    from plans.formatting import format_vnd

    from .words import amount_in_words

    province = application.province
    enterprise = application.enterprise
    decision = getattr(application, "decision", None)
    amount = application.approved_amount or (decision.approved_amount if decision else 0) or 0
    where = "THÀNH PHỐ" if province.kind == "city" else "TỈNH"
    policy = application.rule.policy
    return {
        "application": application,
        "enterprise": enterprise,
        "address": ", ".join(part for part in (enterprise.address, enterprise.commune) if part),
        "province": province,
        "parent_agency": f"UBND {where} {province.name.upper()}",
        "agency": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "agency_phrase": f"Sở Khoa học và Công nghệ {where.lower()} {province.name}",
        "decision": decision,
        "amount": amount,
        "amount_text": format_vnd(amount),
        "amount_words": amount_in_words(amount),
        "counterpart_text": format_vnd(application.counterpart_funds),
        "counterpart_words": amount_in_words(application.counterpart_funds),
        "category": application.rule.category.name,
        "legal_basis": [
            line.strip().rstrip(";.") for line in (policy.legal_basis_text or "").splitlines() if line.strip()
        ]
        or [policy.name],
    }


def decision_html(application) -> str:
    from .snapshot import date_line

    context = _application_context(application)
    decision = context["decision"]
    context.update(
        number=decision.number,
        date_line=date_line(context["province"].name, decision.decided_on),
        signer_lines=signature_lines(decision.signer_title),
        signer_name=decision.signer_name,
        recipients=["Như Điều 3", "Lưu: VT"],
    )
    return render_html("reporting/print/decision.html", context)


def decision_pdf(application) -> bytes:
    """The approval decision (quyết định phê duyệt) of a support application, with the amount in words."""
    return html_to_pdf(decision_html(application))


def contract_html(application) -> str:
    from .snapshot import date_line, date_phrase

    context = _application_context(application)
    contract = application.contract
    decision = context["decision"]
    context.update(
        contract=contract,
        number=contract.number,
        date_line=date_line(context["province"].name, contract.signed_on),
        signed_phrase=date_phrase(contract.signed_on),
        decision_phrase=date_phrase(decision.decided_on) if decision else "",
    )
    return render_html("reporting/print/contract.html", context)


def contract_pdf(application) -> bytes:
    """The support contract (hợp đồng hỗ trợ) of a support application, with the amount in words."""
    return html_to_pdf(contract_html(application))
