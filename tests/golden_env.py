"""Whether this run regenerates the golden files (UPDATE_GOLDEN=1) or compares with them."""

from __future__ import annotations

import os


def updating() -> bool:
    # Only "1" regenerates: UPDATE_GOLDEN=0 (or any other value) compares, as it reads.
    return os.environ.get("UPDATE_GOLDEN", "").strip() == "1"
