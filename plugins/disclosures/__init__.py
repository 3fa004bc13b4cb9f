"""The content contract: commune.yml, pages and disclosure bundles, listings and posting status.

Pure core: yamlsource, schema, model, commune, bundle, pages, kinds, listings,
settings. The disk at the edge: files (the one walk of content/, limits),
history (git), site (loads everything through files), store (the one store
kept between runs: its parts, keying and pruning), cache (what was read, in the
store), outputs (what each output was made from, carried over
when unchanged), workers (every core), staging (the safe swap). Pelican glue:
build (Pelican in this process over the loaded site), generator, fragments
(what many pages show alike, rendered once per build), dated (the parts of a
page the build's date decides, marked for what must not change with it),
reader, and the wiring below.
"""


def add_kind_templates(generator) -> None:
    """Every generator (disclosure pages, print views, the editor) finds each kind's templates, as
    "<kind id>/page.html", after the theme's (which may override them)."""
    from plugins.disclosures.kinds import KINDS

    generator.env.loader.loaders.append(KINDS.templates_loader())


def add_template_filters(generator) -> None:
    """The core's own filters, for every template: a disclosure's line in a list, a page without its dated parts."""
    from plugins.disclosures import dated, fragments

    fragments.add_filters(generator)
    dated.add_filters(generator)


def get_generators(_pelican):
    from plugins.disclosures.generator import DisclosuresGenerator

    return DisclosuresGenerator


def checksums_for_plain_pelican(pelican) -> None:
    """`pelican content -s pelicanconf.py` publishes SHA256SUMS as `make html` does: scripts/ckx.py writes it
    itself, once the printed PDFs it keeps are in the new site."""
    from pathlib import Path

    from plugins.disclosures.build import PRELOADED
    from plugins.disclosures.checksums import write_checksums

    if pelican.settings.get(PRELOADED) is None:
        write_checksums(Path(pelican.output_path))


def register() -> None:
    from pelican import signals

    from plugins.disclosures.reader import use_yaml_reader

    signals.get_generators.connect(get_generators)
    signals.readers_init.connect(use_yaml_reader)
    signals.generator_init.connect(add_kind_templates)
    signals.generator_init.connect(add_template_filters)
    signals.finalized.connect(checksums_for_plain_pelican)
