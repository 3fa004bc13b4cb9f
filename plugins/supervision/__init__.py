"""The `supervision` kind: what the People's Inspection Board (Ban Thanh tra nhân dân) or the community
investment supervision board (Ban Giám sát đầu tư của cộng đồng) found, recommended, and the answers.

Pure core: schema, load (checks only), present (recommendations without an answer first, the works the
commune's land-use and budget disclosures also name). Glue: the registration.
"""

from plugins.supervision.kind import SUPERVISION


def register_kinds() -> None:
    from plugins.disclosures.kinds import KINDS

    KINDS.add(SUPERVISION, __name__)


register = register_kinds  # Pelican's entry point: a kind connects no signal of its own
