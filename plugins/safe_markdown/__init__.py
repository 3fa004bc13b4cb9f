"""Officers' Markdown to HTML that is safe to publish.

A library, not a Pelican plugin: every reader of officer text (pages,
disclosure explanations) calls `render`. The web editor lets anyone with
write access type raw HTML, so scripts, event handlers, styles and
`javascript:` links are removed after rendering, whatever the Markdown said.
"""

from plugins.safe_markdown.render import render

__all__ = ["render"]
