"""MkDocs hooks (see `hooks:` in mkdocs.yml): what `mkdocs build --strict` checks beyond links.

- Every public name (`scripts/public_api.py`) has a `::: name` entry in docs/reference/, every
  entry there is public, and each has a docstring (what `help()` shows). A miss is a warning,
  and `--strict` turns warnings into a failed build.
- Mermaid diagrams render offline: Material loads mermaid from a CDN unless the page already
  has it, so the site ships a pinned mermaid.min.js taken from the npm registry's package
  (`npm pack`, checked against its SHA-256) and cached in .docs-cache/.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent))
import public_api

log = logging.getLogger("mkdocs.hooks.browser_use_cloud")

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".docs-cache"
MERMAID_VERSION = "11.17.2"
MERMAID_SHA256 = "581ed7d74bd9048d0e3a91363927d72ef22942d7722546b27f7cc29e35390eb8"
MERMAID_URI = "assets/javascripts/mermaid.min.js"  # listed in extra_javascript


def _fetch_mermaid(destination: Path) -> None:
    if shutil.which("npm") is None:
        raise PluginError(
            "the site's diagrams need mermaid from the npm registry and `npm` is not installed "
            "(Debian: apt-get install npm)"
        )
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(
            [
                "npm",
                "pack",
                f"mermaid@{MERMAID_VERSION}",
                "--pack-destination",
                scratch,
                "--silent",
            ],
            check=True,
            capture_output=True,
        )
        with tarfile.open(Path(scratch) / f"mermaid-{MERMAID_VERSION}.tgz") as archive:
            member = archive.extractfile("package/dist/mermaid.min.js")
            assert member is not None
            data = member.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != MERMAID_SHA256:
        raise PluginError(
            f"mermaid {MERMAID_VERSION} from npm has SHA-256 {digest}, not the pinned one"
        )
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(data)


def on_pre_build(config: MkDocsConfig, **_: Any) -> None:
    for problem in public_api.check_reference(public_api.load(ROOT), Path(config.docs_dir)):
        log.warning(problem)


def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:
    cached = CACHE / f"mermaid-{MERMAID_VERSION}.min.js"
    if not cached.exists():
        log.info(f"fetching mermaid {MERMAID_VERSION} from the npm registry")
        _fetch_mermaid(cached)
    files.append(File.generated(config, MERMAID_URI, abs_src_path=str(cached)))
    return files
