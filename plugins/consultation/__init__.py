"""The `consultation` kind: a draft put to the people for comments (lấy ý kiến Nhân dân).

Front matter gives the comment period (`comments: {from, to}`), the ways comments are taken (`ways`) and
where to send them (`send_to`); the draft is an attachment. After the period an optional results table
(`STT | Nội dung | Số ý kiến | Tiếp thu, giải trình`) is the outcome. Pure core: schema, load (checks
only), present (the phase on a date: "còn N ngày để góp ý", "đang tổng hợp ý kiến", the outcome). Glue:
the registration.
"""

from plugins.consultation.kind import CONSULTATION


def register_kinds() -> None:
    from plugins.disclosures.kinds import KINDS

    KINDS.add(CONSULTATION, __name__)


register = register_kinds  # Pelican's entry point: a kind connects no signal of its own
