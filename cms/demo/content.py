"""The words of the demo site: reference data, courses, lessons, resources and news.

Written for real learners: the lesson texts follow common extension and health advice
and say when to ask a professional.
"""

SUBJECTS = [
    ("nong-nghiep", "Nông nghiệp"),
    ("suc-khoe", "Sức khoẻ"),
    ("phap-luat", "Pháp luật"),
    ("ky-nang-so", "Kỹ năng số"),
    ("ngoai-ngu", "Ngoại ngữ"),
    ("van-hoa-xa-hoi", "Văn hoá – xã hội"),
]

TARGET_GROUPS = [
    ("nong-dan", "Nông dân"),
    ("nguoi-cao-tuoi", "Người cao tuổi"),
    ("phu-nu", "Phụ nữ"),
    ("thanh-nien", "Thanh niên"),
    ("nguoi-dan-toc-thieu-so", "Người dân tộc thiểu số"),
    ("can-bo-co-so", "Cán bộ cơ sở"),
]

LICENCES = [
    (
        "CC-BY-4.0",
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/deed.vi",
        "Được sao chép, chia sẻ và chỉnh sửa, kể cả để kinh doanh, miễn là ghi rõ "
        "tên tác giả và nguồn.",
    ),
    (
        "CC-BY-SA-4.0",
        "CC BY-SA 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.vi",
        "Được sao chép, chia sẻ và chỉnh sửa, kể cả để kinh doanh; phải ghi rõ tác "
        "giả và chia sẻ bản chỉnh sửa theo cùng giấy phép này.",
    ),
    (
        "CC-BY-NC-4.0",
        "CC BY-NC 4.0",
        "https://creativecommons.org/licenses/by-nc/4.0/deed.vi",
        "Được sao chép, chia sẻ và chỉnh sửa để học tập, không được dùng để kinh "
        "doanh; phải ghi rõ tác giả.",
    ),
    (
        "CC-BY-NC-SA-4.0",
        "CC BY-NC-SA 4.0",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.vi",
        "Được sao chép, chia sẻ và chỉnh sửa, không dùng để kinh doanh; ghi rõ tác "
        "giả và chia sẻ bản chỉnh sửa theo cùng giấy phép.",
    ),
    (
        "CC-BY-ND-4.0",
        "CC BY-ND 4.0",
        "https://creativecommons.org/licenses/by-nd/4.0/deed.vi",
        "Được sao chép và chia sẻ nguyên văn, kể cả để kinh doanh; không được chỉnh "
        "sửa; phải ghi rõ tác giả.",
    ),
    (
        "CC0-1.0",
        "CC0 1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/deed.vi",
        "Tác giả đã từ bỏ mọi quyền: được dùng tự do cho mọi mục đích, không cần xin "
        "phép.",
    ),
    (
        "PD",
        "Phạm vi công cộng",
        "https://creativecommons.org/publicdomain/mark/1.0/deed.vi",
        "Tài liệu không thuộc đối tượng bảo hộ quyền tác giả (ví dụ văn bản pháp "
        "luật) hoặc đã hết thời hạn bảo hộ: được dùng tự do.",
    ),
]

INSTITUTIONS = [
    ("Trường Đại học Sư phạm Hà Nội", "ĐHSPHN", "https://hnue.edu.vn"),
    ("Trường Đại học Nông Lâm Thái Nguyên", "ĐHNL", "https://tuaf.edu.vn"),
]


def p(*paragraphs: str) -> list[dict]:
    return [{"type": "paragraph", "value": "".join(f"<p>{x}</p>" for x in paragraphs)}]


def ul(*items: str) -> list[dict]:
    html = "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    return [{"type": "paragraph", "value": html}]


def h(text: str) -> list[dict]:
    return [{"type": "heading", "value": {"text": text, "level": "h2"}}]


def note(kind: str, text: str) -> list[dict]:
    return [{"type": "callout", "value": {"kind": kind, "text": f"<p>{text}</p>"}}]


def quote(text: str, attribution: str = "") -> list[dict]:
    return [{"type": "quote", "value": {"text": text, "attribution": attribution}}]


