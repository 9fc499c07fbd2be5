#!/usr/bin/env python3
"""Regenerate the demo (demo=1) rows of the dvk seed CSVs.

The facts taken from the source articles (rows with demo=0) are curated by
hand in seeds/*.csv and are kept exactly as they are (re-serialised the same
way). Every row with demo=1 in the files below is thrown away and generated
again from the fixed seed SEED, so running the script twice gives
byte-identical files:

    units.csv, models.csv, evaluations.csv, recognitions.csv, awards.csv,
    surveys.csv, plans.csv

The other seed files (fields, targets, directives, reported_figures,
settings) hold no demo rows and are not touched.

What is generated (all fictitious, though the place names are real):
  * a commune-level register for Huyện Văn Chấn (Yên Bái), 2021-2025:
    communes/towns, 12-19 collective models each (launched mostly in
    2021-2023) plus 0-2 individual exemplars, yearly evaluations, removals,
    recognitions at commune/district level, awards.  Each commune has a
    size, a launch pace and a strength (COMMUNES), chosen so that the target
    "at least 10 effective models, at least 2 per field" is met by few
    communes in 2021, about a third in 2023, 55% in 2024 and 65% in 2025;
  * one fictitious commune merger (Xã Nậm Mười into Xã Sùng Đô, 01/01/2024):
    Sùng Đô carries Nậm Mười's models on (evaluated in 2024-2025, unit_ref
    still Nậm Mười; the software counts them for Sùng Đô), and merges the
    ones that duplicate a Sùng Đô model into it;
  * eight provincial agencies / public service units of Yên Bái with models;
  * mass organisations, Party committees and Party organisations (for the
    plan target), plans per organisation per year;
  * satisfaction surveys per commune, for the district and the province.

Python 3 standard library only.  Usage:

    python3 scripts/make_demo_register.py           # rewrite the files above
    python3 scripts/make_demo_register.py --check   # write nothing; print, per
        # year, how many communes meet / are at risk / are behind on the
        # commune target, and run sanity checks (refs resolve, dates, NFC,
        # removal reasons, special cases, files up to date); exit 1 on problems
"""

import csv
import datetime as dt
import io
import os
import random
import sys
import unicodedata

SEED = 20230316  # the date of Đề án số 13, as a number
YEARS = [2021, 2022, 2023, 2024, 2025]
AS_OF = dt.date(2025, 12, 15)  # must match data_as_of in settings.csv
DEMO_SOURCE = "make_demo_register.py"
SURVEY_SOURCE = "Khảo sát mẫu (dữ liệu demo)"

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.normpath(os.path.join(HERE, "..", "seeds"))

HEADERS = {
    "units.csv": ["ref", "official_code", "name", "kind", "parent_ref", "valid_from",
                  "valid_to", "merged_into_ref", "demo", "source"],
    "models.csv": ["ref", "unit_ref", "kind", "title", "field", "description", "goals",
                   "expected_outputs", "funds_vnd", "work_days", "registered_on",
                   "launched_on", "removed_on", "removal_reason", "demo", "source"],
    "evaluations.csv": ["model_ref", "year", "effective", "note", "demo"],
    "recognitions.csv": ["model_ref", "level", "decision_number", "decided_on", "issuer", "demo"],
    "awards.csv": ["kind", "issuer", "decision_number", "decided_on", "recipient",
                   "model_ref", "unit_ref", "demo", "source"],
    "surveys.csv": ["unit_ref", "year", "percent", "respondents", "source", "demo"],
    "plans.csv": ["unit_ref", "year", "adopted", "disseminated", "demo"],
}

FIELDS = ["economy", "cultureSociety", "defenceSecurity", "politicalSystem"]


# --------------------------------------------------------------------------
# Deterministic randomness.  Only Random.random() is used (its output for a
# given seed is stable across Python versions); one generator per topic so
# that changing one part of the data does not reshuffle the rest.

class Rng:
    def __init__(self, *key):
        self._r = random.Random("%d:%s" % (SEED, ":".join(str(k) for k in key)))

    def random(self):
        return self._r.random()

    def chance(self, p):
        return self._r.random() < p

    def randint(self, a, b):
        return a + int(self._r.random() * (b - a + 1))

    def uniform(self, a, b):
        return a + (b - a) * self._r.random()

    def choice(self, seq):
        return seq[int(self._r.random() * len(seq))]

    def weighted(self, items, weights):
        total = float(sum(weights))
        x = self._r.random() * total
        for item, w in zip(items, weights):
            x -= w
            if x < 0:
                return item
        return items[-1]

    def shuffle(self, seq):
        for i in range(len(seq) - 1, 0, -1):
            j = int(self._r.random() * (i + 1))
            seq[i], seq[j] = seq[j], seq[i]


def fmt(d):
    return "" if d is None else d.strftime("%d/%m/%Y")


def rand_date(rng, start, end):
    span = (end - start).days
    return start + dt.timedelta(days=rng.randint(0, span))


# --------------------------------------------------------------------------
# Units.

# Launch-year profiles: how fast a commune built up its register.  Most
# models are launched in 2021-2023; a few come later, some of them after
# mid-June 2025 (so their 2025 evaluation is still pending).
PACES = {
    "pilot": {2021: 0.55, 2022: 0.20, 2023: 0.15, 2024: 0.05, 2025: 0.05},
    "early": {2021: 0.42, 2022: 0.27, 2023: 0.19, 2024: 0.07, 2025: 0.05},
    "steady": {2021: 0.30, 2022: 0.27, 2023: 0.25, 2024: 0.10, 2025: 0.08},
    "late": {2021: 0.22, 2022: 0.22, 2023: 0.30, 2024: 0.15, 2025: 0.11},
}

# The commune register.  Size, pace and strength were chosen (by running
# --check) so that the commune target reads well over the years: 1 of 21
# communes meets it in 2021, 2 in 2022, 7 of 21 in 2023, 11 of 20 in 2024 and
# 13 of 20 in 2025 (Sùng Đô from 2024, with Nậm Mười's models); the others
# are at risk (8-9 effective, or 10+ with a field short) or behind.  Each
# commune has its own random streams, so changing one row changes that
# commune's data only (and the M-refs after it).
COMMUNES = [
    # ref, name, collective models, field weights (economy, culture, defence, political), pace, strength
    ("YB-VC-LS", "Thị trấn Nông trường Liên Sơn", 15, (1.0, 1.0, 0.8, 1.0), "steady", "fair"),
    ("YB-VC-TP", "Thị trấn Nông trường Trần Phú", 15, (1.2, 1.0, 0.8, 0.9), "steady", "fair"),
    ("YB-VC-ST", "Thị trấn Sơn Thịnh", 19, (0.8, 1.1, 0.8, 1.3), "early", "strong"),
    ("YB-VC-TL", "Xã Tú Lệ", 19, (1.2, 1.1, 0.8, 0.9), "pilot", "strong"),     # an early starter: meets the target from 2021
    ("YB-VC-NB", "Xã Nậm Búng", 15, (1.2, 1.1, 0.0, 0.8), "steady", "fair"),   # no defence-security model at all
    ("YB-VC-GH", "Xã Gia Hội", 14, (1.0, 1.0, 0.8, 0.9), "late", "weak"),
    ("YB-VC-SD", "Xã Sùng Đô", 12, (1.0, 1.0, 0.8, 0.8), "early", "weak"),
    ("YB-VC-NM", "Xã Nậm Mười", 12, (1.0, 1.0, 0.8, 0.8), "steady", "fair"),  # merged into Sùng Đô, 01/01/2024
    ("YB-VC-AL", "Xã An Lương", 14, (1.3, 0.6, 0.4, 0.9), "steady", "weak"),  # thin on culture and defence
    ("YB-VC-NL", "Xã Nậm Lành", 15, (1.0, 1.0, 0.8, 0.9), "steady", "fair"),  # 2025 evaluations not reported yet
    ("YB-VC-SL", "Xã Sơn Lương", 15, (1.0, 1.0, 0.8, 1.0), "steady", "weak"),
    ("YB-VC-SQ", "Xã Suối Quyền", 13, (1.2, 1.0, 0.8, 0.4), "late", "fair"),  # thin on political system
    ("YB-VC-SG", "Xã Suối Giàng", 18, (1.2, 1.0, 0.8, 1.0), "steady", "strong"),  # real unit (demo=0 row kept)
    ("YB-VC-NS", "Xã Nghĩa Sơn", 13, (1.0, 1.0, 0.8, 1.0), "steady", "strong"),
    ("YB-VC-SB", "Xã Suối Bu", 12, (1.0, 0.9, 0.8, 0.9), "early", "weak"),
    ("YB-VC-DK", "Xã Đồng Khê", 15, (1.0, 1.0, 0.8, 1.0), "steady", "fair"),
    ("YB-VC-CT", "Xã Cát Thịnh", 17, (1.1, 1.0, 0.8, 1.0), "steady", "strong"),
    ("YB-VC-TT", "Xã Tân Thịnh", 18, (1.2, 1.0, 0.8, 0.9), "early", "strong"),
    ("YB-VC-CTH", "Xã Chấn Thịnh", 14, (1.1, 1.0, 0.8, 0.9), "late", "weak"),
    ("YB-VC-TBL", "Xã Thượng Bằng La", 16, (1.1, 1.0, 0.8, 1.0), "late", "fair"),
    ("YB-VC-NT", "Xã Nghĩa Tâm", 16, (1.0, 1.1, 0.8, 1.0), "steady", "strong"),
]
# Merged commune -> (successor, last day).  Its models stay under its own
# unit_ref; after the last day the successor carries them on (continue_merged).
MERGED = {"YB-VC-NM": ("YB-VC-SD", dt.date(2023, 12, 31))}
PENDING_2025 = {"YB-VC-NL"}  # commune that has not reported its 2025 evaluations
# How often a commune's models are rated effective: each commune draws its
# chance from the range of its strength; it is lower in a model's first
# evaluated year (FIRST_YEAR_PENALTY), higher after two years.
STRENGTHS = {"strong": (0.86, 0.95), "fair": (0.80, 0.90), "weak": (0.68, 0.80)}
FIRST_YEAR_PENALTY = 0.08

