"""Material's scripts block is held for after the first paint, and nothing else is let through."""

from __future__ import annotations

import pytest

from build_tools.site import after_paint, inline

BLOCK = ('\n      <script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>\n'
         '      \n        <script src="extra &amp; more.js"></script>\n      \n')


def test_each_script_tag_is_held_in_order() -> None:
    assert after_paint.hold(BLOCK) == (
        '<script type="text/plain" data-after-paint '
        'src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
        '<script type="text/plain" data-after-paint src="extra &amp; more.js"></script>')


def test_an_empty_block_stays_empty() -> None:
    assert after_paint.hold("\n   \n") == ""


@pytest.mark.parametrize("block", [
    '<script src="a.js" defer></script>',
    '<script type="module" src="a.js"></script>',
    "<script>var a = 1;</script>",
    '<script src="a.js"></script><link rel="stylesheet" href="b.css">',
    '<script src=""></script>',
])
def test_anything_but_plain_script_tags_is_refused(block: str) -> None:
    with pytest.raises(ValueError, match="cannot wait for the first paint"):
        after_paint.hold(block)


def test_the_page_script_that_starts_them_looks_for_the_held_attribute() -> None:
    script = inline.site_js(inline.SCRIPTS)
    assert "script[data-after-paint]" in script
    assert after_paint.HELD.endswith("data-after-paint")