COURSES = [
    {
        "slug": "ky-thuat-trong-lua-cai-tien-sri",
        "title": "Kỹ thuật trồng lúa cải tiến SRI",
        "subject": "nong-nghiep",
        "target_groups": ["nong-dan", "nguoi-dan-toc-thieu-so"],
        "centre": "03037",
        "level": "beginner",
        "hours": "6",
        "summary": "Cấy mạ non, cấy thưa, tưới ướt khô xen kẽ: giảm giống, giảm nước, "
        "giảm phân đạm mà lúa vẫn khoẻ và cho năng suất tốt.",
        "lessons": [
            {
                "slug": "sri-la-gi",
                "title": "SRI là gì và vì sao nên áp dụng",
                "summary": "Bốn nguyên tắc của hệ thống canh tác lúa cải tiến.",
                "minutes": 20,
                "required": True,
                "body": p(
                    "SRI (hệ thống canh tác lúa cải tiến) không phải là giống lúa mới "
                    "mà là cách chăm sóc giúp cây lúa phát triển bộ rễ khoẻ, đẻ nhánh "
                    "nhiều và ít sâu bệnh.",
                )
                + h("Bốn nguyên tắc chính")
                + ul(
                    "Cấy mạ non, khi mạ có 2 – 2,5 lá, nhổ mạ nhẹ tay, cấy ngay.",
                    "Cấy thưa, mỗi khóm 1 – 2 dảnh, cấy nông tay.",
                    "Giữ ruộng ẩm, tưới ướt khô xen kẽ thay vì ngập nước liên tục.",
                    "Bón nhiều phân hữu cơ, làm cỏ sục bùn để đất thoáng khí.",
                )
                + note(
                    "tip",
                    "Nhiều nơi áp dụng SRI giảm được khoảng 70% lượng giống và một "
                    "phần ba lượng nước tưới so với cách cấy dày truyền thống.",
                )
                + quote(
                    "Cấy thưa thì lúa đẻ nhiều, ruộng thoáng thì ít sâu bệnh.",
                    "Kinh nghiệm của bà con nông dân",
                ),
            },
            {
                "slug": "lam-ma-va-cay-ma-non",
                "title": "Làm mạ và cấy mạ non",
                "summary": "Gieo mạ thưa trên nền đất tốt và cấy mạ 8 – 12 ngày tuổi.",
                "minutes": 25,
                "required": True,
                "body": h("Chuẩn bị mạ")
                + ul(
                    "Ngâm ủ hạt giống đã chọn lọc, bỏ hạt lép.",
                    "Gieo thưa trên luống mạ hoặc khay có trộn phân chuồng hoai mục.",
                    "Giữ ẩm luống mạ, che phủ khi trời rét dưới 15 °C.",
                )
                + h("Cấy mạ")
                + p(
                    "Nhổ hoặc xúc mạ cả bầu đất, cấy trong vòng 30 phút để rễ không "
                    "bị khô. Cấy nông 1 – 2 cm, khoảng cách 25 × 25 cm đến 30 × 30 cm "
                    "tuỳ độ màu mỡ của ruộng.",
                )
                + note(
                    "warning",
                    "Ở vùng núi cao, mùa xuân rét đậm: nên chờ trời ấm mới cấy và "
                    "giữ một ít mạ dự phòng để dặm.",
                ),
            },
            {
                "slug": "tuoi-uot-kho-xen-ke",
                "title": "Quản lý nước: tưới ướt khô xen kẽ",
                "summary": "Khi nào cho nước vào ruộng, khi nào rút nước phơi ruộng.",
                "minutes": 20,
                "required": True,
                "body": p(
                    "Sau khi cấy, giữ mặt ruộng ẩm hoặc có lớp nước mỏng 1 – 2 cm. "
                    "Để ruộng khô tự nhiên đến khi mặt đất nứt chân chim rồi mới cho "
                    "nước vào lại.",
                )
                + ul(
                    "Giai đoạn đẻ nhánh: ướt khô xen kẽ, làm cỏ sục bùn 2 – 3 lần.",
                    "Cuối đẻ nhánh: rút nước phơi ruộng 5 – 7 ngày để hạn chế nhánh vô "
                    "hiệu.",
                    "Từ làm đòng đến trỗ bông: giữ lớp nước 3 – 5 cm, không để ruộng "
                    "khô hạn.",
                    "Trước thu hoạch 10 – 15 ngày: rút cạn nước.",
                )
                + note(
                    "note",
                    "Dùng một ống nhựa đục lỗ cắm xuống ruộng để nhìn mực nước dưới "
                    "mặt đất: khi nước xuống sâu khoảng 15 cm thì tưới lại.",
                ),
            },
            {
                "slug": "bon-phan-va-phong-tru-sau-benh",
                "title": "Bón phân, làm cỏ và phòng trừ sâu bệnh",
                "summary": "Ưu tiên phân hữu cơ, bón đạm ít và đúng lúc, thăm đồng "
                "thường xuyên.",
                "minutes": 25,
                "required": False,
                "body": p(
                    "Bón lót phân chuồng hoai mục hoặc phân hữu cơ vi sinh. Bón thúc "
                    "đạm chia nhỏ nhiều lần, nhìn màu lá để quyết định lượng bón.",
                )
                + h("Phòng trừ sâu bệnh tổng hợp")
                + ul(
                    "Thăm đồng mỗi tuần, chú ý bệnh đạo ôn, rầy nâu, sâu cuốn lá.",
                    "Bảo vệ thiên địch như nhện, bọ rùa, ong ký sinh.",
                    "Chỉ phun thuốc khi mật độ sâu vượt ngưỡng, theo hướng dẫn của cán "
                    "bộ khuyến nông, và theo nguyên tắc 4 đúng.",
                )
                + note(
                    "warning",
                    "Khi phun thuốc phải đeo khẩu trang, găng tay; không phun khi "
                    "trời gió mạnh; rửa tay sạch trước khi ăn uống.",
                ),
            },
        ],
    },
    {
        "slug": "cham-soc-suc-khoe-nguoi-cao-tuoi",
        "title": "Chăm sóc sức khoẻ người cao tuổi",
        "subject": "suc-khoe",
        "target_groups": ["nguoi-cao-tuoi", "phu-nu"],
        "centre": "00070",
        "level": "beginner",
        "hours": "4",
        "summary": "Ăn uống, vận động, đo huyết áp tại nhà và nhận biết dấu hiệu cần "
        "đi khám ngay, dành cho người cao tuổi và người chăm sóc.",
        "lessons": [
            {
                "slug": "dinh-duong-hop-ly",
                "title": "Dinh dưỡng hợp lý cho người cao tuổi",
                "summary": "Ăn nhạt, nhiều rau, đủ đạm và uống đủ nước.",
                "minutes": 15,
                "required": True,
                "body": ul(
                    "Ăn nhạt: dưới một thìa cà phê muối (5 g) mỗi ngày, kể cả nước "
                    "mắm, bột canh.",
                    "Mỗi bữa có rau xanh và một phần đạm: cá, đậu phụ, trứng, thịt "
                    "nạc.",
                    "Uống sữa hoặc ăn sữa chua để có thêm canxi cho xương.",
                    "Uống đủ nước, khoảng 6 – 8 cốc mỗi ngày, kể cả khi không khát.",
                    "Hạn chế đồ chiên rán, đồ ngọt và rượu bia.",
                )
                + note(
                    "tip",
                    "Chia thành nhiều bữa nhỏ nếu ăn kém; nấu mềm, thái nhỏ cho người "
                    "răng yếu.",
                ),
            },
            {
                "slug": "van-dong-va-phong-nga",
                "title": "Vận động và phòng ngã",
                "summary": "Đi bộ, tập thăng bằng và làm nhà cửa an toàn hơn.",
                "minutes": 20,
                "required": True,
                "body": p(
                    "Mỗi ngày nên đi bộ hoặc tập dưỡng sinh khoảng 30 phút, chia làm "
                    "nhiều lần nếu mệt.",
                )
                + h("Bài tập thăng bằng đơn giản")
                + ul(
                    "Vịn vào lưng ghế, đứng co một chân trong 10 giây, đổi chân.",
                    "Đứng lên ngồi xuống ghế 10 lần, không dùng tay chống.",
                )
                + h("Nhà an toàn, ít té ngã")
                + ul(
                    "Đủ ánh sáng ở lối đi, cầu thang và nhà vệ sinh, kể cả ban đêm.",
                    "Lắp tay vịn ở nhà tắm, dùng thảm chống trơn.",
                    "Dọn gọn dây điện và đồ vật trên lối đi.",
                ),
            },
            {
                "slug": "theo-doi-huyet-ap-tai-nha",
                "title": "Theo dõi huyết áp tại nhà",
                "summary": "Đo đúng cách, ghi chép và biết khi nào cần gặp bác sĩ.",
                "minutes": 20,
                "required": True,
                "body": h("Đo huyết áp đúng cách")
                + ul(
                    "Ngồi nghỉ 5 phút, không hút thuốc hay uống cà phê trước đó 30 "
                    "phút.",
                    "Ngồi tựa lưng, hai chân đặt trên sàn, tay để trên bàn ngang tim.",
                    "Quấn băng đo trên khuỷu tay khoảng 2 cm, không đo qua áo dày.",
                    "Đo hai lần cách nhau 1 phút, ghi lại cả hai kết quả và giờ đo.",
                )
                + note(
                    "warning",
                    "Nếu huyết áp từ 140/90 mmHg trở lên ở nhiều lần đo, hãy đến trạm "
                    "y tế xã. Không tự ý tăng, giảm hay ngừng thuốc huyết áp.",
                ),
            },
            {
                "slug": "dau-hieu-can-di-kham-ngay",
                "title": "Dấu hiệu cần đưa đi khám ngay",
                "summary": "Nhận biết đột quỵ và dấu hiệu nguy hiểm, gọi cấp cứu 115.",
                "minutes": 15,
                "required": False,
                "body": p(
                    "Đột quỵ cần được cấp cứu trong vài giờ đầu. Hãy nhớ các dấu hiệu:",
                )
                + ul(
                    "Méo miệng, mặt lệch một bên khi cười.",
                    "Yếu hoặc tê một bên tay, chân.",
                    "Nói khó, nói ngọng, không hiểu lời người khác.",
                    "Chóng mặt, mất thăng bằng, nhìn mờ đột ngột.",
                )
                + note(
                    "warning",
                    "Gặp một trong các dấu hiệu trên: gọi ngay 115, ghi nhớ giờ bắt "
                    "đầu có dấu hiệu, không cho ăn uống, không cạo gió hay chích máu "
                    "đầu ngón tay.",
                ),
            },
        ],
    },
    {
        "slug": "su-dung-dien-thoai-thong-minh-an-toan",
        "title": "Sử dụng điện thoại thông minh an toàn",
        "subject": "ky-nang-so",
        "target_groups": ["nguoi-cao-tuoi", "thanh-nien", "phu-nu"],
        "centre": "03037",
        "level": "beginner",
        "hours": "5",
        "summary": "Từ những thao tác đầu tiên đến khoá màn hình, nhận biết lừa đảo "
        "và dùng ứng dụng ngân hàng an toàn.",
        "lessons": [
            {
                "slug": "lam-quen-voi-dien-thoai",
                "title": "Làm quen với điện thoại thông minh",
                "summary": "Bật máy, chạm, vuốt, gọi điện và chỉnh cỡ chữ to.",
                "minutes": 20,
                "required": True,
                "body": ul(
                    "Chạm nhẹ để mở ứng dụng, vuốt lên xuống để xem tiếp.",
                    "Vào Cài đặt → Màn hình → Cỡ chữ để chữ to, dễ đọc.",
                    "Lưu số điện thoại người thân vào Danh bạ kèm tên rõ ràng.",
                    "Sạc pin bằng bộ sạc đúng loại, không vừa sạc vừa gọi lâu.",
                )
                + note("tip", "Nhờ con cháu đặt số khẩn cấp lên màn hình khoá."),
            },
            {
                "slug": "mat-khau-va-khoa-man-hinh",
                "title": "Đặt mật khẩu và khoá màn hình",
                "summary": "Giữ điện thoại và tài khoản của bạn an toàn.",
                "minutes": 15,
                "required": True,
                "body": ul(
                    "Đặt mã khoá màn hình 6 số, không dùng ngày sinh hay 123456.",
                    "Không cho người lạ mượn điện thoại đã mở khoá.",
                    "Cập nhật phần mềm khi điện thoại báo có bản cập nhật.",
                    "Chỉ cài ứng dụng từ kho ứng dụng chính thức của máy.",
                ),
            },
            {
                "slug": "nhan-biet-lua-dao",
                "title": "Nhận biết tin nhắn và cuộc gọi lừa đảo",
                "summary": "Không bao giờ đọc mã OTP cho người khác.",
                "minutes": 25,
                "required": True,
                "body": p(
                    "Kẻ gian thường giả làm công an, nhân viên ngân hàng, nhà mạng "
                    "hoặc người thân đang gặp nạn để hối thúc bạn chuyển tiền.",
                )
                + ul(
                    "Cơ quan công an không gọi điện yêu cầu chuyển tiền hay làm việc "
                    "qua mạng xã hội.",
                    "Ngân hàng không bao giờ hỏi mã OTP hay mật khẩu.",
                    "Không bấm vào đường link lạ trong tin nhắn, kể cả khi báo trúng "
                    "thưởng.",
                    "Khi người thân nhắn vay tiền, hãy gọi lại đúng số quen để hỏi.",
                )
                + note(
                    "warning",
                    "Nếu lỡ chuyển tiền cho kẻ gian, gọi ngay tổng đài ngân hàng để "
                    "khoá tài khoản và báo công an xã.",
                ),
            },
            {
                "slug": "ung-dung-ngan-hang-an-toan",
                "title": "Dùng ứng dụng nhắn tin và ngân hàng an toàn",
                "summary": "Gọi video với người thân và chuyển tiền có kiểm tra.",
                "minutes": 20,
                "required": False,
                "body": ul(
                    "Gọi video qua ứng dụng nhắn tin khi có Wi-Fi để tiết kiệm tiền.",
                    "Trước khi chuyển tiền, kiểm tra kỹ tên người nhận hiện ra.",
                    "Đặt hạn mức chuyển tiền mỗi ngày vừa đủ dùng.",
                    "Bật thông báo biến động số dư để biết ngay khi có giao dịch lạ.",
                ),
            },
        ],
    },
]

