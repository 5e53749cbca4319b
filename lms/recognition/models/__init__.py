from .audit import AppendOnlyError, AuditEntry
from .authorities import DecidingLevel, RecognisingAuthority
from .criteria import CriteriaSet, Criterion, Indicator
from .cycle import (
    Answer,
    Decision,
    Dossier,
    Evaluation,
    EvaluationRun,
    Evidence,
    Verification,
    VerificationComment,
    subject_key,
)
from .membership import (
    Clan,
    ClanHousehold,
    Household,
    HouseholdMembership,
    Unit,
    UnitMembership,
)

__all__ = [
    "AppendOnlyError",
    "Answer",
    "AuditEntry",
    "Clan",
    "ClanHousehold",
    "CriteriaSet",
    "Criterion",
    "DecidingLevel",
    "Decision",
    "Dossier",
    "Evaluation",
    "EvaluationRun",
    "Evidence",
    "Household",
    "HouseholdMembership",
    "Indicator",
    "RecognisingAuthority",
    "Unit",
    "UnitMembership",
    "Verification",
    "VerificationComment",
    "subject_key",
]
