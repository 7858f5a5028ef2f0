"""Contains all the data models used in inputs/outputs"""

from .actor_type import ActorType
from .agenda import Agenda
from .agenda_day import AgendaDay
from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_patch import ApiKeyPatch
from .audit_entry import AuditEntry
from .campaign_create import CampaignCreate
from .campaign_result import CampaignResult
from .candidate import Candidate
from .channel import Channel
from .churn_report import ChurnReport
from .complaint import Complaint
from .complaint_category import ComplaintCategory
from .complaint_create import ComplaintCreate
from .complaint_event import ComplaintEvent
from .complaint_event_details_type_0 import ComplaintEventDetailsType0
from .complaint_event_kind import ComplaintEventKind
from .complaint_kind import ComplaintKind
from .complaint_note import ComplaintNote
from .complaint_patch import ComplaintPatch
from .complaint_report import ComplaintReport
from .complaint_sort import ComplaintSort
from .complaint_status import ComplaintStatus
from .complaint_transition import ComplaintTransition
from .compliance import Compliance
from .consent import Consent
from .consent_change import ConsentChange
from .consent_shown import ConsentShown
from .consent_state import ConsentState
from .contact_window import ContactWindow
from .count import Count
from .create_on_duplicate import CreateOnDuplicate
from .curve_point import CurvePoint
from .customer import Customer
from .customer_attributes import CustomerAttributes
from .customer_create import CustomerCreate
from .customer_create_attributes_type_0 import CustomerCreateAttributesType0
from .customer_created import CustomerCreated
from .customer_export import CustomerExport
from .customer_export_customer import CustomerExportCustomer
from .customer_export_records import CustomerExportRecords
from .customer_patch import CustomerPatch
from .customer_patch_attributes import CustomerPatchAttributes
from .customer_sort import CustomerSort
from .customer_status import CustomerStatus
from .customer_summary import CustomerSummary
from .delivery import Delivery
from .delivery_attempt import DeliveryAttempt
from .delivery_state import DeliveryState
from .direction import Direction
from .dismissal import Dismissal
from .dismissal_request import DismissalRequest
from .eighty_percent import EightyPercent
from .erasure import Erasure
from .erasure_request import ErasureRequest
from .event import Event
from .event_actor import EventActor
from .event_data import EventData
from .event_page import EventPage
from .event_type import EventType
from .field_code import FieldCode
from .field_error import FieldError
from .handoff import Handoff
from .health import Health
from .history_entry import HistoryEntry
from .import_action import ImportAction
from .import_error import ImportError_
from .import_result import ImportResult
from .important_date import ImportantDate
from .interaction import Interaction
from .interaction_create import InteractionCreate
from .interaction_patch import InteractionPatch
from .left_out import LeftOut
from .lifecycle_stage import LifecycleStage
from .matched_by import MatchedBy
from .members_change import MembersChange
from .members_result import MembersResult
from .merge import Merge
from .merge_moved import MergeMoved
from .merge_request import MergeRequest
from .merge_request_fields_type_0 import MergeRequestFieldsType0
from .neglected_report import NeglectedReport
from .on_duplicate import OnDuplicate
from .outcome import Outcome
from .owner_change import OwnerChange
from .owner_count import OwnerCount
from .owner_touchpoint_figures import OwnerTouchpointFigures
from .page_api_key import PageApiKey
from .page_audit_entry import PageAuditEntry
from .page_candidate import PageCandidate
from .page_complaint import PageComplaint
from .page_complaint_event import PageComplaintEvent
from .page_consent_change import PageConsentChange
from .page_customer import PageCustomer
from .page_delivery import PageDelivery
from .page_handoff import PageHandoff
from .page_history_entry import PageHistoryEntry
from .page_interaction import PageInteraction
from .page_playbook import PagePlaybook
from .page_purchase import PagePurchase
from .page_segment import PageSegment
from .page_sla_policy import PageSlaPolicy
from .page_tier_suggestion import PageTierSuggestion
from .page_timeline_item import PageTimelineItem
from .page_touchpoint import PageTouchpoint
from .page_user import PageUser
from .page_webhook import PageWebhook
from .pareto_report import ParetoReport
from .pass_outcome import PassOutcome
from .planned_row import PlannedRow
from .playbook import Playbook
from .playbook_create import PlaybookCreate
from .playbook_patch import PlaybookPatch
from .playbook_recurrence import PlaybookRecurrence
from .playbook_step import PlaybookStep
from .preview_request import PreviewRequest
from .preview_response import PreviewResponse
from .problem import Problem
from .purchase import Purchase
from .purchase_create import PurchaseCreate
from .purpose import Purpose
from .ranked_customer import RankedCustomer
from .reason import Reason
from .reason_code import ReasonCode
from .resolution_times import ResolutionTimes
from .role import Role
from .sales_stage import SalesStage
from .satisfaction_figures import SatisfactionFigures
from .scheduler_run import SchedulerRun
from .scope_name import ScopeName
from .secret_rotation import SecretRotation
from .segment import Segment
from .segment_create import SegmentCreate
from .segment_kind import SegmentKind
from .segment_patch import SegmentPatch
from .segment_rule import SegmentRule
from .segment_rule_op import SegmentRuleOp
from .severity import Severity
from .sla_policy import SlaPolicy
from .sla_policy_update import SlaPolicyUpdate
from .source import Source
from .status import Status
from .tier import Tier
from .tier_evidence import TierEvidence
from .tier_suggestion import TierSuggestion
from .timeline_item import TimelineItem
from .timeline_kind import TimelineKind
from .timezone import Timezone
from .token_request import TokenRequest
from .token_response import TokenResponse
from .top_share import TopShare
from .touchpoint import Touchpoint
from .touchpoint_complete import TouchpointComplete
from .touchpoint_create import TouchpointCreate
from .touchpoint_patch import TouchpointPatch
from .touchpoint_report import TouchpointReport
from .touchpoint_skip import TouchpointSkip
from .trigger import Trigger
from .user import User
from .user_create import UserCreate
from .user_patch import UserPatch
from .user_summary import UserSummary
from .webhook import Webhook
from .webhook_create import WebhookCreate
from .webhook_created import WebhookCreated
from .webhook_patch import WebhookPatch
from .webhook_rotated import WebhookRotated

