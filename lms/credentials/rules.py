"""Who may download a credential file (the public JSON needs the verify code only).

The holder of a course certificate (and centre staff of their commune, who may
already print it); for a title, those who speak for the subject or follow the
dossier as officers: the officer hands a family, clan or unit its badge.
"""

import rules

from lms.recognition.rules import oversees, speaks_for
from lms.rules import may_see_learner_of

rules.add_perm("credentials.download_certificate_badge", may_see_learner_of)
rules.add_perm("credentials.download_dossier_badge", speaks_for | oversees)
