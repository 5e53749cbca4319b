"""Staff pages (/quan-ly/): class sessions, attendance, enrolling lists, revoking.

Made for a phone: one column, big tick boxes. Every page is limited to the staff
member's own commune and centre.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms.models import Centre
from config.compression import no_compression
from lms.auth import find_user_by_login
from lms.forms import (
    ClassSessionForm,
    EnrolListForm,
    RevokeForm,
    TemporaryPasswordForm,
)
from lms.lesson_flow.selectors import lessons_of
from lms.models import AccessKind, Certificate, ClassSession
from lms.services import classes, enrolments
from lms.services.access_log import (
    log_personal_data_access,
    log_personal_data_accesses,
)
from lms.services.certificates import revoke_certificate
from lms.services.passwords import give_temporary_password

LOGIN_URL = "lms:login"


def staff_centre(user) -> Centre:
    """The centre the staff member runs; PermissionDenied for anyone else."""
    centre = Centre.objects.filter(commune_id=user.commune_id).first()
    if centre is None or not user.has_perm("lms.manage_centre", centre):
        raise PermissionDenied
    return centre


@never_cache
@login_required(login_url=LOGIN_URL)
def dashboard(request):
    centre = staff_centre(request.user)
    sessions = (
        ClassSession.objects.filter(centre=centre)
        .annotate(present=Count("attendances", filter=Q(attendances__present=True)))
        .order_by("-date", "-starts_at")[:30]
    )
    certificates = (
        Certificate.objects.filter(learner__commune_id=centre.commune_id)
        .select_related("learner", "course")
        .order_by("-issued_at")[:30]
    )
    return render(
        request,
        "lms/staff/dashboard.html",
        {
            "centre": centre,
            "sessions": sessions,
            "certificates": certificates,
            "my_lessons": lessons_of(request.user),
        },
    )


@login_required(login_url=LOGIN_URL)
def session_create(request):
    centre = staff_centre(request.user)
    form = ClassSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = classes.create_session(
            centre=centre, created_by=request.user, **form.cleaned_data
        )
        messages.success(request, _("The class session is saved."))
        return redirect("lms:staff-attendance", session_id=session.pk)
    return render(
        request, "lms/staff/session_form.html", {"centre": centre, "form": form}
    )


@never_cache
@login_required(login_url=LOGIN_URL)
def attendance(request, session_id):
    centre = staff_centre(request.user)
    session = get_object_or_404(ClassSession, pk=session_id, centre=centre)
    if request.method == "POST" and "people" in request.POST:
        found, not_found = _residents_from_lines(request.POST["people"], centre)
        added = classes.register_for_session(
            session=session, learners=found, recorded_by=request.user
        )
        messages.success(
            request,
            _("%(count)d people added to the list.") % {"count": added},
        )
        if not_found:
            messages.error(
                request,
                _("Not found among the residents of your commune: %(logins)s")
                % {"logins": ", ".join(not_found)},
            )
        return redirect("lms:staff-attendance", session_id=session.pk)
    if request.method == "POST":
        change = classes.record_attendance(
            session=session,
            present_ids={
                int(v) for v in request.POST.getlist("present") if v.isdigit()
            },
            offered_ids={
                int(v) for v in request.POST.getlist("offered") if v.isdigit()
            },
            recorded_by=request.user,
        )
        messages.success(
            request,
            _("Attendance saved: %(present)d present, %(absent)d absent.")
            % {"present": change.present, "absent": change.absent},
        )
        return redirect("lms:staff-attendance", session_id=session.pk)
    present = set(
        session.attendances.filter(present=True).values_list("learner_id", flat=True)
    )
    people = [
        {"person": person, "present": person.pk in present}
        for person in classes.tick_list_people(session=session).select_related(
            "village"
        )
    ]
    log_personal_data_accesses(
        viewer=request.user,
        subjects=[row["person"] for row in people],
        what=AccessKind.ATTENDANCE_LIST,
        detail=f"{session.topic} {session.date:%d/%m/%Y}",
        path=request.path,
    )
    return render(
        request,
        "lms/staff/attendance.html",
        {"centre": centre, "session": session, "people": people},
    )


def _residents_from_lines(text: str, centre) -> tuple[list, list[str]]:
    """People of the centre's commune named one per line by phone, email or login."""
    found, not_found = [], []
    for login in (line.strip() for line in text.splitlines()):
        if not login:
            continue
        person = find_user_by_login(login)
        if person is None or person.commune_id != centre.commune_id:
            not_found.append(login)
        else:
            found.append(person)
    return found, not_found


@never_cache
@login_required(login_url=LOGIN_URL)
def enrol_list(request):
    centre = staff_centre(request.user)
    form = EnrolListForm(request.POST or None)
    enrolled, not_found = [], []
    if request.method == "POST" and form.is_valid():
        course = form.cleaned_data["course"]
        people, not_found = _residents_from_lines(form.cleaned_data["people"], centre)
        for person in people:
            result = enrolments.enrol(
                learner=person, course=course, enrolled_by=request.user
            )
            enrolled.append((person, result.created))
        log_personal_data_accesses(
            viewer=request.user,
            subjects=people,
            what=AccessKind.ENROL_LIST,
            detail=course.title,
            path=request.path,
        )
        if enrolled:
            messages.success(
                request,
                _("%(count)d residents are enrolled in %(course)s.")
                % {"count": len(enrolled), "course": course.title},
            )
    return render(
        request,
        "lms/staff/enrol_list.html",
        {
            "centre": centre,
            "form": form,
            "enrolled": enrolled,
            "not_found": not_found,
        },
        status=400 if not_found and not enrolled else 200,
    )


@login_required(login_url=LOGIN_URL)
def revoke(request, code):
    centre = staff_centre(request.user)
    certificate = get_object_or_404(
        Certificate.objects.select_related("learner", "course"),
        code=code,
        learner__commune_id=centre.commune_id,
    )
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            revoke_certificate(
                certificate=certificate,
                revoked_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error("reason", error)
        else:
            messages.success(request, _("The certificate is revoked."))
            return redirect("lms:staff")
    return render(
        request,
        "lms/staff/revoke.html",
        {"centre": centre, "certificate": certificate, "form": form},
    )


@no_compression
@login_required(login_url=LOGIN_URL)
def temporary_password(request):
    """Give a resident who forgot their password a temporary one, shown once."""
    centre = staff_centre(request.user)
    form = TemporaryPasswordForm(request.POST or None)
    context = {"centre": centre, "form": form}
    if request.method == "POST" and form.is_valid():
        person = find_user_by_login(form.cleaned_data["login"])
        if person is None or not request.user.has_perm("lms.reset_password", person):
            form.add_error(
                "login",
                _("No resident of this commune has this phone number or email."),
            )
        else:
            context["person"] = person
            log_personal_data_access(
                viewer=request.user,
                subject=person,
                what=AccessKind.TEMPORARY_PASSWORD,
                path=request.path,
            )
            context["password"] = give_temporary_password(
                staff=request.user, person=person
            )
    response = render(request, "lms/staff/temporary_password.html", context)
    add_never_cache_headers(response)
    return response
