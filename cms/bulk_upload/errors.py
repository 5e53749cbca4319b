class BundleError(ValueError):
    """The upload as a whole is unusable; nothing was created. Said in Vietnamese."""


class MemberError(ValueError):
    """One file of the ZIP cannot be used; its row fails, the others go on."""
