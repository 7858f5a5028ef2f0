from enum import StrEnum


class LifecycleStage(StrEnum):
    AWARENESS = "awareness"
    COMMITMENT = "commitment"
    DISSOLUTION = "dissolution"
    EXPANSION = "expansion"
    EXPLORATION = "exploration"

    def __str__(self) -> str:
        return str(self.value)
