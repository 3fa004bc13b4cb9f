"""The `notice` kind: any other disclosure, Markdown plus attachments (design §2)."""

from plugins.notice.kind import NOTICE


def register_kinds() -> None:
    from plugins.disclosures.kinds import KINDS

    KINDS.add(NOTICE, __name__)


register = register_kinds  # Pelican's entry point: a kind connects no signal of its own
