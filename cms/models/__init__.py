from .centres import Centre
from .contributors import ContributorProfile
from .media import AudioTrack, LessonMedia
from .pages import (
    CentrePage,
    CourseIndexPage,
    CoursePage,
    HomePage,
    InstitutionLibraryPage,
    Language,
    LessonPage,
    NewsIndexPage,
    NewsPage,
    OpenResourcePage,
    ResourceFile,
    ResourceLibraryPage,
    ResourceTranslator,
)
from .places import Commune, District, Province, Village
from .renditions import RetiredRenditions
from .resumable import ResumableUpload
from .review import LibraryReviewTask
from .snippets import Institution, Licence, Subject, TargetGroup
from .worker import WorkerHeartbeat

__all__ = [
    "AudioTrack",
    "Centre",
    "CentrePage",
    "Commune",
    "ContributorProfile",
    "CourseIndexPage",
    "CoursePage",
    "District",
    "HomePage",
    "Institution",
    "InstitutionLibraryPage",
    "Language",
    "LessonMedia",
    "LessonPage",
    "LibraryReviewTask",
    "Licence",
    "NewsIndexPage",
    "NewsPage",
    "OpenResourcePage",
    "Province",
    "ResourceFile",
    "ResourceLibraryPage",
    "ResourceTranslator",
    "RetiredRenditions",
    "ResumableUpload",
    "Subject",
    "TargetGroup",
    "Village",
    "WorkerHeartbeat",
]
