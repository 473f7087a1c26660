"""Every built page, online and in the offline bundle, carries a Content-Security-Policy that
allows the site's own scripts and its own inline scripts by hash, and nothing else."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from build_tools.model import Build, Paths
from build_tools.site import csp, offline

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _pages(built: tuple[Build, Paths]) -> dict[str, str]:
    build, paths = built
    pages = {f"site/{p.relative_to(paths.site)}": p.read_text("utf-8")
             for p in sorted(paths.site.rglob("*.html"))}
    with zipfile.ZipFile(offline.zip_path(build, paths.dist)) as zf:
        shim = zf.read(f"{offline.bundle_name(build)}/{offline.SHIM_PATH}").decode("utf-8")
        pages.update({f"zip/{name}": zf.read(name).decode("utf-8")
                      for name in zf.namelist() if name.endswith(".html")})
    pages["shim"] = shim
    return pages


@pytest.fixture(scope="module")
def pages(built: tuple[Build, Paths]) -> dict[str, str]:
    return _pages(built)


def test_every_page_has_the_policy_before_any_script(pages: dict[str, str]) -> None:
    shim = pages.pop("shim")
    online = [n for n in pages if n.startswith("site/")]
    bundled = [n for n in pages if n.startswith("zip/")]
    assert len(online) > 20 and len(bundled) > 20
    assert any("/p/" in n for n in online) and any(n.endswith("404.html") for n in online)
    for name, html in pages.items():
        metas = META.findall(html)
        assert len(metas) == 1, name
        head = html[:html.index("<script")] if "<script" in html else html
        assert META.search(head), f"{name}: a script comes before the policy"
        directives = [d.strip() for d in metas[0].split(";")]
        assert directives[1:] == ["object-src 'none'", "base-uri 'none'", "form-action 'none'"]
        script_src = directives[0].split()
        assert script_src[:2] == ["script-src", "'self'"], name
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        wanted = {csp.digest(text) for text in csp.inline_scripts(html)}
        if offline.SHIM_PATH in html:
            url = csp.worker_url(html)
            assert url, name
            written = csp.shim_script(shim, url)
            assert written is not None, "the iframe-worker shim's template has changed"
            wanted.add(csp.digest(written))
        assert set(script_src[2:]) == wanted, name
    assert any(offline.SHIM_PATH in pages[n] for n in bundled), "no page loads the shim"


def test_the_digest_is_the_browsers() -> None:
    # The value Chromium names for `alert(1)` when it refuses it; \r\n is parsed as \n.
    assert csp.digest("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert csp.digest("a\r\nb") == csp.digest("a\nb")


def test_a_page_gets_one_policy_with_each_inline_script() -> None:
    html = ('<!doctype html><html><head><meta charset="utf-8"><script>a()</script>'
            '<script src="x.js"></script><script type="application/ld+json">{}</script></head>'
            "<body><script>b()</script></body></html>")
    out = csp.with_policy(html)
    policy = META.search(out)
    assert policy and out.index(policy.group(0)) < out.index("<script")
    for text in ("a()", "{}", "b()"):
        assert csp.digest(text) in policy.group(1)
    assert policy.group(1).count("sha256-") == 3
    with pytest.raises(ValueError, match="already"):
        csp.with_policy(out)


def test_a_site_is_rewritten_in_place(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<html><head></head><body><script>x()</script>"
                                               "</body></html>", "utf-8")
    assert csp.apply(tmp_path, offline.SHIM_PATH) == 1
    assert csp.digest("x()") in (tmp_path / "a" / "index.html").read_text("utf-8")
