"""One admin page: the list of library editors, add one, take the role back."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import designate, find_account, library_editors, may_designate, revoke


class DesignateForm(forms.Form):
    login = forms.CharField(
        label=gettext_lazy("Phone, user name or e-mail of the account"),
        max_length=150,
    )


def editors(request):
    if not may_designate(request.user):
        raise PermissionDenied
    form = DesignateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        account = find_account(form.cleaned_data["login"])
        if account is None:
            form.add_error("login", _("No active account has this login."))
        elif not designate(account, by=request.user):
            form.add_error("login", _("You cannot designate yourself."))
        else:
            messages.success(
                request,
                _("%(name)s is now a library editor.")
                % {"name": account.full_name or account},
            )
            return redirect("cms_library_editors:list")
    return render(
        request,
        "cms/library_editors.html",
        {
            "form": form,
            "editors": library_editors(),
            "page_title": _("Library editors"),
            "header_title": _("Library editors"),
        },
    )


@require_POST
def remove(request, user_id):
    account = get_object_or_404(get_user_model(), pk=user_id)
    if not revoke(account, by=request.user):
        raise PermissionDenied
    messages.success(
        request,
        _("%(name)s is no longer a library editor.")
        % {"name": account.full_name or account},
    )
    return redirect("cms_library_editors:list")
