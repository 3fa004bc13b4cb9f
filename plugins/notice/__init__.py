"""The `notice` kind: any other disclosure, Markdown plus attachments (design §2)."""

from plugins.notice.kind import NOTICE


def register() -> None:
    from plugins.disclosures.kinds import KINDS

    KINDS.add(NOTICE)