AGENCIES = [
    ("YB-SNV", "Sở Nội vụ", "agency", "YB"),
    ("YB-STP", "Sở Tư pháp", "agency", "YB"),
    ("YB-STC", "Sở Tài chính", "agency", "YB"),
    ("YB-SYT", "Sở Y tế", "agency", "YB"),
    ("YB-SGDDT", "Sở Giáo dục và Đào tạo", "agency", "YB"),
    ("YB-SNN", "Sở Nông nghiệp và Phát triển nông thôn", "agency", "YB"),
    ("YB-BVDK", "Bệnh viện Đa khoa tỉnh", "publicService", "YB-SYT"),
    ("YB-PTTH", "Đài Phát thanh và Truyền hình tỉnh", "publicService", "YB"),
]

OTHER_ORGS = [
    ("YB-VC-HU", "Huyện ủy Văn Chấn", "partyCommittee", "YB-VC"),
    ("YB-VC-MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Văn Chấn", "massOrg", "YB-VC"),
    ("YB-VC-HPN", "Hội Liên hiệp Phụ nữ huyện Văn Chấn", "massOrg", "YB-VC"),
    ("YB-VC-HND", "Hội Nông dân huyện Văn Chấn", "massOrg", "YB-VC"),
    ("YB-VC-DTN", "Huyện đoàn Văn Chấn", "massOrg", "YB-VC"),
    ("YB-VC-CCB", "Hội Cựu chiến binh huyện Văn Chấn", "massOrg", "YB-VC"),
    ("YB-DUK-SYT", "Đảng bộ Sở Y tế", "partyOrg", "YB-DUK"),
    ("YB-DUK-SGDDT", "Đảng bộ Sở Giáo dục và Đào tạo", "partyOrg", "YB-DUK"),
    ("YB-DUK-STP", "Chi bộ Sở Tư pháp", "partyOrg", "YB-DUK"),
]


# --------------------------------------------------------------------------
# Model catalogue: (title, short description, expected output, money?, work days?)

