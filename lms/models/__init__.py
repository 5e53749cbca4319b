from .learners import TargetGroup, User

__all__ = ["TargetGroup", "User"]
