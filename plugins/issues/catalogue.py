"""Every issue code, with a Vietnamese title and the rule it enforces.

Codes are stable slugs: officers search for them, docs link to them, tests
compare them. Add a code here before using it; `docs/ma-loi.md` is generated
from this table (`make docs`) and a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IssueCode:
    code: str
    title: str
    rule: str


_CODES = [
    # Files and structure
    IssueCode("thieu-tep-xa", "Thiếu tệp commune.yml", "Thư mục content/ phải có tệp commune.yml mô tả xã."),
    IssueCode("sai-vi-tri-ho-so", "Hồ sơ đặt sai chỗ",
              "Mỗi hồ sơ công khai là một thư mục content/disclosures/<năm>/<tên-ngắn>/ có tệp index.md."),
    IssueCode("tep-khong-ton-tai", "Tệp được khai báo nhưng không có",
              "Mỗi tệp khai báo trong tables hoặc attachments phải nằm trong thư mục hồ sơ."),
    IssueCode("duong-dan-khong-hop-le", "Đường dẫn tệp không hợp lệ",
              "Tên tệp chỉ trỏ tới tệp trong chính thư mục hồ sơ, không dùng ../ hay đường dẫn tuyệt đối."),
    IssueCode("tep-khong-doc-duoc", "Không đọc được tệp", "Tệp phải đọc được và đúng định dạng khai báo."),
    IssueCode("tep-dinh-kem-khong-hop-le", "Tệp đính kèm không được đăng",
              "Chỉ đăng PDF, ảnh JPEG/PNG/WebP, Excel .xlsx, Word .docx và CSV, đúng với phần đuôi tên tệp và không rỗng; "
              "trang web, hình vẽ .svg và chương trình không bao giờ được đăng."),
    IssueCode("anh-khong-hop-le", "Ảnh trong thuyết minh không thuộc hồ sơ",
              "Ảnh chèn vào phần thuyết minh phải là tệp đính kèm của chính hồ sơ, không lấy từ trang web khác."),
    IssueCode("lien-ket-ra-ngoai", "Liên kết trỏ ra ngoài content/",
              "Trang chỉ đọc các tệp nằm trong thư mục content/; liên kết (symbolic link) ra ngoài bị từ chối."),
    IssueCode("lien-ket-hong", "Liên kết hỏng", "Liên kết (symbolic link) phải trỏ tới một tệp có thật trong content/."),
    IssueCode("tep-dac-biet", "Không phải tệp thường", "Thư mục content/ chỉ chứa tệp và thư mục thường."),
    IssueCode("tep-qua-lon", "Tệp vượt giới hạn",
              "Mỗi loại tệp có giới hạn dung lượng và số dòng (CKX_LIMITS, docs/an-toan.md) để trang luôn xây xong nhanh."),
    IssueCode("ky-tu-dieu-khien", "Ký tự điều khiển vô hình",
              "Văn bản không chứa ký tự điều khiển (NUL, ESC...); chúng không hiện ra nhưng làm hỏng trang."),
    IssueCode("cai-dat-khong-hop-le", "Cài đặt không hợp lệ",
              "Mỗi cài đặt trong pelicanconf.py có kiểu và khoảng giá trị đã định; cài đặt lạ bị từ chối."),
    # Front matter and YAML
    IssueCode("thieu-front-matter", "Thiếu phần khai báo đầu tệp",
              "index.md bắt đầu bằng dòng ---, các khóa YAML, rồi một dòng --- nữa."),
    IssueCode("loi-cu-phap-yaml", "Lỗi cú pháp YAML", "Phần khai báo phải là YAML hợp lệ."),
    IssueCode("yaml-khong-ho-tro", "Cú pháp YAML không được dùng",
              "Neo (&), bí danh (*), gộp khóa (<<) và thẻ (!) không được dùng: cán bộ không cần chúng, "
              "và chúng có thể làm một tệp nhỏ nở ra hàng GB."),
    IssueCode("khoa-trung", "Khóa bị viết hai lần", "Mỗi khóa chỉ viết một lần; YAML sẽ lặng lẽ bỏ giá trị trước."),
    IssueCode("noi-dung-mau", "Còn câu mẫu chưa sửa",
              "Hồ sơ tạo bằng make new phải được viết nội dung thật trước khi đăng."),
    IssueCode("thieu-bang", "Thiếu bảng số liệu",
              "Ngân sách, đất đai, hộ nghèo công khai bằng bảng số liệu; hồ sơ không có bảng thì không đăng."),
    IssueCode("thieu-khoa", "Thiếu khóa bắt buộc", "Các khóa bắt buộc của hợp đồng nội dung phải có giá trị."),
    IssueCode("khoa-khong-ho-tro", "Khóa không được hỗ trợ",
              "Chỉ dùng các khóa của hợp đồng nội dung; khóa lạ thường là lỗi gõ."),
    IssueCode("khoa-ban-nhap-sai", "Khóa bản nháp viết sai",
              "Chỉ dòng draft: true ở đầu phần khai báo giữ hồ sơ lại; Draft, drafts hay draft lồng trong khóa khác "
              "không có tác dụng nên bị từ chối, để bản nháp không bao giờ bị đăng vì gõ nhầm."),
    IssueCode("xay-dung-that-bai", "Xây dựng dừng giữa chừng",
              "Một phần của chương trình dừng khi tạo trang; trang cũ được giữ nguyên và lỗi được báo để sửa."),
    IssueCode("khong-tao-duoc-phan-chung", "Không tạo được phần chung của một loại văn bản",
              "Phần một loại văn bản làm từ mọi văn bản của nó (xu hướng qua các kỳ, mục trên trang chủ, lịch chung "
              "của xã) mà chương trình không tạo được thì trang vẫn đăng đúng ngày, chưa có phần đó, và lệnh báo lỗi."),
    IssueCode("thieu-lich-nghi-le", "Chưa có ngày nghỉ lễ của năm",
              "Ngày làm việc (hạn công khai, thời gian niêm yết, dời buổi tiếp dân) tính theo ngày nghỉ lễ, Tết "
              "của từng năm; năm chưa có trong dữ liệu thì được báo để bổ sung, không tính sai mà không nói."),
    IssueCode("khong-tao-duoc-trang", "Không tạo được trang của một hồ sơ",
              "Hồ sơ đã qua kiểm tra mà chương trình vẫn không tạo được trang của nó (lỗi giao diện hoặc chương "
              "trình): hồ sơ đó được giữ lại (đăng bản không lỗi gần nhất trong git, hoặc chưa đăng), mọi phần "
              "khác vẫn đăng đúng ngày và lệnh báo lỗi."),
    IssueCode("tim-kiem-khong-lap-duoc", "Không lập được một phần chỉ mục tìm kiếm",
              "Phần chỉ mục tìm kiếm không lập được thì không đăng, không giữ bản cũ (có thể còn tên người đã phải "
              "gỡ); phần còn lại của trang vẫn đăng đúng ngày và lệnh báo lỗi."),
    IssueCode("gia-tri-qua-dai", "Giá trị quá dài",
              "Mỗi khóa có độ dài tối đa (tiêu đề 500 ký tự, các khóa khác 1.000) để trang, hình chia sẻ và bản đọc "
              "trên loa luôn làm xong nhanh; nội dung dài viết ở phần thuyết minh."),
    IssueCode("sai-kieu", "Sai kiểu giá trị", "Mỗi khóa có một kiểu: chữ, ngày, danh sách hoặc nhóm khóa."),
    IssueCode("ngay-khong-hop-le", "Ngày không hợp lệ",
              "Ngày viết theo dạng 2026-01-05 hoặc 05/01/2026 (ngày trước, tháng sau) và phải là ngày có thật."),
    IssueCode("gia-tri-khong-hop-le", "Giá trị không nằm trong danh sách cho phép",
              "Các khóa như kind, places, role chỉ nhận các giá trị đã định."),
    IssueCode("thon-khong-co", "Thôn không có trong commune.yml",
              "Mọi thôn, tổ dân phố được nhắc tới phải có trong danh sách villages của commune.yml."),
    IssueCode("thoi-gian-niem-yet-nguoc", "Thời gian niêm yết ngược", "Ngày kết thúc niêm yết không được trước ngày bắt đầu."),
    IssueCode("khoang-thoi-gian-nguoc", "Khoảng thời gian ngược",
              "Ngày cuối (to) của kỳ báo cáo (period) hay thời gian lấy ý kiến (comments) không được trước ngày đầu (from)."),
    IssueCode("lay-y-kien-qua-ngan", "Thời gian lấy ý kiến ngắn hơn quy định",
              "Dự thảo hương ước, quy ước được lấy ý kiến (comments) ít nhất min_comment_days ngày (mặc định 30 theo "
              "Nghị định 61/2023/NĐ-CP, Điều 9; CKX_KIND_SETTINGS). Nội dung khác không có thời hạn tối thiểu chung."),
    IssueCode("niem-yet-ngan-hon-ngay-doc-loa", "Thời gian niêm yết ngắn hơn số ngày đọc trên loa",
              "Văn bản đọc trên loa truyền thanh (loudspeaker) được đọc ít nhất 03 ngày liên tục trong thời gian niêm yết "
              "(broadcast_days trong CKX_KIND_SETTINGS); thời gian niêm yết phải dài ít nhất bằng số ngày đó."),
    # The year's obligations (plugins/obligations, docs/nghia-vu.md)
    IssueCode("nghia-vu-sap-den-han", "Sắp đến hạn công khai",
              "Mỗi nghĩa vụ công khai có hạn (data/nghia-vu.yml); make validate nhắc những gì đến hạn trong 15 ngày "
              "mà chưa có văn bản."),
    IssueCode("nghia-vu-qua-han", "Quá hạn công khai", "Văn bản pháp luật yêu cầu công khai phải có trên trang trước hạn."),
    IssueCode("nghia-vu-thieu-ngay", "Thiếu ngày để tính hạn công khai",
              "Hạn công khai dự toán, quyết toán, kế hoạch sử dụng đất tính từ ngày quyết định, phê duyệt (decided) "
              "hoặc ngày gửi đại biểu Hội đồng nhân dân (submitted)."),
    IssueCode("nghia-vu-niem-yet-chua-dat", "Niêm yết chưa đủ ngày hoặc thiếu nơi niêm yết",
              "Mỗi nghĩa vụ nêu thời gian niêm yết tối thiểu và các kênh phải có (trụ sở, nhà văn hóa thôn, loa "
              "truyền thanh)."),
    IssueCode("niem-yet-truoc-ban-hanh", "Niêm yết trước ngày ban hành",
              "Văn bản chỉ được niêm yết từ ngày ban hành trở đi."),
    IssueCode("nam-thu-muc-khac-nam-ban-hanh", "Thư mục năm khác năm ban hành",
              "Hồ sơ nằm trong thư mục của năm ban hành để địa chỉ trang ổn định."),
    IssueCode("ma-xa-khong-hop-le", "Mã xã không hợp lệ", "Mã đơn vị hành chính cấp xã gồm đúng 5 chữ số."),
    IssueCode("trung-ten-ngan", "Tên ngắn bị trùng", "Tên ngắn (slug) của mỗi thôn phải khác nhau."),
    IssueCode("ten-ngan-khong-hop-le", "Tên ngắn không hợp lệ",
              "Tên ngắn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang."),
    IssueCode("ten-ngan-trung", "Tên ngắn trùng địa chỉ khác",
              "Mỗi trang có một địa chỉ riêng; tên ngắn không được trùng trang khác hay các mục của trang web "
              "(tim-kiem, du-lieu, cong-khai, admin...)."),
    # Tables
    IssueCode("bang-trong", "Bảng không có dữ liệu", "Bảng phải có dòng tiêu đề và ít nhất một dòng dữ liệu."),
    IssueCode("thieu-cot", "Thiếu cột bắt buộc", "Bảng phải có đủ các cột bắt buộc của loại công khai."),
    IssueCode("cot-khong-ro", "Cột không được khai báo công khai",
              "Chỉ các cột mà loại công khai cho phép mới được đưa ra ngoài; cột lạ bị từ chối."),
    IssueCode("cot-trung", "Hai cột cùng được hiểu là một cột của mẫu",
              "Mỗi cột của mẫu chỉ xuất hiện một lần trong bảng, trừ các cột số liệu mẫu cho phép lặp lại "
              "(ví dụ dự toán của ngân sách nhà nước và của ngân sách xã)."),
    IssueCode("cot-khong-ten", "Cột có số liệu nhưng không có tiêu đề",
              "Cột không có tiêu đề thì không được đăng; mỗi cột có số liệu phải có tiêu đề theo mẫu."),
    IssueCode("cong-thuc-chua-co-gia-tri", "Công thức chưa có giá trị",
              "Tệp Excel lưu cả công thức lẫn kết quả; tệp do phần mềm khác tạo có thể chỉ có công thức: trang không "
              "đoán số, mà yêu cầu mở và lưu lại bằng Excel."),
    IssueCode("so-hien-khac-gia-tri", "Số hiện ra khác giá trị lưu trong tệp",
              "Bảng LibreOffice (.ods) lưu cả giá trị lẫn chữ số hiện ra của mỗi ô; ô hiện số không phải là giá trị "
              "làm tròn (phân số, đơn vị có chữ số kèm theo) thì không đoán: tệp bị từ chối cho tới "
              "khi ô hiện đúng số."),
    IssueCode("phan-an-khong-dang", "Phần bị ẩn không được đăng",
              "Dòng, cột, trang tính ẩn trong Excel không hiện khi cán bộ kiểm tra biểu, nên không bao giờ được đăng "
              "hay dùng làm số liệu."),
    IssueCode("dong-ngoai-bang", "Dòng không phải số liệu được để riêng",
              "Phần đầu biểu (tên biểu, đơn vị tính), dòng đánh số cột (A, B, 1, 2...) và phần cuối biểu (ngày "
              "tháng, chữ ký, ghi chú) không được đăng như số liệu; mỗi dòng để riêng đều được ghi nhận."),
    IssueCode("don-vi-khong-khop", "Đơn vị tính không khớp",
              "Đơn vị tính ghi trên biểu và khóa unit (nếu có) phải là một; các bảng của một hồ sơ dùng chung một "
              "đơn vị tính."),
    IssueCode("so-sanh-khong-khop", "Tỷ lệ so sánh không khớp với số liệu",
              "Cột so sánh (%) cán bộ điền phải bằng thương của các cột số liệu, trong phạm vi làm tròn."),
    IssueCode("bang-khong-khop", "Các bảng của một hồ sơ không khớp nhau",
              "Tổng thu, tổng chi ở bảng cân đối bằng dòng tổng của bảng thu, bảng chi."),
    IssueCode("thieu-gia-tri", "Ô bắt buộc bị trống", "Các cột bắt buộc phải có giá trị ở mọi dòng."),
    IssueCode("so-khong-hop-le", "Số không hợp lệ",
              "Số viết theo kiểu Việt Nam (1.234.567,5) hoặc giá trị số của Excel (1234567.5)."),
    IssueCode("so-mo-ho", "Số có thể hiểu hai cách",
              "Số như 12.5 hay 60.4 có thể là 12,5 hoặc 125; phải viết rõ theo kiểu Việt Nam (12,5)."),
    IssueCode("gio-khong-hop-le", "Giờ không hợp lệ", "Giờ viết theo dạng 07:30 hoặc 7h30."),
    IssueCode("tong-khong-khop", "Tổng không khớp",
              "Mỗi dòng tổng (dòng cha) bằng tổng các dòng con của nó, trong phạm vi làm tròn của đơn vị tính; "
              "dòng \"Trong đó\" không được cộng."),
    IssueCode("ma-dat-cu", "Mã loại đất theo quy định cũ",
              "Mã của thông tư trước (BHK, LNQ, DHT...) được nhận kèm cảnh báo nêu mã hiện hành "
              "(plugins/land_use/data/ma-loai-dat-cu.yml); nên đổi sang mã hiện hành."),
    IssueCode("ma-dat-khong-co", "Mã loại đất không có trong bảng mã",
              "Mã loại đất phải có trong bảng mã theo Thông tư 08/2024/TT-BTNMT (plugins/land_use/data/ma-loai-dat.yml)."),
    IssueCode("gio-ket-thuc-truoc-bat-dau", "Giờ kết thúc không sau giờ bắt đầu", "Mỗi buổi kết thúc sau khi bắt đầu."),
    IssueCode("lich-ngoai-thoi-gian-niem-yet", "Buổi nằm ngoài thời gian niêm yết",
              "Các buổi của một lịch nên nằm trong thời gian niêm yết của lịch đó."),
    IssueCode("niem-yet-chua-du-ngay", "Niêm yết chưa đủ số ngày trước buổi đầu tiên",
              "Lịch tiếp công dân niêm yết trước ít nhất 05 ngày làm việc (Luật Tiếp công dân 2013, Điều 24)."),
    IssueCode("tthc-tiep-nhan-khong-khop", "Số hồ sơ tiếp nhận không khớp",
              "Kết quả giải quyết thủ tục hành chính: Tiếp nhận = Đã giải quyết + Đang giải quyết ở mỗi lĩnh vực (khi có cột "
              "Kỳ trước chuyển sang, số tiếp nhận cộng số chuyển sang cũng được); khi có cả cột Trực tuyến và cột Trực "
              "tiếp, dịch vụ bưu chính: Tiếp nhận = (Kỳ trước chuyển sang) + Trực tuyến + Trực tiếp, dịch vụ bưu chính."),
    IssueCode("tthc-giai-quyet-khong-khop", "Số hồ sơ đã giải quyết không khớp",
              "Đã giải quyết = Trước hạn + Đúng hạn + Quá hạn (bảng không có cột Trước hạn: Đúng hạn + Quá hạn)."),
    IssueCode("tthc-dang-giai-quyet-khong-khop", "Số hồ sơ đang giải quyết không khớp",
              "Khi biểu chia số hồ sơ đang giải quyết: Đang giải quyết = Chưa đến hạn + Quá hạn (đang giải quyết)."),
    IssueCode("tthc-ty-le-khong-khop", "Tỷ lệ đúng hạn ghi trong báo cáo không khớp số hồ sơ",
              "Tỷ lệ đúng hạn = (trước hạn + đúng hạn) / đã giải quyết; trang tự tính từ số hồ sơ."),
    IssueCode("tthc-thieu-thu-xin-loi", "Hồ sơ quá hạn chưa đủ thư xin lỗi",
              "Mỗi hồ sơ trả quá hạn cần văn bản xin lỗi người nộp (Nghị định 61/2018/NĐ-CP, nay là Nghị định "
              "118/2025/NĐ-CP: điều khoản chưa đối chiếu); cảnh báo khi Thư xin lỗi ít hơn Quá hạn."),
    # Privacy
    IssueCode("cot-ca-nhan-da-bo", "Cột dữ liệu cá nhân đã bị bỏ khi nhập",
              "make import bỏ cột dữ liệu cá nhân (năm sinh, CCCD, dân tộc...) và không bao giờ ghi nó vào hồ sơ."),
    IssueCode("du-lieu-ca-nhan", "Có dữ liệu cá nhân không được công khai",
              "Số CCCD/CMND, số điện thoại cá nhân và các dữ liệu cá nhân khác không được đăng "
              "(Luật Bảo vệ dữ liệu cá nhân 2025)."),
    IssueCode("cot-du-lieu-ca-nhan", "Cột chứa dữ liệu cá nhân",
              "Bảng có cột dữ liệu cá nhân (CCCD, điện thoại, ngày sinh, BHXH, BHYT, tài khoản, dân tộc, "
              "sức khỏe, khuyết tật) bị từ chối toàn bộ."),
]

CATALOGUE: dict[str, IssueCode] = {c.code: c for c in _CODES}
