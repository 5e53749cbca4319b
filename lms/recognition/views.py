"""Resident, registration and officer pages of the recognition cycle.

Views stay thin: permissions come from ``rules`` (asked with ``has_perm``), changes from
``services.cycle``, evaluation from ``services.evaluation``.
"""

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cms.models import Commune, Village
from lms.models import AccessKind
from lms.recognition import transitions
from lms.recognition.certificate import certificate_pdf
from lms.recognition.conf import (
    authority_for,
    cycle_dates,
    dossier_deadline,
    registration_cycle,
    registration_deadline,
)
from lms.recognition.constants import DossierStatus, LearningModel
from lms.recognition.criteria import Snapshot, evaluate
from lms.recognition.forms import DecisionForm, QueueFilterForm, RevokeForm
from lms.recognition.models import (
    AuditEntry,
    Clan,
    Dossier,
    Evaluation,
    EvaluationRun,
    Household,
    Indicator,
    Unit,
    Verification,
    subject_key,
)
from lms.recognition.rules import spokespeople, visible_dossiers
from lms.recognition.run_report import is_stalled, model_lines
from lms.recognition.selectors import SpecCache, active_set, set_spec
from lms.recognition.services import cycle
from lms.recognition.services.evaluation import (
    evaluate_dossier,
    facts_metrics,
    stored_result,
    subject_snapshot,
)
from lms.recognition.services.privacy import subject_person
from lms.recognition.subjects import citizen_scope, subject_for
from lms.recognition.tasks import start_run
from lms.redirects import safe_next
from lms.residents import residents
from lms.selectors import learning_year_detail
from lms.services.access_log import log_personal_data_access


def _year(request) -> int:
    try:
        return int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        return timezone.localdate().year


# Resident ------------------------------------------------------------------


@never_cache
@login_required
def checklist(request):
    """This year's learning-citizen checklist: met, missing, and what to do next."""
    year = _year(request)
    user = request.user
    dossier = Dossier.objects.filter(
        model=LearningModel.CITIZEN,
        year=year,
        subject_key=subject_key("person", user.pk),
    ).first()
    detail = learning_year_detail(user_id=user.pk, year=year)
    if dossier is not None:
        criteria_set, snapshot = subject_snapshot(dossier=dossier)
    else:
        criteria_set = active_set(
            model=LearningModel.CITIZEN,
            scope=citizen_scope(user.target_group),
            year=year,
        )
        snapshot = Snapshot(metrics=facts_metrics(detail.facts))
    result = evaluate(set_spec(criteria_set), snapshot) if criteria_set else None
    if dossier is not None and dossier.recognised_result:
        result = stored_result(dossier)
    return render(
        request,
        "recognition/checklist.html",
        {
            "year": year,
            "dossier": dossier,
            "criteria_set": criteria_set,
            "result": result,
            "for_subject": True,
            **_answer_context(dossier, request.user),
            "facts": detail.facts,
            # Once this year's registration has closed, the next cycle's is shown.
            "registration": registration_cycle(today=timezone.localdate())
            if "year" not in request.GET
            else cycle_dates(year),
            "year_registration_deadline": registration_deadline(year),
            "dossier_deadline": dossier_deadline(year),
            "late": timezone.localdate() > dossier_deadline(year),
        },
    )


def _answer_context(dossier, user) -> dict:
    if dossier is None:
        return {"declared": [], "can_edit": False, "comments": {}}
    answers = {
        a.indicator_id: a
        for a in dossier.answers.prefetch_related("evidence").select_related(
            "indicator"
        )
    }
    declared = [
        (indicator, answers.get(indicator.pk))
        for indicator in Indicator.objects.filter(
            criterion__criteria_set=dossier.criteria_set, kind="declared"
        ).select_related("criterion")
    ]
    last_return = (
        dossier.verifications.filter(outcome=Verification.Outcome.RETURNED)
        .prefetch_related("comments")
        .first()
    )
    comments = (
        {c.indicator_id: c.comment for c in last_return.comments.all()}
        if last_return
        else {}
    )
    return {
        "declared": [
            (indicator, answer, comments.get(indicator.pk))
            for indicator, answer in declared
        ],
        "can_edit": dossier.status in cycle.EDITABLE
        and user.has_perm("recognition.edit_answers", dossier),
        "last_return": last_return,
        "comments": comments,
    }


