"""The consultation kind: a draft put to the people, its comment period, and what was taken in."""

from plugins.consultation.load import is_village_rules, load_consultation
from plugins.consultation.present import key_figure, open_consultations, read_aloud
from plugins.consultation.schema import KEYS, RESULTS_TABLE
from plugins.disclosures.kinds import Exports, Kind, Setting, Shows, Tables
from plugins.disclosures.model import Issuing
from plugins.open_data.package import Field, Resource
from plugins.vietnamese.text import fold


def consultation_datasets(disclosure, data) -> list[Resource]:
    if not data.outcomes:
        return []
    fields = (Field("Nội dung", required=True), Field("Số ý kiến", "integer"), Field("Tiếp thu, giải trình"),
              Field("Ghi chú"))
    return [Resource("ket-qua-lay-y-kien", "Kết quả tiếp thu, giải trình ý kiến của Nhân dân", fields,
                     lambda: ((o.topic, o.count, o.answer, o.note) for o in data.outcomes))]


def issued_by(front, commune) -> Issuing | None:
    """A village's hương ước or quy ước is the village's to put to its people (Nghị định 61/2023/NĐ-CP, Điều 9,
    read in its text: docs/can-cu-phap-ly.md): the draft of one village's rules is issued in the village's name
    and signed by its head; any other consultation is the People's Committee's."""
    villages = [v for v in commune.villages if v.slug in (front.get("villages") or ())]
    if not is_village_rules(front.get("title") or "") or len(villages) != 1:
        return None
    village = villages[0]
    head = "TỔ TRƯỞNG TỔ DÂN PHỐ" if fold(village.name).startswith("to dan pho") else "TRƯỞNG THÔN"
    return Issuing(f"{commune.type} {commune.name}\n{village.name}".upper(), role=head)


def _at_least_one(days: int) -> str | None:
    return None if days >= 1 else "cần ít nhất 1 ngày"


CONSULTATION = Kind(
    id="consultation",
    label="Lấy ý kiến Nhân dân",
    slug="lay-y-kien",
    description="Dự thảo đưa ra lấy ý kiến Nhân dân, thời gian góp ý và kết quả tiếp thu, giải trình.",
    front_keys=KEYS,
    settings={"min_comment_days": Setting(30, "số ngày tối thiểu lấy ý kiến dự thảo hương ước, quy ước", _at_least_one)},
    issued_by=issued_by,
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
