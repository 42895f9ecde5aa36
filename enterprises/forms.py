"""Forms of the enterprise pages. They validate input; the services decide and write."""

from __future__ import annotations

import re

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html, validate_password
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from plans.formatting import format_vnd
from plans.models import Province

from .models import Award, Certificate, Contact, Enterprise, Sector
from .services import PROFILE_FIELDS, REGISTRATION_REQUIRED
from .sizes import SizeClass
from .taxcodes import normalise_tax_code

_GROUPED = re.compile(r"^\d{1,3}([.,\s]\d{3})+$")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VndField(forms.IntegerField):
    """Whole VND, typed with or without thousands separators: "3000000000" or "3.000.000.000"."""

    default_error_messages = {
        "invalid": _("Enter a whole number of VND, e.g. 3.000.000.000."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("\u00a0", " ")
            if _GROUPED.match(value):
                value = re.sub(r"[.,\s]", "", value)
            elif value and not value.isdigit():
                raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, int):
            return format_vnd(value)
        return value


class TaxCodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("label", _("Tax code"))
        kwargs.setdefault("help_text", _("10 digits, or 10 digits, a dash and 3 digits for a branch."))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return normalise_tax_code(value) if value else value


def current_provinces():
    return Province.objects.filter(valid_to__isnull=True).order_by("name")


def add_service_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names, else above the form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for name, messages in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)


class RegistrationForm(forms.Form):
    """One form for the person's account and their enterprise. When the tax code is already on file,
    the enterprise's details are not needed: the registration becomes a request to join it."""

    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    position = forms.CharField(label=_("Your position in the enterprise"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), help_text=_("You will sign in with this address."))
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    tax_code = TaxCodeField()
    name = forms.CharField(label=_("Name of the enterprise"), max_length=255, required=False)
    kind = forms.ChoiceField(
        label=_("Type"), choices=Enterprise.Kind.choices, required=False, initial=Enterprise.Kind.COMPANY
    )
    ownership = forms.ChoiceField(
        label=_("Ownership"),
        choices=Enterprise.Ownership.choices,
        required=False,
        initial=Enterprise.Ownership.PRIVATE,
    )
    main_sector = forms.ModelChoiceField(label=_("Main sector"), queryset=Sector.objects.all(), required=False)
    province = forms.ModelChoiceField(label=_("Province"), queryset=Province.objects.none(), required=False)
    commune = forms.CharField(label=_("Commune / ward"), max_length=150, required=False)
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    employees = forms.IntegerField(
        label=_("Employees"),
        min_value=0,
        required=False,
        help_text=_("Average number of employees with social insurance over the last year."),
    )
    revenue = VndField(label=_("Revenue of the last year (VND)"), required=False)
    capital = VndField(label=_("Total capital (VND)"), required=False)
    representative_name = forms.CharField(label=_("Legal representative"), max_length=150, required=False)
    representative_title = forms.CharField(label=_("Legal representative's title"), max_length=150, required=False)
    message = forms.CharField(
        label=_("Message to the Department"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only needed when your enterprise is already registered: say who you are in it."),
    )

    ENTERPRISE_REQUIRED = (*REGISTRATION_REQUIRED, "address")
    SECTIONS = (
        (_("You"), ("full_name", "position", "email", "phone", "password1", "password2")),
        (
            _("Your enterprise"),
            (
                "tax_code",
                "name",
                "kind",
                "ownership",
                "main_sector",
                "province",
                "commune",
                "address",
                "employees",
                "revenue",
                "capital",
                "representative_name",
                "representative_title",
            ),
        ),
        (_("If your enterprise is already registered"), ("message",)),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = current_provinces()
        self.fields["password1"].help_text = password_validators_help_text_html()
        self.existing_enterprise: Enterprise | None = None

    def sections(self):
        """(title, bound fields) for each part of the page."""
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("An account with this e-mail address already exists. Sign in, or reset your password."),
                code="duplicate_email",
            )
        return email

    def clean(self):
        data = super().clean()
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif password1:
            try:
                validate_password(password1, user=User(email=data.get("email") or "", full_name=data.get("full_name")))
            except ValidationError as exc:
                self.add_error("password1", exc)
        tax_code = data.get("tax_code")
        if tax_code:
            self.existing_enterprise = Enterprise.objects.filter(tax_code=tax_code).first()
            if self.existing_enterprise is None:
                for name in self.ENTERPRISE_REQUIRED:
                    if data.get(name) in (None, "") and name not in self.errors:
                        self.add_error(name, _("This field is required for a new enterprise."))
        return data

    def enterprise_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in (*PROFILE_FIELDS, "province") if name in self.fields}


