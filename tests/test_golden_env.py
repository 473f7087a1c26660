"""UPDATE_GOLDEN=1 regenerates the golden files; every other value compares with them."""

from __future__ import annotations

import pytest
from golden_env import updating


@pytest.mark.parametrize(("value", "regenerates"), [
    ("1", True), ("0", False), ("", False), ("false", False), ("no", False),
])
def test_only_update_golden_1_regenerates(value: str, regenerates: bool,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UPDATE_GOLDEN", value)
    assert updating() is regenerates


def test_unset_compares(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UPDATE_GOLDEN", raising=False)
    assert updating() is False
