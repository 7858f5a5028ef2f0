from enum import StrEnum


class ScopeName(StrEnum):
    COMPLAINTS_READ = "complaints:read"
    COMPLAINTS_WRITE = "complaints:write"
    CUSTOMERS_READ = "customers:read"
    CUSTOMERS_WRITE = "customers:write"
    EVENTS_READ = "events:read"
    EVENTS_WRITE = "events:write"
    INTERACTIONS_READ = "interactions:read"
    INTERACTIONS_WRITE = "interactions:write"
    PLAYBOOKS_READ = "playbooks:read"
    PLAYBOOKS_WRITE = "playbooks:write"
    PURCHASES_READ = "purchases:read"
    PURCHASES_WRITE = "purchases:write"
    REPORTS_READ = "reports:read"
    REPORTS_WRITE = "reports:write"
    SEGMENTS_READ = "segments:read"
    SEGMENTS_WRITE = "segments:write"
    TOUCHPOINTS_READ = "touchpoints:read"
    TOUCHPOINTS_WRITE = "touchpoints:write"

    def __str__(self) -> str:
        return str(self.value)
