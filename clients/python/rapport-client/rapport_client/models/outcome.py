from enum import StrEnum


class Outcome(StrEnum):
    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    NO_ANSWER = "no_answer"
    POSITIVE = "positive"

    def __str__(self) -> str:
        return str(self.value)