__all__ = (
    "ActorType",
    "Agenda",
    "AgendaDay",
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyPatch",
    "AuditEntry",
    "CampaignCreate",
    "CampaignResult",
    "Candidate",
    "Channel",
    "ChurnReport",
    "Complaint",
    "ComplaintCategory",
    "ComplaintCreate",
    "ComplaintEvent",
    "ComplaintEventDetailsType0",
    "ComplaintEventKind",
    "ComplaintKind",
    "ComplaintNote",
    "ComplaintPatch",
    "ComplaintReport",
    "ComplaintSort",
    "ComplaintStatus",
    "ComplaintTransition",
    "Compliance",
    "Consent",
    "ConsentChange",
    "ConsentShown",
    "ConsentState",
    "ContactWindow",
    "Count",
    "CreateOnDuplicate",
    "CurvePoint",
    "Customer",
    "CustomerAttributes",
    "CustomerCreate",
    "CustomerCreateAttributesType0",
    "CustomerCreated",
    "CustomerExport",
    "CustomerExportCustomer",
    "CustomerExportRecords",
    "CustomerPatch",
    "CustomerPatchAttributes",
    "CustomerSort",
    "CustomerStatus",
    "CustomerSummary",
    "Delivery",
    "DeliveryAttempt",
    "DeliveryState",
    "Direction",
    "Dismissal",
    "DismissalRequest",
    "EightyPercent",
    "Erasure",
    "ErasureRequest",
    "Event",
    "EventActor",
    "EventData",
    "EventPage",
    "EventType",
    "FieldCode",
    "FieldError",
    "Handoff",
    "Health",
    "HistoryEntry",
    "ImportAction",
    "ImportantDate",
    "ImportError_",
    "ImportResult",
    "Interaction",
    "InteractionCreate",
    "InteractionPatch",
    "LeftOut",
    "LifecycleStage",
    "MatchedBy",
    "MembersChange",
    "MembersResult",
    "Merge",
    "MergeMoved",
    "MergeRequest",
    "MergeRequestFieldsType0",
    "NeglectedReport",
    "OnDuplicate",
    "Outcome",
    "OwnerChange",
    "OwnerCount",
    "OwnerTouchpointFigures",
    "PageApiKey",
    "PageAuditEntry",
    "PageCandidate",
    "PageComplaint",
    "PageComplaintEvent",
    "PageConsentChange",
    "PageCustomer",
    "PageDelivery",
    "PageHandoff",
    "PageHistoryEntry",
    "PageInteraction",
    "PagePlaybook",
    "PagePurchase",
    "PageSegment",
    "PageSlaPolicy",
    "PageTierSuggestion",
    "PageTimelineItem",
    "PageTouchpoint",
    "PageUser",
    "PageWebhook",
    "ParetoReport",
    "PassOutcome",
    "PlannedRow",
    "Playbook",
    "PlaybookCreate",
    "PlaybookPatch",
    "PlaybookRecurrence",
    "PlaybookStep",
    "PreviewRequest",
    "PreviewResponse",
    "Problem",
    "Purchase",
    "PurchaseCreate",
    "Purpose",
    "RankedCustomer",
    "Reason",
    "ReasonCode",
    "ResolutionTimes",
    "Role",
    "SalesStage",
    "SatisfactionFigures",
    "SchedulerRun",
    "ScopeName",
    "SecretRotation",
    "Segment",
    "SegmentCreate",
    "SegmentKind",
    "SegmentPatch",
    "SegmentRule",
    "SegmentRuleOp",
    "Severity",
    "SlaPolicy",
    "SlaPolicyUpdate",
    "Source",
    "Status",
    "Tier",
    "TierEvidence",
    "TierSuggestion",
    "TimelineItem",
    "TimelineKind",
    "Timezone",
    "TokenRequest",
    "TokenResponse",
    "TopShare",
    "Touchpoint",
    "TouchpointComplete",
    "TouchpointCreate",
    "TouchpointPatch",
    "TouchpointReport",
    "TouchpointSkip",
    "Trigger",
    "User",
    "UserCreate",
    "UserPatch",
    "UserSummary",
    "Webhook",
    "WebhookCreate",
    "WebhookCreated",
    "WebhookPatch",
    "WebhookRotated",
)