POOL = {
    "economy": [
        ("Hiến đất mở đường giao thông nông thôn",
         "Vận động hộ dân hiến đất, góp ngày công mở rộng đường liên thôn.",
         "Các tuyến đường liên thôn được mở rộng, cứng hóa", True, True),
        ("Bê tông hóa đường nội đồng",
         "Nhà nước hỗ trợ xi măng, nhân dân góp công làm đường ra đồng.",
         "Đường nội đồng được cứng hóa, thuận tiện vận chuyển", True, True),
        ("Kiên cố hóa kênh mương nội đồng",
         "Người dân góp công, góp vật liệu xây kênh dẫn nước tưới.",
         "Chủ động nước tưới cho ruộng hai vụ", True, True),
        ("Cánh đồng một giống lúa chất lượng cao",
         "Vận động các hộ gieo cấy cùng giống, cùng lịch thời vụ.",
         "Năng suất và giá bán lúa tăng", False, False),
        ("Chuyển đổi cây trồng kém hiệu quả trên đất dốc",
         "Hướng dẫn hộ dân chuyển ngô, sắn trên đất dốc sang cây ăn quả, cây lâm nghiệp.",
         "Diện tích đất dốc được chuyển đổi, giảm xói mòn", True, False),
        ("Tổ hợp tác chăn nuôi trâu, bò vỗ béo",
         "Các hộ liên kết nuôi vỗ béo, chia sẻ kỹ thuật và đầu ra.",
         "Thu nhập của hộ thành viên tăng", True, False),
        ("Chi hội nông dân giúp nhau phát triển kinh tế hộ",
         "Hội viên khá giúp hội viên nghèo giống, vốn và ngày công.",
         "Số hộ nghèo trong chi hội giảm", False, True),
        ("Phụ nữ giúp nhau thoát nghèo",
         "Chi hội phụ nữ góp vốn xoay vòng giúp chị em nghèo chăn nuôi.",
         "Hội viên nghèo có vốn sản xuất", True, False),
        ("Trồng rừng gỗ lớn gắn với bảo vệ rừng",
         "Vận động hộ dân trồng rừng gỗ lớn, không khai thác rừng non.",
         "Diện tích rừng trồng gỗ lớn tăng", False, True),
        ("Phát triển sản phẩm OCOP từ nông sản địa phương",
         "Hỗ trợ tổ hợp tác hoàn thiện hồ sơ, bao bì để sản phẩm được đánh giá OCOP.",
         "Sản phẩm được xếp hạng OCOP", True, False),
        ("Chăn nuôi lợn đen bản địa theo hướng hàng hóa",
         "Duy trì giống lợn bản địa, liên kết với thương lái tiêu thụ.",
         "Đàn lợn bản địa có đầu ra ổn định", True, False),
        ("Cải tạo vườn tạp thành vườn mẫu",
         "Hộ dân cải tạo vườn tạp, trồng cây cho thu nhập cao hơn.",
         "Số vườn đạt tiêu chí vườn mẫu nông thôn mới", False, True),
        ("Đưa nông sản lên sàn thương mại điện tử",
         "Đoàn viên thanh niên hướng dẫn hộ dân bán nông sản trên mạng.",
         "Nông sản địa phương có kênh bán trực tuyến", False, False),
        ("Tổ tiết kiệm và vay vốn hiệu quả",
         "Tổ giám sát sử dụng vốn vay chính sách đúng mục đích, trả nợ đúng hạn.",
         "Không phát sinh nợ quá hạn", False, False),
        ("Nuôi cá ruộng lúa",
         "Kết hợp thả cá trên ruộng lúa một vụ.",
         "Tăng thu nhập trên cùng diện tích", True, False),
        ("Hợp tác xã đồng hành cùng nông dân",
         "Hợp tác xã cung ứng giống, vật tư và bao tiêu sản phẩm cho xã viên.",
         "Hộ dân có đầu ra ổn định", True, False),
        ("Dồn điền, đổi thửa tạo vùng sản xuất tập trung",
         "Thuyết phục hộ dân đổi thửa để sản xuất tập trung, cơ giới hóa.",
         "Số thửa ruộng manh mún giảm", False, True),
        ("Du lịch cộng đồng gắn với bảo tồn bản sắc",
         "Vận động hộ dân làm homestay, giữ nhà truyền thống, phục vụ khách.",
         "Thu nhập từ du lịch của hộ tham gia tăng", True, False),
    ],
    "cultureSociety": [
        ("Chi hội phụ nữ tiết kiệm",
         "Hội viên tiết kiệm hằng tháng để giúp nhau lúc khó khăn.",
         "Quỹ tiết kiệm của chi hội được duy trì", False, False),
        ("Nhà sạch, vườn đẹp",
         "Vận động hộ gia đình chỉnh trang nhà cửa, vườn và chuồng trại.",
         "Số hộ đạt tiêu chí nhà sạch, vườn đẹp tăng", False, True),
        ("Đường hoa thôn bản",
         "Các hộ trồng và chăm sóc hoa dọc đường trục thôn.",
         "Các tuyến đường hoa được duy trì", True, True),
        ("Phân loại rác thải tại nguồn",
         "Hướng dẫn hộ dân phân loại rác, ủ rác hữu cơ tại gia đình.",
         "Lượng rác phải thu gom giảm", False, False),
        ("Vận động xóa bỏ tảo hôn và hôn nhân cận huyết thống",
         "Tuyên truyền tại họp thôn, gặp từng gia đình có con trong độ tuổi.",
         "Không phát sinh trường hợp tảo hôn mới", False, False),
        ("Nếp sống văn minh trong việc cưới, việc tang",
         "Vận động tổ chức cưới, tang gọn nhẹ, bỏ hủ tục.",
         "Các đám cưới, đám tang thực hiện đúng hương ước", False, False),
        ("Câu lạc bộ bảo tồn múa xòe Thái",
         "Duy trì sinh hoạt, truyền dạy xòe cho thanh thiếu niên.",
         "Câu lạc bộ sinh hoạt đều đặn, biểu diễn dịp lễ hội", True, False),
        ("Hũ gạo tình thương",
         "Hội viên góp gạo hằng tháng giúp hộ khó khăn, học sinh nghèo.",
         "Số lượt hộ khó khăn được hỗ trợ", False, False),
        ("Đỡ đầu học sinh có hoàn cảnh khó khăn",
         "Cán bộ, đảng viên nhận đỡ đầu học sinh nghèo đến hết lớp 9.",
         "Học sinh được đỡ đầu không bỏ học", True, False),
        ("Mái ấm tình thương cho hộ nghèo",
         "Huy động xã hội hóa và ngày công làm nhà cho hộ nghèo.",
         "Số nhà được xây mới, sửa chữa", True, True),
        ("Nhà tiêu hợp vệ sinh, nước sạch cho từng hộ",
         "Vận động hộ dân làm nhà tiêu hợp vệ sinh, dùng nước sạch.",
         "Tỷ lệ hộ có nhà tiêu hợp vệ sinh tăng", True, True),
        ("Câu lạc bộ gia đình hạnh phúc",
         "Sinh hoạt định kỳ về xây dựng gia đình, phòng chống bạo lực gia đình.",
         "Không có vụ bạo lực gia đình trong thôn", False, False),
        ("Vận động trẻ em trong độ tuổi đến trường",
         "Giáo viên và cán bộ thôn đến từng nhà vận động học sinh ra lớp.",
         "Tỷ lệ huy động trẻ đến trường đạt cao", False, False),
        ("Lớp xóa mù chữ cho phụ nữ dân tộc thiểu số",
         "Mở lớp học buổi tối, giáo viên tình nguyện giảng dạy.",
         "Học viên biết đọc, biết viết", True, False),
        ("Thắp sáng đường quê",
         "Nhân dân góp tiền, góp công lắp đèn chiếu sáng đường thôn.",
         "Các tuyến đường thôn có đèn chiếu sáng", True, True),
        ("Tủ sách cộng đồng ở nhà văn hóa thôn",
         "Quyên góp sách, báo đặt tại nhà văn hóa thôn.",
         "Tủ sách được duy trì, có người đọc thường xuyên", False, False),
        ("Người cao tuổi tự quản vệ sinh môi trường",
         "Chi hội người cao tuổi nhận chăm sóc, dọn vệ sinh tuyến đường.",
         "Tuyến đường tự quản luôn sạch", False, True),
        ("Góp gạo, góp rau cho bếp ăn bán trú",
         "Phụ huynh và đoàn thể góp gạo, rau cho bếp ăn bán trú của trường.",
         "Học sinh bán trú được ăn đủ bữa", False, True),
    ],
    "defenceSecurity": [
        ("Camera an ninh thôn bản",
         "Nhân dân góp kinh phí lắp camera tại các điểm giao thông, nơi công cộng.",
         "Camera được lắp đặt và vận hành, hỗ trợ phát hiện vi phạm", True, False),
        ("Tổ tự quản an ninh trật tự ở khu dân cư",
         "Tổ tự quản tuần tra, nắm tình hình và báo tin cho công an xã.",
         "Khu dân cư giữ vững an ninh trật tự", False, True),
        ("Thôn, bản không có ma túy",
         "Tuyên truyền, quản lý đối tượng, phát hiện sớm người sử dụng ma túy.",
         "Không phát sinh người nghiện mới", False, False),
        ("Dòng họ tự quản về an ninh trật tự",
         "Trưởng các dòng họ cam kết giáo dục con cháu chấp hành pháp luật.",
         "Không có thành viên dòng họ vi phạm pháp luật", False, False),
        ("Tổ liên gia an toàn phòng cháy, chữa cháy",
         "Các hộ liền kề trang bị bình chữa cháy, hỗ trợ nhau khi có cháy.",
         "Không để xảy ra cháy lớn trong khu dân cư", True, False),
        ("Cổng trường an toàn giao thông",
         "Đoàn viên, phụ huynh phân luồng giao thông giờ tan trường.",
         "Không xảy ra tai nạn giao thông trước cổng trường", False, True),
        ("Vận động nhân dân giao nộp vũ khí, vật liệu nổ",
         "Công an xã phối hợp trưởng thôn vận động giao nộp súng tự chế.",
         "Số vũ khí, vật liệu nổ được thu hồi", False, False),
        ("Người có uy tín tham gia giữ gìn an ninh trật tự vùng đồng bào",
         "Người có uy tín nắm tình hình, hòa giải và vận động bà con.",
         "Các vụ việc phức tạp được giải quyết ngay tại cơ sở", False, False),
        ("Vận động đồng bào không tin, không theo tà đạo",
         "Tuyên truyền tại thôn, gặp gỡ từng hộ để bà con hiểu rõ chính sách.",
         "Không phát sinh người theo tà đạo", False, False),
        ("Phụ nữ tham gia bảo đảm an ninh trật tự",
         "Chi hội phụ nữ tuyên truyền phòng chống mua bán người, tội phạm.",
         "Không có phụ nữ bị lừa bán ra nước ngoài", False, False),
        ("Dân quân giúp dân phòng, chống thiên tai",
         "Dân quân xã giúp dân di dời, khắc phục hậu quả mưa lũ.",
         "Thiệt hại do thiên tai được giảm thiểu", False, True),
        ("Tổ hòa giải ở cơ sở giỏi",
         "Tổ hòa giải giải quyết mâu thuẫn nhỏ ngay tại thôn.",
         "Tỷ lệ vụ việc hòa giải thành cao", False, False),
        ("Phòng, chống cháy rừng do dân làm chủ",
         "Các hộ nhận khoán rừng thay nhau canh lửa mùa khô.",
         "Không xảy ra cháy rừng", False, True),
        ("Cảnh báo sớm sạt lở đất tại khu dân cư",
         "Tổ xung kích theo dõi điểm nguy cơ, báo động di dời khi mưa lớn.",
         "Không có thiệt hại về người do sạt lở", False, True),
    ],
    "politicalSystem": [
        ("Dân vận khéo trong chuyển đổi số",
         "Cán bộ hướng dẫn người dân cài ứng dụng, làm thủ tục trên điện thoại.",
         "Tỷ lệ hồ sơ trực tuyến tăng", False, False),
        ("Tổ công nghệ số cộng đồng",
         "Tổ công nghệ số đến từng hộ hướng dẫn định danh điện tử, thanh toán không dùng tiền mặt.",
         "Số người dân có tài khoản định danh điện tử tăng", False, False),
        ("Bộ phận một cửa thân thiện, đúng hẹn",
         "Công chức một cửa giải quyết hồ sơ đúng hẹn, hướng dẫn tận tình.",
         "Không có hồ sơ trễ hẹn, người dân hài lòng", False, False),
        ("Đối thoại trực tiếp giữa người đứng đầu với Nhân dân",
         "Bí thư, Chủ tịch xã đối thoại định kỳ với nhân dân tại thôn.",
         "Kiến nghị của nhân dân được giải quyết kịp thời", False, False),
        ("Mỗi đảng viên phụ trách một nhóm hộ gia đình",
         "Đảng viên nắm tình hình, tuyên truyền, giúp đỡ các hộ được phân công.",
         "Các hộ chấp hành tốt chủ trương, chính sách", False, False),
        ("Sinh hoạt chi bộ thôn theo chuyên đề",
         "Chi bộ thôn sinh hoạt chuyên đề gắn với việc cụ thể của thôn.",
         "Chất lượng sinh hoạt chi bộ được nâng lên", False, False),
        ("Cán bộ xã đi từng ngõ, gõ từng nhà",
         "Cán bộ xã được phân công phụ trách thôn, đến từng hộ nắm tình hình.",
         "Tâm tư, nguyện vọng của nhân dân được nắm bắt kịp thời", False, False),
        ("Nhóm Zalo kết nối chính quyền với Nhân dân",
         "Mỗi thôn có nhóm Zalo để thông tin và tiếp nhận phản ánh.",
         "Phản ánh của người dân được trả lời trong ngày", False, False),
        ("Dân biết, dân bàn, dân làm, dân kiểm tra trong xây dựng nông thôn mới",
         "Công khai các công trình, để nhân dân bàn và giám sát thi công.",
         "Các công trình được nhân dân đồng thuận, giám sát chất lượng", False, False),
        ("Thanh niên tình nguyện hướng dẫn dịch vụ công trực tuyến",
         "Đoàn viên trực tại bộ phận một cửa hướng dẫn người dân nộp hồ sơ trực tuyến.",
         "Số hồ sơ nộp trực tuyến tăng", False, False),
        ("Nâng cao chất lượng tiếp công dân",
         "Bố trí lịch tiếp dân cố định, ghi nhận và trả lời bằng văn bản.",
         "Không có đơn thư vượt cấp", False, False),
        ("Phát triển đảng viên ở thôn, bản vùng đồng bào",
         "Chi bộ bồi dưỡng quần chúng ưu tú là người dân tộc thiểu số.",
         "Các thôn đều có chi bộ, có đảng viên trẻ", False, False),
        ("Ngày thứ bảy cùng dân",
         "Cán bộ, công chức xã cùng nhân dân làm đường, dọn vệ sinh ngày thứ bảy.",
         "Gắn bó giữa cán bộ và nhân dân", False, True),
        ("Hộp thư góp ý của Nhân dân tại nhà văn hóa thôn",
         "Đặt hộp thư, định kỳ mở và trả lời ý kiến của nhân dân.",
         "Ý kiến của nhân dân được tiếp thu, trả lời", False, False),
    ],
}

