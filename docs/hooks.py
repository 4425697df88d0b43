"""MkDocs hooks: the site also shows the Markdown that lives beside the code.

README.md, CONTRIBUTING.md, each service's README and deploy/'s and bench/'s are written to be
read in the repository, with links relative to where they sit. This hook adds them to the site
and rewrites every relative link, theirs and docs/'s, to where its target is in the site. A link
to a file the site does not show (a module, a manifest) becomes the file's path in code.

Nothing here reaches the network; `make docs` builds with ``--strict``.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ("intake", "dispatch", "billing", "feedback", "console")

# Repository path -> path in the site.
OUTSIDE = {
    "README.md": "index.md",
    "CONTRIBUTING.md": "contributing.md",
    "deploy/README.md": "operations/deploy.md",
    "bench/README.md": "operations/bench.md",
    **{f"services/{s}/README.md": f"services/{s}.md" for s in SERVICES},
}
IN_SITE = {site: repo for repo, site in OUTSIDE.items()}

LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^()\s]+)\)")
# An image kept under docs/ (the console's screenshots), shown by a page written outside it.
IMAGE = re.compile(r"!\[([^\]]*)\]\((docs/[^()\s]+)\)")
FENCE = re.compile(r"^\s*(```|~~~)")


def on_files(files: Files, config: Any) -> Files:
    for repo, site in OUTSIDE.items():
        if (ROOT / repo).exists():
            files.append(File.generated(config, site, abs_src_path=str(ROOT / repo)))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    site_path = page.file.src_uri
    repo_path = IN_SITE.get(site_path, f"docs/{site_path}")

    def image(match: re.Match[str]) -> str:
        alt, target = match.groups()
        relative = posixpath.relpath(
            target.removeprefix("docs/"), posixpath.dirname(site_path) or "."
        )
        return f"![{alt}]({relative})"

    def rewrite(match: re.Match[str]) -> str:
        text, target = match.groups()
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            return match.group(0)
        path, _, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(repo_path), path))
        if resolved in OUTSIDE:
            site_target = OUTSIDE[resolved]
        elif resolved.startswith("docs/") and resolved.endswith(".md"):
            site_target = resolved.removeprefix("docs/")
        else:
            return f"{text} (`{resolved}`)" if text.strip("`") != resolved else f"`{resolved}`"
        relative = posixpath.relpath(site_target, posixpath.dirname(site_path) or ".")
        return f"[{text}]({relative}{'#' + anchor if anchor else ''})"

    # Prose is rewritten a stretch at a time (a link's text may wrap), code blocks never.
    out: list[str] = []
    prose: list[str] = []
    fenced = False
    for line in markdown.splitlines(keepends=True):
        if FENCE.match(line):
            if not fenced:
                out.append(IMAGE.sub(image, LINK.sub(rewrite, "".join(prose))))
                prose = []
            fenced = not fenced
            out.append(line)
        elif fenced:
            out.append(line)
        else:
            prose.append(line)
    out.append(IMAGE.sub(image, LINK.sub(rewrite, "".join(prose))))
    return "".join(out)
