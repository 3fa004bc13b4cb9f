"""Parts of pages rendered once per build and reused by every page that shows them.

A disclosure's line in a list is the same on each of the forty-odd listing pages that show it (all
disclosures, its kind, its year, each of its villages, what is posted now) and on the village views: rendered
once per build, not once per page. The line is made from the disclosure alone (its fingerprint names its
title, dates and posting status), the theme and the code: the cache lives with the template environment of
one build, and a page that shows the line is still made again exactly when its own inputs change
(outputs.Outputs)."""

from __future__ import annotations

from typing import Any

from jinja2 import pass_environment
from markupsafe import Markup

LIST_ITEM = "components/disclosure-list-item.html"


@pass_environment
def list_item(environment, disclosure: Any, heading_level: int, siteurl: str, kind_label: str) -> Markup:
    """The `ckx_list_item` filter: `disclosure` as a line of components/disclosure-list.html."""
    values = dict(d=disclosure, heading_level=heading_level, siteurl=siteurl, kind_label=kind_label)
    if not getattr(disclosure, "fingerprint", ""):  # not loaded through load_site: nothing names it
        return Markup(environment.get_template(LIST_ITEM).render(values))
    made = _made(environment)
    key = (disclosure.__fingerprint__(), heading_level, siteurl, kind_label)
    line = made.get(key)
    if line is None:
        line = made[key] = Markup(environment.get_template(LIST_ITEM).render(values))
    return line


def _made(environment) -> dict:
    """The lines rendered with this environment (one per generator of one build), by what they are made from."""
    try:
        return environment.ckx_fragments
    except AttributeError:
        environment.ckx_fragments = {}
        return environment.ckx_fragments


def add_filters(generator) -> None:
    generator.env.filters["ckx_list_item"] = list_item