# Individual exemplars (điển hình cá nhân): described by role, no names.
INDIVIDUALS = [
    ("Bí thư chi bộ thôn gương mẫu hiến đất làm đường", "economy",
     "Bí thư chi bộ thôn tự nguyện hiến đất và vận động các hộ cùng hiến."),
    ("Trưởng thôn tiên phong chuyển đổi cây trồng", "economy",
     "Trưởng thôn làm trước, hướng dẫn bà con trồng cây ăn quả trên đất dốc."),
    ("Cựu chiến binh làm kinh tế giỏi, giúp đỡ hộ nghèo", "economy",
     "Cựu chiến binh cho hộ nghèo mượn giống, hướng dẫn kỹ thuật."),
    ("Người có uy tín vận động bỏ hủ tục trong cưới hỏi, ma chay", "cultureSociety",
     "Người có uy tín trong đồng bào vận động các dòng họ thực hiện hương ước."),
    ("Giáo viên cắm bản vận động học sinh ra lớp", "cultureSociety",
     "Giáo viên đến từng nhà vận động học sinh bỏ học quay lại lớp."),
    ("Nhân viên y tế thôn bản tận tụy với đồng bào", "cultureSociety",
     "Nhân viên y tế thôn vận động phụ nữ khám thai, tiêm chủng đầy đủ."),
    ("Công an viên bám thôn, giúp dân", "defenceSecurity",
     "Công an viên thường trực tại thôn, nắm tình hình và hòa giải mâu thuẫn."),
    ("Trưởng dòng họ gương mẫu giữ gìn an ninh thôn bản", "defenceSecurity",
     "Trưởng dòng họ vận động con cháu không nghe theo kẻ xấu."),
    ("Công chức tư pháp – hộ tịch tận tụy với dân", "politicalSystem",
     "Công chức tư pháp xuống thôn làm thủ tục hộ tịch cho người già, người ốm."),
    ("Bí thư đoàn xã hướng dẫn người dân dùng dịch vụ công trực tuyến", "politicalSystem",
     "Bí thư đoàn xã tổ chức đoàn viên hướng dẫn người dân làm thủ tục trực tuyến."),
]

GOALS = {
    "economy": ["Tăng thu nhập cho người dân", "Góp phần giảm nghèo bền vững",
                "Góp phần hoàn thành tiêu chí nông thôn mới", "Phát huy lợi thế sản phẩm địa phương"],
    "cultureSociety": ["Xây dựng đời sống văn hóa ở khu dân cư", "Chăm lo người có hoàn cảnh khó khăn",
                       "Giữ gìn bản sắc văn hóa dân tộc", "Bảo vệ môi trường sống"],
    "defenceSecurity": ["Giữ vững an ninh trật tự ở cơ sở", "Phát huy vai trò tự quản của nhân dân",
                        "Phòng ngừa vi phạm pháp luật từ sớm, từ xa"],
    "politicalSystem": ["Xây dựng chính quyền gần dân, sát dân", "Nâng cao chất lượng phục vụ nhân dân",
                        "Củng cố niềm tin của nhân dân với cấp ủy, chính quyền", "Đẩy mạnh cải cách hành chính"],
}

# Local models that a commune is known for; fixed year.
SIGNATURE = {
    "YB-VC-SG": [
        ("Bảo tồn và phát triển vùng chè Shan tuyết cổ thụ", "economy", 2021,
         "Vận động đồng bào Mông chăm sóc, không chặt phá chè cổ thụ; thu hái, chế biến chè theo quy trình an toàn.",
         "Vùng chè cổ thụ được bảo vệ; chè Shan tuyết có đầu ra ổn định"),
        ("Du lịch cộng đồng gắn với văn hóa trà của đồng bào Mông", "economy", 2023,
         "Hộ dân làm homestay, đón khách trải nghiệm hái và sao chè.",
         "Lượng khách và thu nhập từ du lịch tăng"),
    ],
    "YB-VC-TL": [
        ("Bảo tồn và phát triển giống lúa nếp Tú Lệ", "economy", 2021,
         "Vận động hộ dân giữ giống nếp, sản xuất theo quy trình chung, xây dựng nhãn hiệu.",
         "Diện tích nếp Tú Lệ được duy trì, giá bán ổn định"),
    ],
    "YB-VC-TP": [
        ("Phát triển vùng cam theo tiêu chuẩn VietGAP", "economy", 2022,
         "Các hộ trồng cam liên kết sản xuất theo quy trình VietGAP.",
         "Diện tích cam đạt chứng nhận VietGAP tăng"),
    ],
    "YB-VC-LS": [
        ("Đồi chè kiểu mẫu gắn với hợp tác xã", "economy", 2021,
         "Hộ trồng chè liên kết với hợp tác xã, chăm sóc theo quy trình an toàn.",
         "Năng suất, chất lượng chè búp tươi tăng"),
    ],
}
EXCLUDE = {  # titles that do not suit the place
    "YB-VC-SG": {"Câu lạc bộ bảo tồn múa xòe Thái", "Nuôi cá ruộng lúa"},
    "YB-VC-NB": {"Câu lạc bộ bảo tồn múa xòe Thái"},
    "YB-VC-ST": {"Phòng, chống cháy rừng do dân làm chủ"},
}

AGENCY_MODELS = [
    # unit, title, field, year, description, forced evaluations {year: effective}, removal
    ("YB-SNV", "Giải quyết thủ tục hành chính đúng hẹn, không để người dân đi lại nhiều lần",
     "politicalSystem", 2021, "Rà soát quy trình, công khai thời hạn, nhắn tin báo kết quả cho người nộp hồ sơ.", {}, None),
    ("YB-SNV", "Dân vận khéo trong sắp xếp tổ chức bộ máy", "politicalSystem", 2023,
     "Gặp gỡ, đối thoại với cán bộ, công chức chịu tác động của việc sắp xếp.", {}, None),
    ("YB-STP", "Trợ giúp pháp lý lưu động cho đồng bào dân tộc thiểu số", "politicalSystem", 2021,
     "Trợ giúp viên pháp lý xuống thôn, bản tư vấn miễn phí.", {}, None),
    ("YB-STP", "Phổ biến pháp luật qua mạng xã hội", "cultureSociety", 2022,
     "Đăng video ngắn giải đáp pháp luật bằng tiếng phổ thông và tiếng dân tộc.", {}, None),
    ("YB-STP", "Công chứng, chứng thực thân thiện", "politicalSystem", 2024,
     "Tổ chức hành nghề công chứng niêm yết phí, hướng dẫn tận tình.", {2024: 1}, None),
    ("YB-STC", "Công khai ngân sách, tiếp nhận ý kiến người dân", "politicalSystem", 2024,
     "Công khai dự toán, quyết toán trên cổng thông tin và lấy ý kiến người dân.", {}, None),
    ("YB-SYT", "Thầy thuốc đồng hành cùng hộ nghèo vùng cao", "cultureSociety", 2022,
     "Đoàn y, bác sĩ khám bệnh, cấp thuốc miễn phí định kỳ tại xã vùng cao.", {2023: 0}, None),
    ("YB-SGDDT", "Nhà giáo tận tâm vì học sinh vùng cao", "cultureSociety", 2021,
     "Giáo viên vùng cao vận động học sinh ra lớp, giúp học sinh bán trú.", {}, None),
    ("YB-SGDDT", "Xã hội hóa bữa ăn bán trú", "cultureSociety", 2023,
     "Vận động doanh nghiệp, nhà hảo tâm hỗ trợ bữa ăn cho học sinh bán trú.", {}, None),
    ("YB-SNN", "Cán bộ khuyến nông bám đồng, giúp dân", "economy", 2021,
     "Cán bộ khuyến nông hướng dẫn kỹ thuật ngay tại ruộng, vườn.", {}, None),
    ("YB-SNN", "Hỗ trợ hợp tác xã chè liên kết tiêu thụ", "economy", 2023,
     "Kết nối hợp tác xã chè với doanh nghiệp chế biến.", {2023: 0},
     (dt.date(2024, 2, 20), "Trùng lặp nội dung với mô hình khác, đã hợp nhất")),
    ("YB-BVDK", "Đổi mới phong cách, thái độ phục vụ hướng tới sự hài lòng của người bệnh",
     "politicalSystem", 2021, "Nhân viên y tế đón tiếp, hướng dẫn người bệnh; lấy ý kiến người bệnh hằng tháng.", {}, None),
    ("YB-BVDK", "Bữa cơm từ thiện cho người bệnh nghèo", "cultureSociety", 2022,
     "Vận động nhà hảo tâm nấu cơm miễn phí cho người bệnh nghèo.", {}, None),
    ("YB-PTTH", "Lan tỏa gương điển hình Dân vận khéo trên sóng phát thanh, truyền hình",
     "politicalSystem", 2022, "Chuyên mục định kỳ giới thiệu mô hình, điển hình Dân vận khéo.", {}, None),
]

