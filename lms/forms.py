"""Forms residents and staff fill in; every message is a plain sentence."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import Commune, CoursePage, Village
from cms.translations import vietnamese_only
from cms.unit_search import search_communes
from lms.models import ClassSession, TargetGroup
from lms.phone import looks_like_phone, normalize_phone


class SignUpForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    login = forms.CharField(
        label=_("Phone number or email"),
        max_length=254,
        help_text=_("You will use it to sign in."),
    )
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput
    )
    password_again = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput,
        help_text=_("Type the same password once more, to be sure it is right."),
    )
    commune_query = forms.CharField(
        label=_("Commune or ward where you live"),
        max_length=120,
        help_text=_("Type the name, then choose it from the list."),
    )
    commune_code = forms.CharField(required=False, widget=forms.HiddenInput)
    consent = forms.BooleanField(
        label=_(
            "I agree that the centre keeps my name, contact and learning records "
            "to follow my learning and issue certificates."
        ),
        error_messages={
            "required": _("Please agree to the use of your data to create an account.")
        },
    )

    # Optional data: kept only with the second, separate consent below.
    birth_year = forms.IntegerField(label=_("Year of birth (optional)"), required=False)
    target_group = forms.ChoiceField(
        label=_("You are (optional)"),
        required=False,
        choices=[("", "—"), *TargetGroup.choices],
    )
    optional_consent = forms.BooleanField(
        label=_(
            "I also agree that the centre keeps my year of birth and the group I "
            "belong to, used to assess the learning-citizen title."
        ),
        required=False,
    )

    commune_choices: list = []

    def clean_birth_year(self):
        return clean_birth_year(self.cleaned_data.get("birth_year"))

    def clean_login(self):
        login = self.cleaned_data["login"].strip()
        User = get_user_model()
        if "@" in login:
            try:
                forms.EmailField().clean(login)
            except ValidationError:
                raise ValidationError(_("This email address is not valid.")) from None
            if User.objects.filter(email__iexact=login).exists():
                raise ValidationError(_("An account with this email already exists."))
            return {"email": login.lower()}
        if not looks_like_phone(login):
            raise ValidationError(_("Enter a phone number or an email address."))
        phone = normalize_phone(login)
        if User.objects.filter(phone=phone).exists():
            raise ValidationError(
                _("An account with this phone number already exists.")
            )
        return {"phone": phone}

    def clean(self):
        cleaned = super().clean()
        code = cleaned.get("commune_code")
        query = cleaned.get("commune_query")
        commune = None
        if code:
            commune = Commune.objects.filter(code=code, is_current=True).first()
        elif query:
            matches = search_communes(query, limit=8)
            if len(matches) == 1:
                commune = Commune.objects.get(code=matches[0].code)
            else:
                # Without the picker script, the person chooses among these.
                self.commune_choices = matches
        if commune is None and (code or query):
            self.add_error(
                "commune_query",
                _("Choose your commune or ward from the list of suggestions."),
            )
        cleaned["commune"] = commune
        check_optional_consent(self, ("birth_year", "target_group"))
        check_same_passwords(self, "password", "password_again")
        if cleaned.get("password"):
            # Unsaved, so the validators compare the password with the phone and name.
            login = cleaned.get("login") or {}
            user = get_user_model()(
                full_name=cleaned.get("full_name", ""),
                username=login.get("phone") or login.get("email", ""),
                **login,
            )
            try:
                password_validation.validate_password(cleaned["password"], user)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


class SignInForm(AuthenticationForm):
    """Django's sign-in form, which also says when a temporary password expired."""

    def get_invalid_login_error(self):
        if getattr(self.request, "temporary_password_expired", False):
            return ValidationError(
                _(
                    "The temporary password from the centre has expired. "
                    "Please ask the centre for a new one."
                ),
                code="temporary_password_expired",
            )
        return super().get_invalid_login_error()

    @property
    def temporary_password_expired(self) -> bool:
        return self.has_error(NON_FIELD_ERRORS, "temporary_password_expired")


class ClassSessionForm(forms.ModelForm):
    class Meta:
        model = ClassSession
        fields = [
            "topic",
            "date",
            "starts_at",
            "hours",
            "place",
            "course",
            "community_topic",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "starts_at": forms.TimeInput(attrs={"type": "time"}),
            "hours": forms.NumberInput(attrs={"step": "0.5", "min": "0.5"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = vietnamese_only(
            CoursePage.objects.live()
        ).order_by("title")

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours is None or hours <= 0 or hours > 24:
            raise ValidationError(_("Enter the class length in hours, from 0.5 to 24."))
        return hours


class EnrolListForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=CoursePage.objects.none()
    )
    people = forms.CharField(
        label=_("Residents (one phone number or email per line)"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = vietnamese_only(
            CoursePage.objects.live()
        ).order_by("title")


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please give the reason for revoking.")},
    )


def clean_birth_year(year):
    if year is not None and not 1900 <= year <= timezone.localdate().year:
        raise ValidationError(_("Enter a year of birth such as 1980."))
    return year


def check_optional_consent(form: forms.Form, fields) -> None:
    """Optional data typed without its consent is refused, never silently kept."""
    given = any(form.cleaned_data.get(name) for name in fields)
    if given and not form.cleaned_data.get("optional_consent"):
        form.add_error(
            "optional_consent",
            _(
                "Tick this box to let us keep the optional information, or leave "
                "those fields empty."
            ),
        )


class OptionalDataForm(forms.Form):
    """The optional data and its consent, given or corrected on the data page."""

    birth_year = forms.IntegerField(label=_("Year of birth"), required=False)
    target_group = forms.ChoiceField(
        label=_("You are"),
        required=False,
        choices=[("", "—"), *TargetGroup.choices],
    )
    village = forms.ModelChoiceField(
        label=_("Village or residential group"),
        queryset=Village.objects.none(),
        required=False,
    )
    optional_consent = forms.BooleanField(
        label=_(
            "I agree that the centre keeps my year of birth, the group I belong to "
            "and my village, used to assess the learning-citizen title."
        ),
        error_messages={"required": _("Tick the box to save this information.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = Village.objects.filter(
            commune_id=user.commune_id
        ).order_by("name")

    def clean_birth_year(self):
        return clean_birth_year(self.cleaned_data.get("birth_year"))


def check_same_passwords(form: forms.Form, first: str, second: str) -> None:
    password, again = form.cleaned_data.get(first), form.cleaned_data.get(second)
    if password and again and password != again:
        form.add_error(second, _("The two passwords are not the same."))


class TemporaryPasswordForm(forms.Form):
    login = forms.CharField(
        label=_("Phone number or email of the resident"), max_length=254
    )


class DeletionForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"), strip=False, widget=forms.PasswordInput
    )
