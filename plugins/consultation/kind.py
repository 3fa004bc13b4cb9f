"""The consultation kind: a draft put to the people, its comment period, and what was taken in."""

from plugins.consultation.load import load_consultation
from plugins.consultation.present import key_figure, open_consultations, read_aloud
from plugins.consultation.schema import KEYS, RESULTS_TABLE
from plugins.disclosures.kinds import Exports, Kind, Setting, Shows, Tables
from plugins.open_data.package import Field, Resource


def consultation_datasets(disclosure, data) -> list[Resource]:
    if not data.outcomes:
        return []
    fields = (Field("Nội dung", required=True), Field("Số ý kiến", "integer"), Field("Tiếp thu, giải trình"),
              Field("Ghi chú"))
    return [Resource("ket-qua-lay-y-kien", "Kết quả tiếp thu, giải trình ý kiến của Nhân dân", fields,
                     lambda: ((o.topic, o.count, o.answer, o.note) for o in data.outcomes))]


def _at_least_one(days: int) -> str | None:
    return None if days >= 1 else "cần ít nhất 1 ngày"


CONSULTATION = Kind(
    id="consultation",
    label="Lấy ý kiến Nhân dân",
    slug="lay-y-kien",
    description="Dự thảo đưa ra lấy ý kiến Nhân dân, thời gian góp ý và kết quả tiếp thu, giải trình.",
    front_keys=KEYS,
    settings={"min_comment_days": Setting(30, "số ngày tối thiểu của thời gian lấy ý kiến", _at_least_one)},
    legal_basis=("Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 (Nhân dân tham gia ý kiến)",),
    default_posting_days=30,
    order=50,
    issue_codes=("lay-y-kien-qua-ngan", "khoang-thoi-gian-nguoc", "so-khong-hop-le"),
    tables=Tables(
        schema=RESULTS_TABLE,
        load=load_consultation,
    ),
    shows=Shows(
        key_figure=key_figure,
        read_aloud=read_aloud,
        home_data=open_consultations,
    ),
    exports=Exports(
        datasets=consultation_datasets,
    ),
)