REMOVAL_REASONS = [
    "Mô hình hình thức, không duy trì được",
    "Hoạt động kém hiệu quả, không có sức lan tỏa",
    "Không còn phù hợp với tình hình thực tế của địa phương",
    "Không bố trí được nguồn lực để duy trì",
    "Trùng lặp nội dung với mô hình khác, đã hợp nhất",
]
NOTES_OK = [
    "", "", "", "", "Duy trì tốt, được nhân dân đồng tình",
    "Đã nhân rộng ra các thôn khác", "Hoạt động đều đặn, có sổ theo dõi",
    "Huy động được nhiều nguồn lực xã hội hóa",
]
NOTES_BAD = [
    "Hoạt động cầm chừng", "Chưa huy động được sự tham gia của người dân",
    "Thiếu kinh phí duy trì", "Chưa có kết quả cụ thể, cần củng cố",
    "Người phụ trách chuyển công tác, mô hình gián đoạn",
]

BCD = "Ban Chỉ đạo phong trào thi đua “Dân vận khéo” "


def lower_prefix(name):
    for p in ("Thị trấn ", "Xã ", "Huyện ", "Tỉnh "):
        if name.startswith(p):
            return p.lower() + name[len(p):]
    return name


# --------------------------------------------------------------------------
# CSV helpers.

def nfc(s):
    return unicodedata.normalize("NFC", s)


def read_real(name):
    """Rows of seeds/<name> whose demo column is '0' (the curated facts)."""
    path = os.path.join(SEEDS, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r for r in rows if r.get("demo", "").strip() == "0"]


def render(name, rows):
    """The CSV text of seeds/<name> for these rows (NFC, "\\n" line ends)."""
    header = HEADERS[name]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow([nfc(str(r.get(h, "") if r.get(h) is not None else "")) for h in header])
    return buf.getvalue()


def write(name, rows):
    with open(os.path.join(SEEDS, name), "w", encoding="utf-8", newline="") as f:
        f.write(render(name, rows))
    return len(rows)


# --------------------------------------------------------------------------
# Generation.

def gen_units(real_units):
    real_refs = {r["ref"] for r in real_units}
    rows = []
    for ref, name, *_ in COMMUNES:
        if ref in real_refs:
            continue
        valid_to, merged = "", ""
        if ref in MERGED:
            merged, end = MERGED[ref]
            valid_to = fmt(end)
        rows.append(dict(ref=ref, official_code="", name=name, kind="commune", parent_ref="YB-VC",
                         valid_from="", valid_to=valid_to, merged_into_ref=merged, demo="1",
                         source=DEMO_SOURCE))
    for ref, name, kind, parent in AGENCIES + OTHER_ORGS:
        rows.append(dict(ref=ref, official_code="", name=name, kind=kind, parent_ref=parent,
                         valid_from="", valid_to="", merged_into_ref="", demo="1", source=DEMO_SOURCE))
    return rows


