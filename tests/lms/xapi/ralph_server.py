"""Ralph's LRS for the tests, run by .venv-lrs's Python: ``ralph_server.py PORT``.

Ralph 5.1.0's filesystem LRS backend writes every POST with the "create" operation,
which refuses a file that exists: each POST after the first answers 500. The test
LRS appends to its file instead, which is what the backend's "append" is for.
"""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    uvicorn.run(
        "ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning"
    )
