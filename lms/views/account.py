"""Accounts: sign-up, sign-in and a resident's rights over their data."""

import json

from django.contrib import messages
from django.contrib.auth import (
    get_user_model,
    login,
    logout,
    update_session_auth_hash,
)
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.forms import DeletionForm, SignInForm, SignUpForm
from lms.redirects import safe_next
from lms.services.passwords import password_changed
from lms.services.privacy import anonymise, export_data

LOGIN_URL = "lms:login"


def signup(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                password=data["password"],
                full_name=data["full_name"].strip(),
                commune=data["commune"],
                data_consent_at=timezone.now(),
                **data["login"],
            )
        login(request, user, backend="lms.auth.PhoneOrEmailBackend")
        messages.success(request, _("Welcome! Your account is ready."))
        return redirect(safe_next(request, "lms:my-learning"))
    return render(
        request,
        "lms/signup.html",
        {"form": form, "next": safe_next(request)},
    )


class SignInView(auth_views.LoginView):
    template_name = "lms/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("lms:my-learning")

    def get_redirect_url(self):
        return safe_next(self.request)

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.get_user().password_is_temporary:
            messages.info(
                self.request,
                _(
                    "You signed in with a temporary password from the centre. "
                    "Please choose your own password now."
                ),
            )
            return redirect("lms:change-password")
        return response


def forgot_password(request):
    return render(request, "lms/forgot_password.html")


@login_required(login_url=LOGIN_URL)
def change_password(request):
    """Choose a new password; after a temporary one, without typing it again."""
    temporary = request.user.password_is_temporary
    form_class = SetPasswordForm if temporary else PasswordChangeForm
    form = form_class(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        password_changed(user)
        update_session_auth_hash(request, user)
        messages.success(request, _("Your new password is saved."))
        return redirect("lms:my-learning")
    return render(
        request,
        "lms/change_password.html",
        {"form": form, "temporary": temporary},
    )


@require_POST
def sign_out(request):
    logout(request)
    return redirect("/")


@login_required(login_url=LOGIN_URL)
def my_data(request):
    return render(request, "lms/my_data.html", {"form": DeletionForm()})


@login_required(login_url=LOGIN_URL)
def export(request):
    data = export_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="du-lieu-hoc-tap.json"'
    return response


@require_POST
@login_required(login_url=LOGIN_URL)
def delete_account(request):
    form = DeletionForm(request.POST)
    if form.is_valid() and request.user.check_password(form.cleaned_data["password"]):
        anonymise(user=request.user)
        logout(request)
        messages.success(
            request,
            _(
                "Your personal data has been deleted. Your learning statistics "
                "remain without your name."
            ),
        )
        return redirect("/")
    if form.is_valid():
        form.add_error("password", _("The password is not right."))
    return render(request, "lms/my_data.html", {"form": form}, status=400)
