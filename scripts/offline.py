"""The offline copy of the site: opened from a local folder (file://), search included.

Material's ``offline`` plugin turns off directory URLs. The edition's search index is made of
scripts loaded with ``<script>`` tags (:mod:`scripts.search`), which work from file:// as they
are. This edition's pages link to directory URLs in its raw HTML (mentions, timeline, works),
so the edition keeps directory URLs and, after the build, points every relative link at the
``index.html`` inside the directory, which a browser opens from the file system. The
iframe-worker shim that lets the search worker run from file:// is bundled from the npm
package installed in ``tools/`` instead of being loaded from a CDN.

Enabled by the environment variable ``OFFLINE=true`` (``make offline`` sets it).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

SHIM_SOURCE = (
    Path(__file__).resolve().parent.parent
    / "tools"
    / "node_modules"
    / "iframe-worker"
    / "shim"
    / "index.js"
)
SHIM_URL = "assets/javascripts/iframe-worker-shim.js"

# A relative href/src whose path ends in "/" (a directory URL), optionally with a fragment.
_DIRECTORY_LINK = re.compile(r'((?:href|src)=")((?![a-z][a-z0-9+.-]*:|/|#)[^"#?]*/)((?:#[^"]*)?")')
# A relative href that is only dots ("..", "../.."): the home page or a parent directory.
_DOTS_LINK = re.compile(r'((?:href|src)=")((?:\.\.?/)*\.\.?)("|#)')


def enabled() -> bool:
    """Whether this build is the offline copy."""
    return os.environ.get("OFFLINE", "").lower() in {"1", "true", "yes"}


def configure(config: Any) -> None:
    """Keep directory URLs and use the bundled iframe-worker shim instead of a CDN copy."""
    config["use_directory_urls"] = True
    polyfills = [p for p in config["extra"].get("polyfills", []) if "iframe-worker" not in p]
    config["extra"]["polyfills"] = [*polyfills, SHIM_URL]
    features = config["theme"]["features"]
    if "navigation.instant" in features:
        features.remove("navigation.instant")  # instant loading needs fetch(), not file://


def shim() -> str:
    """The iframe-worker shim's code; a clear error if the tools are not installed."""
    if not SHIM_SOURCE.is_file():
        raise FileNotFoundError(
            f"{SHIM_SOURCE} is missing: run 'npm ci --prefix tools' (make offline does it)"
        )
    return SHIM_SOURCE.read_text(encoding="utf-8")


# A root-absolute URL ("/assets/...", the search worker, the config's "base": "/") in an
# attribute or a quoted script string, which MkDocs and Material write into 404.html only:
# from a folder it would mean file:///assets/.
_ROOT_LINK = re.compile(r"""(?<=["'])/(?!/)""")


def link_files(site_dir: Path) -> None:
    """Point directory links at their index.html, in pages and in the inlined search index;
    make the root-absolute links of ``404.html`` (at the top of the site) relative."""
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = _ROOT_LINK.sub("./", text) if page == site_dir / "404.html" else text
        fixed = _DIRECTORY_LINK.sub(r"\1\2index.html\3", fixed)
        fixed = _DOTS_LINK.sub(r"\1\2/index.html\3", fixed)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")


def zip_site(site_dir: Path, target: Path) -> None:
    """Zip the offline site deterministically (sorted names, fixed timestamps)."""
    import zipfile

    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            name = "indochina-edition/" + str(path.relative_to(site_dir))
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


if __name__ == "__main__":
    import sys

    zip_site(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sys.argv[2]}: open indochina-edition/index.html from the unpacked folder")
