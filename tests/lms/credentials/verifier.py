"""Run the independent Node verifier (tests/verifier, digitalbazaar libraries).

The platform's documents are fetched through Django's test client at the paths
their URLs name (did:web resolved as the DID specification says), then handed to
Node; Node brings its own JSON-LD contexts from npm.
"""

import fcntl
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

VERIFIER_DIR = Path(__file__).resolve().parents[2] / "verifier"


def install() -> None:
    """``npm ci`` once, when node_modules is missing or older than the lock file."""
    node_modules = VERIFIER_DIR / "node_modules"
    lock = VERIFIER_DIR / "package-lock.json"
    marker = node_modules / ".package-lock.json"
    # Parallel test workers install once: the others wait on the lock.
    with open(VERIFIER_DIR / ".install.lock", "w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
            return
        npm = shutil.which("npm")
        assert npm, "npm is needed for the independent verifier (Debian: nodejs npm)"
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=VERIFIER_DIR,
            check=True,
            timeout=300,
        )


def did_web_path(did: str) -> str:
    """The path a did:web DID resolves to (did:web method specification)."""
    parts = [unquote(part) for part in did.removeprefix("did:web:").split(":")]
    if len(parts) == 1:
        return "/.well-known/did.json"
    return "/" + "/".join(parts[1:]) + "/did.json"


def _get(client, url_or_path: str) -> dict:
    response = client.get(urlsplit(url_or_path).path)
    assert response.status_code == 200, url_or_path
    return json.loads(response.content)


def served_documents(client, credential: dict) -> dict:
    """Everything a verifier would fetch for ``credential``: DIDs and status lists."""
    documents = {}
    issuer = credential["issuer"]
    dids = {issuer["id"] if isinstance(issuer, dict) else issuer}
    status = credential.get("credentialStatus")
    if status:
        status_list = _get(client, status["statusListCredential"])
        documents[status["statusListCredential"]] = status_list
        dids.add(status_list["issuer"])
    for did in dids:
        documents[did] = _get(client, did_web_path(did))
    return documents


def verify(credential: dict, documents: dict) -> dict:
    """{verified, revoked, error} as the Node verifier reports them."""
    result = subprocess.run(
        ["node", "verify.mjs"],
        cwd=VERIFIER_DIR,
        input=json.dumps({"credential": credential, "documents": documents}),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