# Published resources; "institution" indexes INSTITUTIONS.
RESOURCES = [
    {
        "institution": 1,
        "title": "Quản lý dịch hại tổng hợp (IPM) trên cây lúa",
        "original_title": "Integrated Pest Management in Rice: "
        "A Farmer Field School Guide",
        "language": "vi",
        "original_language": "en",
        "licence": "CC-BY-NC-SA-4.0",
        "subjects": ["nong-nghiep"],
        "translators": [
            ("Nguyễn Văn Minh", "Khoa Nông học, Trường Đại học Nông Lâm Thái Nguyên"),
            ("Lê Thị Thu Hà", "Khoa Ngoại ngữ, Trường Đại học Nông Lâm Thái Nguyên"),
        ],
        "year": 2024,
        "source": "Bản dịch tiếng Việt của tài liệu tập huấn lớp học hiện trường "
        "cho nông dân (bản gốc tiếng Anh).",
        "summary": "Tài liệu dịch từ tiếng Anh: cách thăm đồng, nhận biết thiên địch, "
        "ngưỡng phòng trừ và tổ chức lớp học hiện trường cho nông dân.",
    },
    {
        "institution": 1,
        "title": "Kỹ thuật ủ phân hữu cơ từ phụ phẩm nông nghiệp",
        "licence": "CC-BY-4.0",
        "subjects": ["nong-nghiep"],
        "year": 2023,
        "source": "Khoa Môi trường, Trường Đại học Nông Lâm Thái Nguyên.",
        "summary": "Tận dụng rơm rạ, thân cây ngô và phân chuồng để ủ phân hữu cơ "
        "trong 30 – 45 ngày, giảm đốt rơm và tiết kiệm phân hoá học.",
    },
    {
        "institution": 1,
        "title": "Chăm sóc đàn gà thả vườn trong mùa đông",
        "licence": "CC-BY-SA-4.0",
        "subjects": ["nong-nghiep"],
        "year": 2022,
        "source": "Khoa Chăn nuôi – Thú y, Trường Đại học Nông Lâm Thái Nguyên.",
        "summary": "Che chắn chuồng, bổ sung thức ăn và tiêm phòng để đàn gà qua "
        "mùa rét ở vùng núi phía Bắc.",
    },
    {
        "institution": 0,
        "title": "Kỹ năng sử dụng Internet an toàn cho người cao tuổi",
        "licence": "CC-BY-4.0",
        "subjects": ["ky-nang-so"],
        "year": 2024,
        "source": "Khoa Công nghệ thông tin, Trường Đại học Sư phạm Hà Nội.",
        "summary": "Sổ tay có hình minh hoạ: tìm kiếm thông tin, nhận biết tin giả "
        "và bảo vệ thông tin cá nhân trên mạng.",
    },
    {
        "institution": 0,
        "title": "Tiếng Anh giao tiếp cho người làm du lịch cộng đồng",
        "licence": "CC-BY-NC-4.0",
        "subjects": ["ngoai-ngu", "van-hoa-xa-hoi"],
        "year": 2023,
        "source": "Khoa Tiếng Anh, Trường Đại học Sư phạm Hà Nội.",
        "summary": "Những mẫu câu chào hỏi, giới thiệu homestay, món ăn và đường đi "
        "dành cho bà con làm du lịch cộng đồng.",
    },
    {
        "institution": 0,
        "title": "Luật Đất đai 2024: những điều người dân cần biết",
        "licence": "PD",
        "subjects": ["phap-luat"],
        "year": 2024,
        "source": "Tóm tắt từ Luật Đất đai số 31/2024/QH15.",
        "source_url": "https://vbpl.vn",
        "summary": "Quyền và nghĩa vụ của người sử dụng đất, cấp giấy chứng nhận, "
        "chuyển nhượng và bồi thường khi Nhà nước thu hồi đất, viết dễ hiểu.",
    },
]

