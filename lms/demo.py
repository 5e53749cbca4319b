"""Demo people for `make run`: an administrator and a few residents."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

ADMIN_PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


def ensure_admin() -> tuple[str, str]:
    """Create the demo administrator once; return its login and password."""
    User = get_user_model()
    if ADMIN_PASSWORD_FILE.exists():
        password = ADMIN_PASSWORD_FILE.read_text().strip()
    else:
        password = secrets.token_urlsafe(12)
        ADMIN_PASSWORD_FILE.write_text(password + "\n")
        ADMIN_PASSWORD_FILE.chmod(0o600)
    admin = User.objects.filter(username="admin").first()
    if admin is None:
        User.objects.create_superuser(
            username="admin",
            email="admin@example.vn",
            password=password,
            full_name="Quản trị viên",
        )
    elif not admin.check_password(password):
        admin.set_password(password)
        admin.save(update_fields=["password"])
    return "admin", password
