"""How decisions and certificates name each title and the subjects that hold it.

Fixed Vietnamese of the documents (they are issued in Vietnamese whatever the
reader's language), one row per learning model.
"""

from dataclasses import dataclass

from lms.recognition.constants import LearningModel


@dataclass(frozen=True)
class TitleWords:
    title: str  # the title, as quoted in a decision: Công dân học tập
    noun: str  # one subject: công dân
    column: str  # the annex column that names the subject


TITLE_WORDS = {
    LearningModel.CITIZEN: TitleWords("Công dân học tập", "công dân", "Họ và tên"),
    LearningModel.FAMILY: TitleWords(
        "Gia đình học tập", "gia đình", "Gia đình (chủ hộ)"
    ),
    LearningModel.CLAN: TitleWords("Dòng họ học tập", "dòng họ", "Dòng họ"),
    LearningModel.COMMUNITY: TitleWords(
        "Cộng đồng học tập cấp thôn", "thôn", "Thôn, tổ dân phố"
    ),
    LearningModel.COMMUNE: TitleWords("Cộng đồng học tập cấp xã", "xã", "Xã"),
    LearningModel.UNIT: TitleWords("Đơn vị học tập", "đơn vị", "Đơn vị"),
}


def title_words(model: str) -> TitleWords:
    return TITLE_WORDS[LearningModel(model)]
