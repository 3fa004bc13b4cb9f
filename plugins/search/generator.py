"""Pelican glue: write the search page (tim-kiem/) from the theme's `search.html`."""

from pelican.generators import Generator

from plugins.search import posting_labels


class SearchPageGenerator(Generator):
    def generate_output(self, writer) -> None:
        writer.write_file("tim-kiem/index.html", self.get_template("search"), self.context, page_url="tim-kiem/",
                          posting_labels=posting_labels())