def allocate(n, weights):
    """Split n models over the four fields by weight (largest remainder)."""
    total = sum(weights)
    raw = [n * w / total for w in weights]
    base = [int(x) for x in raw]
    rest = n - sum(base)
    order = sorted(range(4), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[:rest]:
        base[i] += 1
    return base


# Budget ranges (million VND) for the costlier kinds of work; others 5-80.
BIG_FUNDS = {
    "Hiến đất mở đường giao thông nông thôn": (200, 900),
    "Bê tông hóa đường nội đồng": (150, 700),
    "Kiên cố hóa kênh mương nội đồng": (100, 500),
    "Mái ấm tình thương cho hộ nghèo": (80, 400),
    "Nhà tiêu hợp vệ sinh, nước sạch cho từng hộ": (40, 200),
    "Thắp sáng đường quê": (30, 150),
    "Camera an ninh thôn bản": (20, 120),
    "Du lịch cộng đồng gắn với bảo tồn bản sắc": (50, 300),
}


def money(rng, lo, hi):
    return str(rng.randint(lo, hi) * 1_000_000)


def ruling_number(rng, day, per_day_lo=5.5, per_day_hi=7.5):
    """A decision number that grows through the year (UBND tỉnh issues thousands a year)."""
    doy = day.timetuple().tm_yday
    return int(doy * rng.uniform(per_day_lo, per_day_hi))


def model_dates(rng, year, last_day):
    """registered_on, launched_on within a year (launched ≤ last_day)."""
    if rng.chance(0.85):
        reg = rand_date(rng, dt.date(year, 1, 6), dt.date(year, 6, 30))
    else:
        reg = rand_date(rng, dt.date(year, 7, 1), dt.date(year, 9, 30))
    launch = reg + dt.timedelta(days=rng.randint(10, 75))
    if launch > last_day:
        launch = last_day
    return reg, launch


def gen_commune_models(ref, n, weights, pace):
    """n collective models (signature models included) and 0-2 individual exemplars."""
    rng = Rng("models", ref)
    last_day = MERGED[ref][1] if ref in MERGED else AS_OF
    years = [y for y in YEARS if dt.date(y, 1, 1) <= last_day]
    year_w = PACES[pace]
    models = []
    used = set(EXCLUDE.get(ref, set()))
    sig = SIGNATURE.get(ref, [])
    counts = allocate(n, list(weights))
    for title, field, year, desc, out in sig:
        counts[FIELDS.index(field)] = max(0, counts[FIELDS.index(field)] - 1)
        used.add(title)
        reg, launch = model_dates(rng, year, last_day)
        models.append(dict(kind="collective", title=title, field=field, description=desc,
                           goals=rng.choice(GOALS[field]), expected_outputs=out,
                           funds_vnd=money(rng, 50, 400), work_days=str(rng.randint(200, 1500)),
                           reg=reg, launch=launch, year=year))
    for fi, field in enumerate(FIELDS):
        for _ in range(counts[fi]):
            year = rng.weighted(years, [year_w[y] for y in years])
            pool = [e for e in POOL[field] if e[0] not in used]
            title, desc, out, has_money, has_work = rng.choice(pool)
            used.add(title)
            reg, launch = model_dates(rng, year, last_day)
            models.append(dict(kind="collective", title=title, field=field, description=desc,
                               goals=rng.choice(GOALS[field]) if rng.chance(0.8) else "",
                               expected_outputs=out if rng.chance(0.85) else "",
                               funds_vnd=money(rng, *BIG_FUNDS.get(title, (5, 80)))
                               if has_money and rng.chance(0.8) else "",
                               work_days=str(rng.randint(50, 2500)) if has_work and rng.chance(0.8) else "",
                               reg=reg, launch=launch, year=year))
    # individual exemplars (do not count towards the commune target)
    n_indiv = rng.weighted([0, 1, 2], [0.3, 0.45, 0.25])
    fields_ok = [f for f, w in zip(FIELDS, weights) if w > 0]
    for _ in range(n_indiv):
        indiv = [e for e in INDIVIDUALS if e[1] in fields_ok and e[0] not in used]
        title, field, desc = rng.choice(indiv)
        used.add(title)
        year = rng.weighted(years, [year_w[y] for y in years])
        reg, launch = model_dates(rng, year, last_day)
        models.append(dict(kind="individual", title=title, field=field, description=desc,
                           goals="", expected_outputs="",
                           funds_vnd="", work_days="", reg=reg, launch=launch, year=year))
    models.sort(key=lambda m: (m["reg"], m["title"]))
    return models


def evaluate(rng, unit_ref, m, p_eff, last_year, pending_2025, forced=None, first_year_penalty=0.0,
             from_year=None, bad_streak=0):
    """Yearly evaluations and a possible removal for one model.

    A model is less often effective in its first evaluated year (it is still
    being set up) and a little more often once it has run for two years.
    from_year and bad_streak continue a model's record from a later year (its
    earlier years evaluated elsewhere, ending with bad_streak ineffective)."""
    forced = forced or {}
    evals = []
    removed_on, reason = None, ""
    launch = m["launch"]
    first = launch.year if launch <= dt.date(launch.year, 9, 30) else launch.year + 1
    for y in range(max(first, from_year or first), last_year + 1):
        if y == 2025 and (pending_2025 or launch > dt.date(2025, 6, 15)):
            break  # 2025 evaluation not in yet: pending
        eff = forced.get(y)
        if eff is None:
            p = p_eff + (0.04 if y - first >= 2 else 0.0) - (first_year_penalty if y == first else 0.0)
            eff = 1 if rng.chance(p) else 0
        note = rng.choice(NOTES_OK) if eff else rng.choice(NOTES_BAD)
        evals.append(dict(model_ref=None, year=str(y), effective=str(eff), note=note, demo="1"))
        if eff:
            bad_streak = 0
            continue
        bad_streak += 1
        if m.get("no_random_removal"):
            continue
        if y < 2025 and rng.chance(0.6 if bad_streak >= 2 else 0.18):
            removed_on = rand_date(rng, dt.date(y + 1, 1, 10), dt.date(y + 1, 3, 31))
            reason = rng.choice(REMOVAL_REASONS[:4])
            break
        if y == 2025 and rng.chance(0.15):
            removed_on = rand_date(rng, dt.date(2025, 12, 1), AS_OF)
            reason = rng.choice(REMOVAL_REASONS[:4])
            break
    return evals, removed_on, reason


def continue_merged(ref, p_eff, entries, successor_models, model_row):
    """After a merger the successor carries the merged commune's models on.

    entries: (model ref, generated model, evaluations up to the merger) of the
    merged commune ref, in register order; successor_models: the successor's
    model rows; model_row: model rows by ref (updated in place on removal).
    A collective model that duplicates a successor model of the same title is
    merged into it (removed with the "Trùng lặp" reason) early in the year
    after the merger, or on the day the successor launches its model if that
    comes later.  The others go on being evaluated every year, with the same
    chances as before, unit_ref unchanged.  Returns {model ref: evaluations}.
    Uses its own random stream, so nothing generated before changes."""
    successor, end = MERGED[ref]
    rng = Rng("merged", ref)
    extra = {}
    for mref, m, ev in entries:
        row = model_row[mref]
        if row["removed_on"] or m["launch"] > end:
            continue
        dup_day = None
        if m["kind"] == "collective":
            for s in successor_models:
                s_launch = parse_day(s["launched_on"])
                s_removed = parse_day(s["removed_on"]) if s["removed_on"] else None
                if s["title"] != m["title"] or s["kind"] != "collective" or (s_removed and s_removed <= end):
                    continue
                if s_launch <= end:
                    day = rand_date(rng, end + dt.timedelta(days=10), dt.date(end.year + 1, 3, 31))
                else:
                    day = s_launch
                dup_day = day if dup_day is None else min(dup_day, day)
        streak = 0
        for e in ev:
            streak = 0 if e["effective"] == "1" else streak + 1
        last_year = dup_day.year - 1 if dup_day else 2025
        more, removed_on, reason = evaluate(rng, ref, m, p_eff, last_year, ref in PENDING_2025,
                                            first_year_penalty=FIRST_YEAR_PENALTY,
                                            from_year=end.year + 1, bad_streak=streak)
        if dup_day and (not removed_on or dup_day < removed_on):
            removed_on, reason = dup_day, REMOVAL_REASONS[4]
        for e in more:
            e["model_ref"] = mref
        extra[mref] = more
        row["removed_on"], row["removal_reason"] = fmt(removed_on), reason
    return extra


def generate():
    """All rows (facts first, then demo rows) of the generated files, by file name."""
    real_units = read_real("units.csv")
    real_models = read_real("models.csv")
    real_evals = read_real("evaluations.csv")
    real_recs = read_real("recognitions.csv")
    real_awards = read_real("awards.csv")
    real_surveys = read_real("surveys.csv")
    real_plans = read_real("plans.csv")

    demo_units = gen_units(real_units)
    unit_name = {r["ref"]: r["name"] for r in real_units + demo_units}
    for ref, *_ in COMMUNES:
        if ref not in unit_name:
            sys.exit("unit %s missing" % ref)

    models, evals, recs, awards = [], [], [], []
    next_ref = [1001]

    def new_ref():
        r = "M-%04d" % next_ref[0]
        next_ref[0] += 1
        return r

    # ---- commune register ----
    district_recs = {}   # year -> list of model refs recognised at district level
    commune_info = {}
    commune_p_eff = {}
    for ref, _name, n, weights, pace, strength in COMMUNES:
        rng = Rng("eval", ref)
        p_eff = rng.uniform(*STRENGTHS[strength])
        commune_p_eff[ref] = p_eff
        last_year = MERGED[ref][1].year if ref in MERGED else 2025
        commune_info[ref] = []
        comm_recs = {}
        for m in gen_commune_models(ref, n, weights, pace):
            mref = new_ref()
            ev, removed_on, reason = evaluate(rng, ref, m, p_eff, last_year, ref in PENDING_2025,
                                              first_year_penalty=FIRST_YEAR_PENALTY)
            for e in ev:
                e["model_ref"] = mref
            evals.extend(ev)
            models.append(dict(ref=mref, unit_ref=ref, kind=m["kind"], title=m["title"], field=m["field"],
                               description=m["description"], goals=m["goals"],
                               expected_outputs=m["expected_outputs"], funds_vnd=m["funds_vnd"],
                               work_days=m["work_days"], registered_on=fmt(m["reg"]),
                               launched_on=fmt(m["launch"]), removed_on=fmt(removed_on),
                               removal_reason=reason, demo="1", source=DEMO_SOURCE))
            commune_info[ref].append((mref, m, ev))
            # recognitions: commune level after the first effective year,
            # district level for some after a further effective year
            good = [int(e["year"]) for e in ev if e["effective"] == "1"]
            is_sig = m["title"] in {s[0] for s in SIGNATURE.get(ref, [])}
            if good and (is_sig or rng.chance(0.45)):
                comm_recs.setdefault(good[0], []).append(mref)
                later = [y for y in good if y > good[0]]
                if later and (is_sig or rng.chance(0.35)):
                    district_recs.setdefault(later[0], []).append(mref)
        # one commune-level decision per year, listing all models recognised
        for y in sorted(comm_recs):
            day = rand_date(rng, dt.date(y, 11, 20), dt.date(y, 12, 12))
            num = "%d/QĐ-BCĐ" % rng.randint(8, 45)
            for mref in comm_recs[y]:
                recs.append(dict(model_ref=mref, level="commune", decision_number=num,
                                 decided_on=fmt(day), issuer=BCD + lower_prefix(unit_name[ref]), demo="1"))

    # merged communes: their models go on under the successor (evaluated in
    # 2024-2025, unit_ref unchanged); the new rows follow each model's own
    model_row = {r["ref"]: r for r in models}
    extra = {}
    for ref in sorted(MERGED):
        successor_models = [r for r in models if r["unit_ref"] == MERGED[ref][0]]
        extra.update(continue_merged(ref, commune_p_eff[ref], commune_info[ref], successor_models, model_row))
    by_model = {}
    for e in evals:
        by_model.setdefault(e["model_ref"], []).append(e)
    evals = [e for r in models for e in by_model.get(r["ref"], []) + extra.get(r["ref"], [])]

    # district-level decisions: one per year
    rng = Rng("district")
    district_day = {}
    for y in sorted(district_recs):
        day = dt.date(y, 12, rng.randint(5, 10))
        district_day[y] = day
        num = "%d/QĐ-BCĐ" % rng.randint(20, 90)
        for mref in district_recs[y]:
            recs.append(dict(model_ref=mref, level="district", decision_number=num, decided_on=fmt(day),
                             issuer=BCD + "huyện Văn Chấn", demo="1"))

    # ---- provincial agencies ----
    rng_a = Rng("agencies")
    prov_recs = {}
    for unit, title, field, year, desc, forced, removal in AGENCY_MODELS:
        reg, launch = model_dates(rng_a, year, AS_OF)
        m = dict(launch=launch, no_random_removal=True)
        ev, _r, _reason = evaluate(rng_a, unit, m, 0.9, 2025, False, forced)
        removed_on, reason = (removal if removal else (None, ""))
        if removed_on:
            ev = [e for e in ev if int(e["year"]) < removed_on.year]
        mref = new_ref()
        for e in ev:
            e["model_ref"] = mref
        evals.extend(ev)
        models.append(dict(ref=mref, unit_ref=unit, kind="collective", title=title, field=field,
                           description=desc, goals=rng_a.choice(GOALS[field]), expected_outputs="",
                           funds_vnd="", work_days="", registered_on=fmt(reg), launched_on=fmt(launch),
                           removed_on=fmt(removed_on), removal_reason=reason, demo="1", source=DEMO_SOURCE))
        good = [int(e["year"]) for e in ev if e["effective"] == "1"]
        if len(good) >= 2 and rng_a.chance(0.5):
            prov_recs.setdefault(good[1], []).append(mref)
    # Suối Giàng's tea model is also recognised at province level (2024)
    sg_tea = next(mref for mref, m, _ev in commune_info["YB-VC-SG"] if "Shan tuyết" in m["title"])
    prov_recs.setdefault(2024, []).append(sg_tea)
    for y in sorted(prov_recs):
        day = dt.date(y, 12, rng_a.randint(1, 12))
        num = "%d-QĐ/BCĐ" % rng_a.randint(10, 60)
        for mref in prov_recs[y]:
            recs.append(dict(model_ref=mref, level="province", decision_number=num, decided_on=fmt(day),
                             issuer=BCD + "tỉnh Yên Bái", demo="1"))

    # ---- awards ----
    rng_w = Rng("awards")
    model_by_ref = {m["ref"]: m for m in models}
    commendation_no = {}
    for y in sorted(district_recs):
        picks = list(district_recs[y])
        rng_w.shuffle(picks)
        day = district_day[y] + dt.timedelta(days=rng_w.randint(1, 4))
        if day > AS_OF:
            day = AS_OF
        num = "%d-QĐ/BDVHU" % rng_w.randint(40, 95)
        commendation_no[y] = num
        for mref in sorted(picks[:min(4, len(picks))]):
            m = model_by_ref[mref]
            awards.append(dict(kind="commendation", issuer="Ban Dân vận Huyện ủy Văn Chấn",
                               decision_number=num, decided_on=fmt(day),
                               recipient=recipient(m, unit_name), model_ref=mref, unit_ref=m["unit_ref"],
                               demo="1", source=DEMO_SOURCE))
    for y in (2023, 2025):
        cands = sorted(r for r in set(district_recs.get(y - 1, [])) | set(prov_recs.get(y - 1, []))
                       if model_by_ref[r]["unit_ref"] != "YB-VC-SG")
        rng_w.shuffle(cands)
        day = dt.date(y, rng_w.randint(1, 3), rng_w.randint(5, 28)) if y < 2025 else dt.date(2025, 4, 18)
        num = "%d/QĐ-UBND" % ruling_number(rng_w, day)
        for mref in sorted(cands[:2]):
            m = model_by_ref[mref]
            awards.append(dict(kind="meritCertificate", issuer="Ủy ban nhân dân tỉnh Yên Bái",
                               decision_number=num, decided_on=fmt(day),
                               recipient=recipient(m, unit_name), model_ref=mref, unit_ref=m["unit_ref"],
                               demo="1", source=DEMO_SOURCE))
    awards.append(dict(kind="meritCertificate", issuer="Ủy ban nhân dân tỉnh Yên Bái",
                       decision_number="%d/QĐ-UBND" % ruling_number(rng_w, dt.date(2024, 12, 20)),
                       decided_on="20/12/2024",
                       recipient=unit_name["YB-VC-SG"], model_ref=sg_tea, unit_ref="YB-VC-SG",
                       demo="1", source=DEMO_SOURCE))
    awards.append(dict(kind="commendation", issuer="Ban Dân vận Huyện ủy Văn Chấn",
                       decision_number="%d-QĐ/BDVHU" % (int(commendation_no[2023].split("-")[0])
                                                          + rng_w.randint(1, 6)),
                       decided_on="22/12/2023",
                       recipient="Ủy ban nhân dân " + lower_prefix(unit_name["YB-VC-TL"]),
                       model_ref="", unit_ref="YB-VC-TL", demo="1", source=DEMO_SOURCE))

    # ---- surveys ----
    surveys = []
    real_keys = {(r["unit_ref"], r["year"]) for r in real_surveys}
    for ref in ["YB", "YB-VC"] + [c[0] for c in COMMUNES]:
        rng_s = Rng("survey", ref)
        base = rng_s.uniform(88.5, 93.0)
        for y in YEARS:
            if ref in MERGED and y > MERGED[ref][1].year:
                continue
            if (ref, str(y)) in real_keys:
                continue
            pct = base + 0.7 * (y - 2021) + rng_s.uniform(-2.0, 2.0)
            pct = min(97.0, max(85.0, pct))
            lo, hi = (400, 600) if ref in ("YB", "YB-VC") else (150, 450)
            surveys.append(dict(unit_ref=ref, year=str(y), percent="%.1f" % pct,
                                respondents=str(rng_s.randint(lo, hi)), source=SURVEY_SOURCE, demo="1"))

    # ---- plans ----
    plans = []
    real_keys = {(r["unit_ref"], r["year"]) for r in real_plans}
    plan_units = (["YB-VC"] + [c[0] for c in COMMUNES] + [a[0] for a in AGENCIES]
                  + ["YB-DUK"] + [o[0] for o in OTHER_ORGS])
    for ref in plan_units:
        rng_p = Rng("plan", ref)
        for y in YEARS:
            if ref in MERGED and y > MERGED[ref][1].year:
                continue
            if (ref, str(y)) in real_keys:
                continue
            x = rng_p.random()
            if x < 0.035:
                continue  # no plan reported
            adopted, dissem = "1", "1"
            if x < 0.05:
                adopted, dissem = "0", "0"
            elif x < 0.12:
                dissem = "0"
            plans.append(dict(unit_ref=ref, year=str(y), adopted=adopted, disseminated=dissem, demo="1"))

    return {
        "units.csv": real_units + demo_units,
        "models.csv": real_models + models,
        "evaluations.csv": real_evals + evals,
        "recognitions.csv": real_recs + recs,
        "awards.csv": real_awards + awards,
        "surveys.csv": real_surveys + surveys,
        "plans.csv": real_plans + plans,
    }


def recipient(m, unit_name):
    if m["kind"] == "individual":
        return "%s (%s)" % (m["title"], lower_prefix(unit_name[m["unit_ref"]]))
    return unit_name[m["unit_ref"]]


# --------------------------------------------------------------------------
# --check: the commune target per year, and sanity checks of the seed files.

def read_all(name):
    with open(os.path.join(SEEDS, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def parse_day(s):
    return dt.datetime.strptime(s, "%d/%m/%Y").date()


def commune_status(units, models, evals, year, threshold=10, min_per_field=2, at_risk_ratio=0.8):
    """{commune ref: (status, effective, effective per field, pending)} for one year.

    The counting rule: a collective model counts as effective for `year` when
    it was launched on or before 31/12/year, was not removed on or before
    31/12/year and its evaluation for `year` says effective.  Individual
    exemplars do not count.  A unit that has ended by 31/12/year is folded
    into the unit it was merged into (as the dashboard does).  Met: at least
    `threshold` effective and at least `min_per_field` in every field; at
    risk: at least threshold * at_risk_ratio effective, or enough but a
    field short; behind: fewer.
    """
    end = dt.date(year, 12, 31)
    by_ref = {u["ref"]: u for u in units}

    def valid(u):
        return not u["valid_to"] or parse_day(u["valid_to"]) >= end

    def resolve(ref):
        seen = set()
        while ref in by_ref and not valid(by_ref[ref]) and by_ref[ref]["merged_into_ref"] and ref not in seen:
            seen.add(ref)
            ref = by_ref[ref]["merged_into_ref"]
        return ref

    communes = [u["ref"] for u in units
                if u["kind"] == "commune" and u["parent_ref"] == "YB-VC" and valid(u)]
    rating = {(e["model_ref"], e["year"]): e["effective"] for e in evals}
    eff = {c: {f: 0 for f in FIELDS} for c in communes}
    pending = {c: 0 for c in communes}
    for m in models:
        owner = resolve(m["unit_ref"])
        if owner not in eff or m["kind"] != "collective" or not m["launched_on"]:
            continue
        if parse_day(m["launched_on"]) > end:
            continue
        if m["removed_on"] and parse_day(m["removed_on"]) <= end:
            continue
        r = rating.get((m["ref"], str(year)))
        if r == "1":
            eff[owner][m["field"]] += 1
        elif r is None:
            pending[owner] += 1
    out = {}
    for c in communes:
        total = sum(eff[c].values())
        short = [f for f in FIELDS if eff[c][f] < min_per_field]
        if total >= threshold and not short:
            status = "met"
        elif total >= threshold * at_risk_ratio:
            status = "at risk"
        else:
            status = "behind"
        out[c] = (status, total, eff[c], pending[c])
    return out


def sanity_problems(tables):
    """Problems found in the seed files: refs, dates, NFC, removals, special cases."""
    problems = []
    units, models, evals = tables["units.csv"], tables["models.csv"], tables["evaluations.csv"]
    unit_refs = {u["ref"] for u in units}
    model_by = {m["ref"]: m for m in models}
    unit_by = {u["ref"]: u for u in units}
    for name, rows in sorted(tables.items()):
        for i, r in enumerate(rows, 2):
            for k, v in r.items():
                if v is not None and v != nfc(v):
                    problems.append("%s line %d, %s: not NFC" % (name, i, k))
    if len(model_by) != len(models):
        problems.append("models.csv: duplicate refs")
    if len(unit_refs) != len(units):
        problems.append("units.csv: duplicate refs")
    for u in units:
        for k in ("parent_ref", "merged_into_ref"):
            if u[k] and u[k] not in unit_refs:
                problems.append("units.csv %s: %s %s unknown" % (u["ref"], k, u[k]))
    for name, key in (("models.csv", "unit_ref"), ("surveys.csv", "unit_ref"), ("plans.csv", "unit_ref"),
                      ("awards.csv", "unit_ref"), ("reported_figures.csv", "unit_ref")):
        for r in tables[name]:
            if r[key] and r[key] not in unit_refs:
                problems.append("%s: unit %s unknown" % (name, r[key]))
    for name in ("evaluations.csv", "recognitions.csv", "awards.csv"):
        for r in tables[name]:
            if r["model_ref"] and r["model_ref"] not in model_by:
                problems.append("%s: model %s unknown" % (name, r["model_ref"]))
    for name, key in (("evaluations.csv", ("model_ref", "year")), ("surveys.csv", ("unit_ref", "year")),
                      ("plans.csv", ("unit_ref", "year"))):
        keys = [tuple(r[k] for k in key) for r in tables[name]]
        if len(set(keys)) != len(keys):
            problems.append("%s: duplicate %s" % (name, "/".join(key)))
    for m in models:
        ref = m["ref"]
        reg = parse_day(m["registered_on"]) if m["registered_on"] else None
        launch = parse_day(m["launched_on"]) if m["launched_on"] else None
        removed = parse_day(m["removed_on"]) if m["removed_on"] else None
        if reg and launch and reg > launch:
            problems.append("%s: registered after launch" % ref)
        if launch and launch > AS_OF:
            problems.append("%s: launched after data_as_of" % ref)
        if removed and (not launch or removed <= launch or removed > AS_OF):
            problems.append("%s: bad removal date" % ref)
        if bool(removed) != bool(m["removal_reason"]):
            problems.append("%s: removal date and reason do not match" % ref)
        if m["demo"] == "1" and m["removal_reason"] and m["removal_reason"] not in REMOVAL_REASONS:
            problems.append("%s: unknown removal reason %r" % (ref, m["removal_reason"]))
        u = unit_by.get(m["unit_ref"])
        if u and u["valid_to"] and launch and launch > parse_day(u["valid_to"]):
            problems.append("%s: launched after its unit ended" % ref)
    for e in evals:
        m = model_by.get(e["model_ref"])
        if not m or not m["launched_on"]:
            continue
        y = int(e["year"])
        if y < parse_day(m["launched_on"]).year or y > AS_OF.year:
            problems.append("%s: evaluation for %d outside its life" % (m["ref"], y))
        if m["removed_on"] and y > parse_day(m["removed_on"]).year:
            problems.append("%s: evaluation for %d after removal" % (m["ref"], y))
        u = unit_by.get(m["unit_ref"])  # a merged unit's models go on under its successor
        if u and u["valid_to"] and not u["merged_into_ref"] and y > parse_day(u["valid_to"]).year:
            problems.append("%s: evaluation for %d after its unit ended" % (m["ref"], y))
    for name, key in (("recognitions.csv", "decided_on"), ("awards.csv", "decided_on")):
        for r in tables[name]:
            if not r[key]:
                continue
            d = parse_day(r[key])
            m = model_by.get(r["model_ref"])
            if d > AS_OF or (m and m["launched_on"] and d < parse_day(m["launched_on"])) \
                    or (m and m["removed_on"] and d >= parse_day(m["removed_on"])):
                problems.append("%s: %s decided on %s" % (name, r["model_ref"], r[key]))
    # the special cases
    if any(m["unit_ref"] == "YB-VC-NB" and m["field"] == "defenceSecurity" for m in models):
        problems.append("Nậm Búng has a defence-security model")
    nl = {m["ref"] for m in models if m["unit_ref"] in PENDING_2025}
    if any(e["model_ref"] in nl and e["year"] == "2025" for e in evals):
        problems.append("Nậm Lành has 2025 evaluations")
    nm = unit_by.get("YB-VC-NM")
    if not nm or nm["valid_to"] != "31/12/2023" or nm["merged_into_ref"] != "YB-VC-SD":
        problems.append("Nậm Mười merger missing")
    rated = {(e["model_ref"], e["year"]) for e in evals}
    for m in models:
        if m["unit_ref"] != "YB-VC-NM" or not m["launched_on"]:
            continue
        for y in (2024, 2025):
            end = dt.date(y, 12, 31)
            in_force = parse_day(m["launched_on"]) <= end and not (
                m["removed_on"] and parse_day(m["removed_on"]) <= end)
            if in_force and (m["ref"], str(y)) not in rated:
                problems.append("Nậm Mười model %s in force in %d but not evaluated" % (m["ref"], y))
    return problems


def check():
    """Print the commune target per year and run the sanity checks; 1 on problems."""
    names = sorted(HEADERS) + ["reported_figures.csv", "targets.csv", "settings.csv",
                               "fields.csv", "directives.csv"]
    tables = {n: read_all(n) for n in names}
    ok = True
    stale = [n for n, rows in generate().items()
             if render(n, rows) != open(os.path.join(SEEDS, n), encoding="utf-8", newline="").read()]
    if stale:
        ok = False
        print("not what the script generates (run it again): %s" % ", ".join(stale))
    target = next(t for t in tables["targets.csv"] if t["metric"] == "effectiveModelsPerUnit")
    rule = dict(threshold=float(target["threshold"]), min_per_field=int(target["min_per_field"]),
                at_risk_ratio=float(target["at_risk_ratio"]))
    names_by = {u["ref"]: u["name"] for u in tables["units.csv"]}
    print("Communes of Huyện Văn Chấn, target: >= %g effective collective models, >= %d per field"
          % (rule["threshold"], rule["min_per_field"]))
    print("year  communes  met  at risk  behind  (at risk: >= %g, or a field short)"
          % (rule["threshold"] * rule["at_risk_ratio"]))
    detail = {}
    for y in YEARS:
        st = commune_status(tables["units.csv"], tables["models.csv"], tables["evaluations.csv"], y, **rule)
        detail[y] = st
        n = {k: sum(1 for v in st.values() if v[0] == k) for k in ("met", "at risk", "behind")}
        print("%d  %8d  %3d  %7d  %6d" % (y, len(st), n["met"], n["at risk"], n["behind"]))
    print()
    print(("%-30s %s" % ("effective (pending)", "".join("%-8d" % y for y in YEARS))).rstrip())
    for ref in sorted(detail[YEARS[0]], key=lambda r: names_by[r]):
        cells = []
        for y in YEARS:
            if ref not in detail[y]:
                cells.append(" -")
                continue
            status, total, per_field, pend = detail[y][ref]
            mark = {"met": "+", "at risk": "~", "behind": "."}[status]
            cells.append("%2d%s%s" % (total, mark, ("(%d)" % pend) if pend else ""))
        print(("%-30s %s" % (names_by[ref], "".join("%-8s" % c for c in cells))).rstrip())
    print("(+ met, ~ at risk, . behind; (n): in force but no evaluation for the year)")
    models = tables["models.csv"]
    demo = [m for m in models if m["demo"] == "1"]
    print()
    print("models: %d (%d demo; %d collective in communes, %d individual exemplars, %d removed)"
          % (len(models), len(demo),
             sum(1 for m in demo if m["unit_ref"].startswith("YB-VC-") and m["kind"] == "collective"),
             sum(1 for m in demo if m["kind"] == "individual"), sum(1 for m in models if m["removed_on"])))
    problems = sanity_problems(tables)
    for p in problems:
        print("PROBLEM:", p)
    print("sanity checks: %s" % ("%d problem(s)" % len(problems) if problems else "ok"))
    return 0 if ok and not problems else 1


def main():
    if sys.argv[1:] == ["--check"]:
        sys.exit(check())
    if sys.argv[1:]:
        sys.exit("usage: make_demo_register.py [--check]")
    for name, rows in generate().items():
        print("%-18s %4d rows" % (name, write(name, rows)))


if __name__ == "__main__":
    main()