# Submitted by the contributor and waiting for a reviewer: shows the workflow.
PENDING_RESOURCE = {
    "institution": 0,
    "title": "Hướng dẫn tổ chức lớp xoá mù chữ cho người lớn",
    "licence": "CC-BY-SA-4.0",
    "subjects": ["van-hoa-xa-hoi"],
    "year": 2025,
    "source": "Khoa Giáo dục Tiểu học, Trường Đại học Sư phạm Hà Nội.",
    "summary": "Cách chiêu sinh, xếp lớp, soạn bài và động viên học viên lớn tuổi "
    "theo học đến khi biết đọc, biết viết.",
}

NEWS = [
    {
        "slug": "khai-giang-lop-tin-hoc-cho-nguoi-cao-tuoi",
        "title": "Khai giảng lớp sử dụng điện thoại thông minh cho người cao tuổi",
        "days_ago": 3,
        "intro": "Trung tâm học tập cộng đồng xã Tả Van mở lớp miễn phí mỗi tối thứ "
        "Ba và thứ Năm cho người cao tuổi trong xã.",
        "body": p(
            "Lớp học gồm 8 buổi, hướng dẫn gọi video với con cháu, nhận biết tin "
            "nhắn lừa đảo và dùng ứng dụng ngân hàng an toàn. Học viên mang theo "
            "điện thoại của mình; trung tâm có sẵn một số máy để thực hành.",
        ),
    },
    {
        "slug": "tap-huan-sri-tai-thon-ta-van-mong",
        "title": "Tập huấn kỹ thuật trồng lúa SRI tại thôn Tả Van Mông",
        "days_ago": 12,
        "intro": "Hơn 40 hộ nông dân tham gia buổi tập huấn đầu vụ xuân.",
        "body": p(
            "Cán bộ khuyến nông cùng giảng viên Trường Đại học Nông Lâm Thái Nguyên "
            "hướng dẫn làm mạ khay, cấy mạ non và tưới ướt khô xen kẽ ngay trên "
            "ruộng trình diễn của thôn.",
        ),
    },
    {
        "slug": "tuan-le-hoc-tap-suot-doi",
        "title": "Phường Hoàn Kiếm hưởng ứng Tuần lễ học tập suốt đời",
        "days_ago": 30,
        "intro": "Nhiều hoạt động đọc sách, chia sẻ kiến thức và học tập trực tuyến "
        "dành cho mọi lứa tuổi.",
        "body": p(
            "Trung tâm học tập cộng đồng phường tổ chức ngày hội đọc sách, lớp chăm "
            "sóc sức khoẻ người cao tuổi và giới thiệu thư viện học liệu mở trên "
            "trang web của trung tâm.",
        ),
    },
]

# The lesson that shows the generated demo video (the first of the smartphone course).
VIDEO_LESSON_SLUG = "lam-quen-voi-dien-thoai"
