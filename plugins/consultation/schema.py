"""What a consultation declares and the table of its outcome."""

from plugins.disclosures.schema import Date, ListOf, Record, Text
from plugins.tables import Column, TableSchema

WAYS = {  # `ways:` values -> how the page and the sheet name them
    "meetings": "tại hội nghị ở thôn, tổ dân phố",
    "forms": "bằng phiếu lấy ý kiến phát tới hộ gia đình",
    "mailbox": "bỏ thư vào hòm thư góp ý tại trụ sở Ủy ban nhân dân",
    "website": "gửi trên trang thông tin điện tử của xã",
    "village-heads": "gửi trưởng thôn, tổ trưởng tổ dân phố",
}
WAY_CHOICES = {  # what the editor offers
    "meetings": "Hội nghị ở thôn, tổ dân phố", "forms": "Phiếu lấy ý kiến", "mailbox": "Hòm thư góp ý",
    "website": "Trang thông tin điện tử", "village-heads": "Qua trưởng thôn, tổ trưởng tổ dân phố",
}
KEYS = {
    "comments": Record(fields={"from": Date(required=True, label="Từ ngày"), "to": Date(required=True, label="Đến hết ngày")},
                       required=True, label="Thời gian lấy ý kiến"),
    "ways": ListOf(item=Text(choices=WAY_CHOICES), label="Cách góp ý"),
    "send_to": Text(label="Gửi ý kiến về", hint="Nơi và cách gửi, ví dụ: Văn phòng Ủy ban nhân dân xã, điện thoại ..."),
}

STT = Column("STT", "stt", required=False, aliases=("TT", "Số TT", "Số thứ tự"))
TOPIC = Column("Nội dung", "noi_dung", not_empty=True,
               aliases=("Nội dung góp ý", "Nội dung ý kiến", "Nội dung lấy ý kiến", "Vấn đề góp ý", "Điều, khoản"))
COUNT = Column("Số ý kiến", "so_y_kien", type="integer", required=False,
               aliases=("Số lượng ý kiến", "Số ý kiến góp ý", "Số lượt ý kiến", "Số người góp ý"))
ANSWER = Column("Tiếp thu, giải trình", "tiep_thu", not_empty=True,
                aliases=("Ý kiến tiếp thu, giải trình", "Giải trình, tiếp thu", "Tiếp thu", "Kết quả tiếp thu",
                         "Tiếp thu, giải trình của Ủy ban nhân dân", "Giải trình"))
NOTE = Column("Ghi chú", "ghi_chu", required=False)
RESULTS_TABLE = TableSchema(columns=(STT, TOPIC, COUNT, ANSWER, NOTE))