class EnterpriseForm(forms.ModelForm):
    """The profile. Staff of the province may also correct the tax code and the province."""

    revenue = VndField(label=_("Revenue of the last year (VND)"))
    capital = VndField(label=_("Total capital (VND)"))
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", widget=forms.TextInput(attrs={"inputmode": "url"})
    )

    class Meta:
        model = Enterprise
        fields = [*PROFILE_FIELDS, "other_sectors"]
        widgets = {
            "priority_products": forms.Textarea(attrs={"rows": 3}),
            "other_sectors": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, staff: bool = False, province_ids=None, **kwargs):
        """``staff``: the person verifies this enterprise and may correct its tax code and move it to one of
        today's provinces among ``province_ids`` (None: any)."""
        super().__init__(*args, **kwargs)
        if staff:
            self.fields["tax_code"] = TaxCodeField(initial=self.instance.tax_code)
            choices = Q(valid_to__isnull=True)
            if province_ids is not None:
                choices &= Q(pk__in=province_ids)
            self.fields["province"] = forms.ModelChoiceField(
                label=_("Province"),
                queryset=Province.objects.filter(choices | Q(pk=self.instance.province_id)).order_by("name"),
                initial=self.instance.province_id,
            )
            self.order_fields(["tax_code", "province"])

    def clean_tax_code(self):
        tax_code = self.cleaned_data["tax_code"]
        if Enterprise.objects.filter(tax_code=tax_code).exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("An enterprise with this tax code is already registered."))
        return tax_code

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields}


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "position", "phone", "email"]


class CertificateForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = ["standard", "other_standard", "number", "certification_body", "issued_on", "expires_on"]
        widgets = {"issued_on": DATE_WIDGET, "expires_on": DATE_WIDGET}

    def clean(self):
        data = super().clean()
        if data.get("standard") == Certificate.Standard.OTHER and not data.get("other_standard"):
            self.add_error("other_standard", _('Name the standard when you choose "other".'))
        elif data.get("standard") and data.get("standard") != Certificate.Standard.OTHER:
            data["other_standard"] = ""
            self.instance.other_standard = ""
        issued, expires = data.get("issued_on"), data.get("expires_on")
        if issued and expires and expires <= issued:
            self.add_error("expires_on", _("The expiry date must be after the date of issue."))
        return data


class AwardForm(forms.ModelForm):
    class Meta:
        model = Award
        fields = ["year", "result", "score", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        result, score = data.get("result"), data.get("score")
        if score is not None and result == Award.Result.AWARD and score < Award.AWARD_MIN_SCORE:
            self.add_error("score", _("The National Quality Award needs at least 600 points."))
        if score is not None and result == Award.Result.GOLD and score < Award.GOLD_MIN_SCORE:
            self.add_error("score", _("The Gold National Quality Award needs at least 800 points."))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))


class MemberAddForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    full_name = forms.CharField(
        label=_("Full name"), max_length=150, required=False, help_text=_("Needed if the person has no account yet.")
    )
    position = forms.CharField(label=_("Position"), max_length=150, required=False)


class MemberRemoveForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: the person reads it in their notification."),
    )


class EnterpriseFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or tax code"), required=False)
    status = forms.ChoiceField(
        label=_("Verification status"), choices=[("", _("all")), *Enterprise.Status.choices], required=False
    )
    size_class = forms.ChoiceField(label=_("Size"), choices=[("", _("all")), *SizeClass.choices], required=False)
    kind = forms.ChoiceField(label=_("Type"), choices=[("", _("all")), *Enterprise.Kind.choices], required=False)
    ownership = forms.ChoiceField(
        label=_("Ownership"), choices=[("", _("all")), *Enterprise.Ownership.choices], required=False
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), required=False, empty_label=_("all")
    )
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.none(), required=False, empty_label=_("all")
    )

    def __init__(self, *args, province_ids=None, **kwargs):
        super().__init__(*args, **kwargs)
        provinces = Province.objects.all()
        if province_ids is not None:
            provinces = provinces.filter(pk__in=province_ids)
        self.fields["province"].queryset = provinces.order_by("name", "valid_from")

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "search": data.get("q") or "",
            "status": data.get("status") or "",
            "size_class": data.get("size_class") or "",
            "kind": data.get("kind") or "",
            "ownership": data.get("ownership") or "",
            "sector": data.get("sector"),
            "province": data.get("province"),
        }