@require_POST
@login_required
def register_citizen(request):
    dossier = cycle.register(
        subject=subject_for(LearningModel.CITIZEN, request.user),
        year=_year(request),
        actor=request.user,
    )
    messages.success(request, _("You are registered for this year."))
    return redirect("recognition:dossier", pk=dossier.pk)


# Registration of families, clans, units, and by staff --------------------------

_REGISTRABLE = {
    "gia-dinh": (LearningModel.FAMILY, Household, "head"),
    "dong-ho": (LearningModel.CLAN, Clan, "representative"),
    "don-vi": (LearningModel.UNIT, Unit, "head"),
    "cong-dan": (LearningModel.CITIZEN, get_user_model(), None),
    "thon": (LearningModel.COMMUNITY, Village, None),
}


def _registrable(user, model_class, owner_field):
    officer = user.has_perm("recognition.register_on_behalf")
    if model_class is get_user_model():
        qs = residents().filter(commune_id=user.commune_id)
        return qs if officer else qs.filter(pk=user.pk)
    qs = model_class.objects.all()
    if officer:
        return qs.filter(commune_id=user.commune_id)
    if owner_field is None:
        return qs.none()
    return qs.filter(**{owner_field: user})


@login_required
def register(request, kind):
    """Pick a household, clan, unit, village or resident and register it."""
    if kind not in _REGISTRABLE:
        raise Http404
    model, model_class, owner_field = _REGISTRABLE[kind]
    year = _year(request)
    candidates = _registrable(request.user, model_class, owner_field).order_by("pk")
    if request.method == "POST":
        obj = get_object_or_404(candidates, pk=request.POST.get("subject"))
        try:
            dossier = cycle.register(
                subject=subject_for(model, obj), year=year, actor=request.user
            )
        except cycle.CycleError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        messages.success(request, _("Registered: %(name)s.") % {"name": dossier})
        return redirect("recognition:dossier", pk=dossier.pk)
    candidates = list(candidates[:500])
    keys = {subject_key(subject_for(model, o).kind, o.pk): o for o in candidates}
    registered = set(
        Dossier.objects.filter(
            model=model, year=year, subject_key__in=keys
        ).values_list("subject_key", flat=True)
    )
    return render(
        request,
        "recognition/register.html",
        {
            "kind": kind,
            "model_label": LearningModel(model).label,
            "year": year,
            "rows": [(obj, key in registered) for key, obj in keys.items()],
            "deadline": registration_deadline(year),
        },
    )


# Dossier -------------------------------------------------------------------


def _dossier(request, pk):
    dossier = get_object_or_404(
        Dossier.objects.select_related(
            "commune__province",
            "village",
            "criteria_set",
            "decision",
            "household",
            "clan",
            "unit",
        ),
        pk=pk,
    )
    if not request.user.has_perm("recognition.view_dossier", dossier):
        raise Http404  # as for a missing one: ids are not enumerable
    return dossier


def _log_view(request, dossier, what):
    """Someone other than the dossier's person looked at it: the person may ask who."""
    log_personal_data_access(
        viewer=request.user,
        subject=subject_person(dossier),
        what=what,
        detail=f"{dossier.get_model_display()} {dossier.year}",
        path=request.path,
    )


@never_cache
@login_required
def dossier_detail(request, pk):
    dossier = _dossier(request, pk)
    _log_view(request, dossier, AccessKind.DOSSIER)
    if dossier.recognised_result:
        result = stored_result(dossier)
    elif dossier.model == LearningModel.CITIZEN:
        criteria_set, snapshot = subject_snapshot(dossier=dossier)
        result = evaluate(SpecCache(dossier.year).spec(criteria_set), snapshot)
    else:
        result = stored_result(dossier) or evaluate_dossier(dossier=dossier)
    return render(
        request,
        "recognition/dossier.html",
        {
            "dossier": dossier,
            "result": result,
            **_answer_context(dossier, request.user),
            "actions": transitions.available(request.user, dossier),
            "for_subject": request.user.pk in spokespeople(dossier),
            "can_view_decision": bool(dossier.decision_id)
            and request.user.has_perm("recognition.view_decision", dossier.decision),
            "decision_form": DecisionForm(initial=_decision_initial(dossier)),
            "revoke_form": RevokeForm(),
            "indicators": Indicator.objects.filter(
                criterion__criteria_set=dossier.criteria_set
            ),
            "audit": AuditEntry.objects.filter(dossier=dossier).select_related("actor"),
            "deadline": dossier_deadline(dossier.year),
        },
    )


