from .centres import Centre
from .pages import HomePage
from .places import Commune, District, Province, Village
from .worker import WorkerHeartbeat

__all__ = [
    "Centre",
    "Commune",
    "District",
    "HomePage",
    "Province",
    "Village",
    "WorkerHeartbeat",
]
