"""The supervision kind: the results of the People's Inspection Board or the community investment
supervision board, work by work."""

from plugins.disclosures.kinds import Exports, Kind, Shows, Tables
from plugins.disclosures.model import Issuing
from plugins.open_data.package import Field, Resource
from plugins.supervision.load import load_supervision
from plugins.supervision.present import key_figure, link_related, read_aloud
from plugins.supervision.schema import BOARDS, KEYS, SUPERVISION_TABLE


def supervision_datasets(disclosure, data) -> list[Resource]:
    fields = (Field("Công trình, nội dung giám sát", required=True), Field("Thôn"), Field("Chủ đầu tư"),
              Field("Tổng mức đầu tư", "number"), Field("Kết quả giám sát"), Field("Kiến nghị"),
              Field("Trả lời, xử lý"), Field("Chưa được trả lời", "boolean"), Field("Ghi chú"))
    return [Resource("ket-qua-giam-sat", f"Kết quả giám sát của {data.board}", fields, lambda: (
        (w.name, w.village.name if w.village else None, w.investor, w.investment, w.findings, w.recommendation,
         w.answer, w.unanswered, w.note) for w in data.works))]


def issued_by(front, commune) -> Issuing | None:
    """A board's report is the board's, in its own name under the commune's Mặt trận Tổ quốc, which sets both
    boards up (Luật 10/2022 Điều 41-42, Nghị định 59/2023 Điều 17: docs/can-cu-phap-ly.md), signed by its head;
    never the People's Committee's."""
    board = BOARDS.get(front.get("board") or "")
    if board is None:
        return None
    return Issuing(f"ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM {commune.type} {commune.name}\n{board}".upper(),
                   on_behalf=f"TM. {board.upper()}", role="TRƯỞNG BAN")


SUPERVISION = Kind(
    id="supervision",
    label="Kết quả thanh tra, giám sát của Nhân dân",
    slug="giam-sat",
    description="Kết quả giám sát của Ban Thanh tra nhân dân và Ban Giám sát đầu tư của cộng đồng, kiến nghị và trả lời.",
    front_keys=KEYS,
    legal_basis=("Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 (Nhân dân kiểm tra, giám sát)",),
    default_posting_days=30,
    order=60,
    issue_codes=("thon-khong-co", "so-khong-hop-le"),
    issued_by=issued_by,
    tables=Tables(
        schema=SUPERVISION_TABLE,
        load=load_supervision,
        required=True,
        publish_originals=True,
    ),
    shows=Shows(
        key_figure=key_figure,
        read_aloud=read_aloud,
        across=link_related,
    ),
    exports=Exports(
        datasets=supervision_datasets,
    ),
)