def _decision_initial(dossier):
    configured = authority_for(dossier)
    return {
        "authority": configured.authority,
        "signer_name": configured.signer_name,
        "signer_title": configured.signer_title,
    }


def _decimal(text):
    try:
        return Decimal(text) if text not in (None, "") else None
    except InvalidOperation:
        return None


@require_POST
@login_required
def save_answers(request, pk):
    """Save the declared answers; a refused file is reported, the rest is kept."""
    dossier = _dossier(request, pk)
    inputs = []
    for indicator in Indicator.objects.filter(
        criterion__criteria_set=dossier.criteria_set, kind="declared"
    ):
        prefix = f"i{indicator.pk}"
        inputs.append(
            cycle.AnswerInput(
                indicator_id=indicator.pk,
                met=request.POST.get(f"{prefix}-met") == "on",
                note=request.POST.get(f"{prefix}-note", "")[:2000],
                value=_decimal(request.POST.get(f"{prefix}-value")),
                files=tuple(request.FILES.getlist(f"{prefix}-files")),
            )
        )
    try:
        errors = cycle.save_answers(dossier=dossier, actor=request.user, answers=inputs)
    except cycle.CycleError as error:
        messages.error(request, str(error))
        return redirect("recognition:dossier", pk=dossier.pk)
    for error in errors:
        messages.error(request, error)
    if errors:
        messages.warning(request, _("Your other answers were saved."))
    else:
        messages.success(request, _("Your answers were saved."))
    if request.POST.get("then") == "submit" and not errors:
        return submit(request, pk)
    return redirect("recognition:dossier", pk=dossier.pk)


@require_POST
@login_required
def submit(request, pk):
    dossier = _dossier(request, pk)
    try:
        cycle.submit(dossier=dossier, actor=request.user)
    except cycle.CycleError as error:
        messages.error(request, str(error))
    else:
        if dossier.submitted_late:
            messages.warning(
                request,
                _("Submitted after the deadline (%(date)s): it is marked late.")
                % {"date": dossier_deadline(dossier.year).strftime("%d/%m/%Y")},
            )
        else:
            messages.success(request, _("Your self-assessment was sent for checking."))
    return redirect("recognition:dossier", pk=dossier.pk)


@never_cache
@login_required
def certificate(request, pk):
    dossier = _dossier(request, pk)
    if dossier.status != DossierStatus.RECOGNISED:
        raise Http404
    _log_view(request, dossier, AccessKind.DOSSIER_CERTIFICATE)
    pdf = certificate_pdf(dossier, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="chung-nhan-{dossier.pk}.pdf"'
    return response


# Officers ------------------------------------------------------------------

QUEUE_STATUSES = [DossierStatus.SELF_ASSESSED, DossierStatus.VERIFIED]


def _officer(request):
    if not request.user.has_perm("recognition.view_queue"):
        raise PermissionDenied
    return request.user


@never_cache
@login_required
def queue(request):
    """Dossiers to verify and recognise at the officer's level, with filters."""
    user = _officer(request)
    villages = Village.objects.filter(commune_id=user.commune_id)
    form = QueueFilterForm(request.GET or None, villages=villages)
    form.is_valid()
    data = getattr(form, "cleaned_data", {}) or {}
    year = data.get("year") or timezone.localdate().year
    dossiers = Dossier.objects.filter(visible_dossiers(user), year=year)
    if data.get("status"):
        dossiers = dossiers.filter(status=data["status"])
    else:
        dossiers = dossiers.filter(status__in=QUEUE_STATUSES)
    if data.get("model"):
        dossiers = dossiers.filter(model=data["model"])
    if data.get("village"):
        dossiers = dossiers.filter(village=data["village"])
    dossiers = dossiers.select_related("village", "commune").order_by(
        "status", "village__name", "subject_name"
    )[:300]
    evaluations = {
        (e.model, e.subject_key): e for e in _evaluations_for(dossiers, year)
    }
    rows = [(d, evaluations.get((d.model, d.subject_key))) for d in dossiers]
    return render(
        request,
        "recognition/queue.html",
        {
            "form": form,
            "year": year,
            "rows": rows,
            "decision_form": DecisionForm(),
        },
    )


def _evaluations_for(dossiers, year: int):
    """The stored verdicts of these dossiers' subjects for the dossiers' own year."""
    keys = [d.subject_key for d in dossiers]
    if not keys:
        return []
    return Evaluation.objects.filter(subject_key__in=keys, year=year).only(
        "model", "subject_key", "passed", "level", "points", "band", "year"
    )


@require_POST
@login_required
def bulk(request):
    """Accept or recognise the ticked dossiers."""
    user = _officer(request)
    ids = request.POST.getlist("dossier")
    dossiers = Dossier.objects.filter(visible_dossiers(user), pk__in=ids)
    action = request.POST.get("action")
    if action == "accept":
        count = cycle.accept(dossiers=dossiers, officer=user)
        messages.success(request, _("%(count)d dossiers accepted.") % {"count": count})
    elif action == "recognise":
        form = DecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Enter the decision number and date."))
        else:
            try:
                decision = cycle.recognise(
                    dossiers=dossiers.select_related("unit", "commune__province"),
                    officer=user,
                    **form.cleaned_data,
                )
            except cycle.CycleError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("Recognised by decision %(number)s.")
                    % {"number": decision.number},
                )
    return redirect(safe_next(request, "recognition:queue"))


