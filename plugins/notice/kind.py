"""A notice has no tables; it may be posted on boards or only published on the site,
so `posting` is optional (design §2 requires it only for board kinds)."""

from plugins.disclosures.kinds import Kind

NOTICE = Kind(
    id="notice",
    label="Thông báo",
    slug="thong-bao",
    description="Các thông báo, quyết định và văn bản khác Ủy ban nhân dân công khai.",
    posting_required=False,
    order=90,
)