@require_POST
@login_required
def return_dossier(request, pk):
    dossier = _dossier(request, pk)
    comments = {
        indicator.pk: request.POST.get(f"comment-{indicator.pk}", "")
        for indicator in Indicator.objects.filter(
            criterion__criteria_set=dossier.criteria_set
        )
    }
    try:
        cycle.return_dossier(
            dossier=dossier,
            officer=request.user,
            note=request.POST.get("note", ""),
            comments=comments,
        )
    except cycle.CycleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The dossier was returned with your comments."))
    return redirect("recognition:dossier", pk=dossier.pk)


@require_POST
@login_required
def revoke(request, pk):
    dossier = _dossier(request, pk)
    form = RevokeForm(request.POST)
    try:
        cycle.revoke(
            dossier=dossier,
            officer=request.user,
            reason=form.data.get("reason", ""),
        )
    except cycle.CycleError as error:
        messages.error(request, str(error))
    return redirect("recognition:dossier", pk=dossier.pk)


@login_required
def run_evaluation(request):
    """Start the bulk evaluation of the officer's commune; show the latest runs."""
    user = request.user
    if not (user.has_perm("recognition.run_evaluation") and user.commune_id):
        raise PermissionDenied
    if request.method == "POST":
        run = start_run(commune=user.commune, year=_year(request), user=user)
        messages.success(request, _("The evaluation has started."))
        return redirect(f"{request.path}?run={run.pk}")
    runs = list(EvaluationRun.objects.filter(commune_id=user.commune_id)[:10])
    for run in runs:
        run.lines = model_lines(run.counts)
        run.stalled = is_stalled(run)
    return render(
        request,
        "recognition/runs.html",
        {
            "runs": runs,
            "year": _year(request),
            # Reload while a run works, so the officer sees it move without script.
            "refresh": any(run.active and not run.stalled for run in runs),
        },
    )


def verify(request, code):
    """Public check of a recognition: name, title, year, authority, still valid?"""
    dossier = get_object_or_404(
        Dossier.objects.select_related("decision").filter(
            status__in=[DossierStatus.RECOGNISED, DossierStatus.REVOKED]
        ),
        public_code=code,
    )
    return render(request, "recognition/verify.html", {"dossier": dossier})


def published(request, year):
    """The public list of those recognised in a year, by commune and model."""
    commune = None
    dossiers = Dossier.objects.filter(year=year, status=DossierStatus.RECOGNISED)
    if request.GET.get("commune"):
        commune = get_object_or_404(Commune, code=request.GET["commune"])
        dossiers = dossiers.filter(commune=commune)
    if request.GET.get("model") in LearningModel.values:
        dossiers = dossiers.filter(model=request.GET["model"])
    dossiers = dossiers.select_related("village", "commune", "decision").order_by(
        "model", "commune__name", "village__name", "subject_name"
    )[:2000]
    return render(
        request,
        "recognition/published.html",
        {
            "year": year,
            "commune": commune,
            "dossiers": dossiers,
            "models": LearningModel.choices,
        },
    )
