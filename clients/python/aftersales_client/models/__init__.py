"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .address_in import AddressIn
from .adjust_in import AdjustIn
from .adjustment_in import AdjustmentIn
from .admin_work_in import AdminWorkIn
from .admin_work_in_kind import AdminWorkInKind
from .admin_work_out import AdminWorkOut
from .admin_work_report import AdminWorkReport
from .admin_work_report_format import AdminWorkReportFormat
from .admin_work_staff_month import AdminWorkStaffMonth
from .admin_work_staff_month_minutes_by_kind import AdminWorkStaffMonthMinutesByKind
from .appointment import Appointment
from .approve_in import ApproveIn
from .approve_line_in import ApproveLineIn
from .assign_in import AssignIn
from .assign_in_reason_code_type_0 import AssignInReasonCodeType0
from .assignment import Assignment
from .attempt_out import AttemptOut
from .audit_entry import AuditEntry
from .audit_entry_changes import AuditEntryChanges
from .audit_page import AuditPage
from .batch_report_in import BatchReportIn
from .batch_report_in_outcome_type_0 import BatchReportInOutcomeType0
from .batch_report_in_status import BatchReportInStatus
from .batch_result import BatchResult
from .batch_result_outcome import BatchResultOutcome
from .batch_result_problem_type_0 import BatchResultProblemType0
from .billing_delivery_out import BillingDeliveryOut
from .billing_delivery_out_waived_type_0 import BillingDeliveryOutWaivedType0
from .billing_money import BillingMoney
from .billing_money_in import BillingMoneyIn
from .calendar_day_out import CalendarDayOut
from .callback_detail import CallbackDetail
from .callback_detail_contact_type_0 import CallbackDetailContactType0
from .callback_detail_outcome_type_0 import CallbackDetailOutcomeType0
from .callback_detail_reason import CallbackDetailReason
from .callback_detail_status import CallbackDetailStatus
from .callback_detail_visit_confirmed import CallbackDetailVisitConfirmed
from .callback_out import CallbackOut
from .callback_out_contact_type_0 import CallbackOutContactType0
from .callback_out_outcome_type_0 import CallbackOutOutcomeType0
from .callback_out_reason import CallbackOutReason
from .callback_out_status import CallbackOutStatus
from .callback_out_visit_confirmed import CallbackOutVisitConfirmed
from .callback_result_in import CallbackResultIn
from .callback_result_in_outcome_type_0 import CallbackResultInOutcomeType0
from .callback_result_in_visit_confirmed import CallbackResultInVisitConfirmed
from .callback_summary import CallbackSummary
from .campaign_in import CampaignIn
from .campaign_in_covers_item import CampaignInCoversItem
from .campaign_in_kinds_item import CampaignInKindsItem
from .campaign_out import CampaignOut
from .cancel_in import CancelIn
from .capacity_calendar import CapacityCalendar
from .capacity_override_in import CapacityOverrideIn
from .capacity_override_out import CapacityOverrideOut
from .capacity_override_out_made_by import CapacityOverrideOutMadeBy
from .capacity_overrides import CapacityOverrides
from .care_plan_in import CarePlanIn
from .care_plan_in_level import CarePlanInLevel
from .care_plan_out import CarePlanOut
from .care_plan_out_purpose import CarePlanOutPurpose
from .care_visit_in import CareVisitIn
from .care_visit_out import CareVisitOut
from .cash_handover_in import CashHandoverIn
from .cash_handover_out import CashHandoverOut
from .cash_payment_out import CashPaymentOut
from .cash_payment_out_status import CashPaymentOutStatus
from .cash_remittance_in import CashRemittanceIn
from .cash_remittance_out import CashRemittanceOut
from .cash_report import CashReport
from .category_offer_io import CategoryOfferIO
from .category_offer_io_complete_within_hours import CategoryOfferIOCompleteWithinHours
from .category_offer_io_kinds_item import CategoryOfferIOKindsItem
from .category_offer_io_respond_within_hours import CategoryOfferIORespondWithinHours
from .centre_report import CentreReport
from .centre_report_by_channel import CentreReportByChannel
from .centre_report_by_kind import CentreReportByKind
from .centre_report_format import CentreReportFormat
from .centre_scorecard import CentreScorecard
from .charge_line_out import ChargeLineOut
from .charge_out import ChargeOut
from .charge_out_exclusion_type_0 import ChargeOutExclusionType0
from .charge_out_late_report_type_0 import ChargeOutLateReportType0
from .charge_out_service_class import ChargeOutServiceClass
from .charge_out_status import ChargeOutStatus
from .charge_summary import ChargeSummary
from .checklist_item_out import ChecklistItemOut
from .checklist_tick_in import ChecklistTickIn
from .clear_in import ClearIn
from .clear_in_basis_type_0 import ClearInBasisType0
from .close_month_in import CloseMonthIn
from .complaint_in import ComplaintIn
from .complaint_in_category import ComplaintInCategory
from .complaint_out import ComplaintOut
from .complaint_out_category import ComplaintOutCategory
from .complaint_out_status import ComplaintOutStatus
from .consumption_row import ConsumptionRow
from .contract_detail import ContractDetail
from .contract_in import ContractIn
from .contract_in_schedule import ContractInSchedule
from .contract_invoice_out import ContractInvoiceOut
from .contract_invoice_out_status import ContractInvoiceOutStatus
from .contract_out import ContractOut
from .contract_payment_in import ContractPaymentIn
from .contract_payment_in_method import ContractPaymentInMethod
from .correction_out import CorrectionOut
from .covers import Covers
from .covers_in import CoversIn
from .credit_note_in import CreditNoteIn
from .credit_note_out import CreditNoteOut
from .customer_in import CustomerIn
from .customer_in_type import CustomerInType
from .customer_out import CustomerOut
from .customer_out_type import CustomerOutType
from .customer_patch import CustomerPatch
from .customer_patch_type_type_0 import CustomerPatchTypeType0
from .delay_cause_in import DelayCauseIn
from .delay_cause_in_cause import DelayCauseInCause
from .delivered_in import DeliveredIn
from .delivery_bands_in import DeliveryBandsIn
from .delivery_bands_out import DeliveryBandsOut
from .delivery_waiver_in import DeliveryWaiverIn
from .delivery_waiver_in_cause import DeliveryWaiverInCause
from .direct_customer_quarter import DirectCustomerQuarter
from .direct_customer_quarter_by_kind import DirectCustomerQuarterByKind
from .direct_customers_report import DirectCustomersReport
from .direct_customers_report_format import DirectCustomersReportFormat
from .discipline_out import DisciplineOut
from .dispatch_next_clock_out import DispatchNextClockOut
from .dispatch_next_clock_out_clock import DispatchNextClockOutClock
from .dispatch_transfer_in import DispatchTransferIn
from .event_type_out import EventTypeOut
from .exclusion_in import ExclusionIn
from .exclusion_in_reason import ExclusionInReason
from .fault_codes_in import FaultCodesIn
from .fault_codes_in_actions import FaultCodesInActions
from .fault_codes_in_causes import FaultCodesInCauses
from .fault_codes_in_symptoms import FaultCodesInSymptoms
from .fault_codes_out import FaultCodesOut
from .fault_codes_out_actions import FaultCodesOutActions
from .fault_codes_out_causes import FaultCodesOutCauses
from .fault_codes_out_symptoms import FaultCodesOutSymptoms
from .fine_out import FineOut
from .get_settlements_format import GetSettlementsFormat
from .grading_out import GradingOut
from .grading_out_grades_item import GradingOutGradesItem
from .guidance_out import GuidanceOut
from .guidance_out_result import GuidanceOutResult
from .history_entry import HistoryEntry
from .history_entry_details_type_0 import HistoryEntryDetailsType0
from .intake_delivery_out import IntakeDeliveryOut
from .intake_delivery_out_status import IntakeDeliveryOutStatus
from .intake_money import IntakeMoney
from .intake_money_in import IntakeMoneyIn
from .intake_next_clock_out import IntakeNextClockOut
from .intake_next_clock_out_clock import IntakeNextClockOutClock
from .intake_transfer_in import IntakeTransferIn
from .invoice_list import InvoiceList
from .invoice_out import InvoiceOut
from .job_clock_counts import JobClockCounts
from .job_counts import JobCounts
from .job_history import JobHistory
from .job_out import JobOut
from .job_out_customer import JobOutCustomer
from .job_out_product_type_0 import JobOutProductType0
from .job_out_routing_type_0 import JobOutRoutingType0
from .job_out_status import JobOutStatus
from .job_pause import JobPause
from .job_status_counts import JobStatusCounts
from .late_out import LateOut
from .late_out_delay_cause_type_0 import LateOutDelayCauseType0
from .late_out_waived_type_0 import LateOutWaivedType0
from .ledger_payment_out import LedgerPaymentOut
from .ledger_payment_out_reconciliation_type_0 import (
    LedgerPaymentOutReconciliationType0,
)
from .list_jobs_sort import ListJobsSort
from .list_jobs_status_type_0 import ListJobsStatusType0
from .list_parts_orders_status_type_0 import ListPartsOrdersStatusType0
from .list_plans_purpose_type_0 import ListPlansPurposeType0
from .list_requisitions_status_type_0 import ListRequisitionsStatusType0
from .list_returns_status_type_0 import ListReturnsStatusType0
from .list_reviews_rule_type_0 import ListReviewsRuleType0
from .list_reviews_status_type_0 import ListReviewsStatusType0
from .list_tickets_channel_type_0 import ListTicketsChannelType0
from .list_tickets_closure_reason_type_0 import ListTicketsClosureReasonType0
from .list_tickets_kind_type_0 import ListTicketsKindType0
from .list_tickets_sort import ListTicketsSort
from .list_tickets_status_type_0 import ListTicketsStatusType0
from .movement_out import MovementOut
from .my_day_out import MyDayOut
from .my_job_out import MyJobOut
from .notification_out import NotificationOut
from .notification_out_channel import NotificationOutChannel
from .notification_out_kind import NotificationOutKind
from .notification_out_status import NotificationOutStatus
from .offer_out import OfferOut
from .order_line_in import OrderLineIn
from .order_line_out import OrderLineOut
from .page_callback_out import PageCallbackOut
from .page_campaign_out import PageCampaignOut
from .page_care_plan_out import PageCarePlanOut
from .page_charge_out import PageChargeOut
from .page_complaint_out import PageComplaintOut
from .page_contract_out import PageContractOut
from .page_customer_out import PageCustomerOut
from .page_job_out import PageJobOut
from .page_movement_out import PageMovementOut
from .page_point_out import PagePointOut
from .page_product_out import PageProductOut
from .page_reception_out import PageReceptionOut
from .page_review_out import PageReviewOut
from .page_staff_out import PageStaffOut
from .page_stock_level_out import PageStockLevelOut
from .page_technician_out import PageTechnicianOut
from .page_ticket_out import PageTicketOut
from .pair_in import PairIn
from .pair_out import PairOut
from .part_in import PartIn
from .part_in_source import PartInSource
from .part_master_in import PartMasterIn
from .part_master_out import PartMasterOut
from .part_master_patch import PartMasterPatch
from .part_out import PartOut
from .part_price import PartPrice
from .part_return_out import PartReturnOut
from .parts_consumption_format import PartsConsumptionFormat
from .parts_order_out import PartsOrderOut
from .parts_order_out_customer_type_0 import PartsOrderOutCustomerType0
from .parts_order_out_ship_to_type_0 import PartsOrderOutShipToType0
from .parts_order_out_status import PartsOrderOutStatus
from .pause_in import PauseIn
from .pause_in_reason import PauseInReason
from .pause_out import PauseOut
from .payment_in import PaymentIn
from .payment_in_method import PaymentInMethod
from .payment_list import PaymentList
from .payment_out import PaymentOut
from .payment_out_reconciliation_type_0 import PaymentOutReconciliationType0
from .planned_visit_out import PlannedVisitOut
from .point_in import PointIn
from .point_out import PointOut
from .point_owes_row import PointOwesRow
from .point_patch import PointPatch
from .point_scorecards_format import PointScorecardsFormat
from .points_owe_parts_format import PointsOwePartsFormat
from .policy_list import PolicyList
from .policy_out import PolicyOut
from .policy_version_in import PolicyVersionIn
from .policy_version_out import PolicyVersionOut
from .preferences_in import PreferencesIn
from .preferences_in_locale import PreferencesInLocale
from .preferences_out import PreferencesOut
from .preferences_out_locale import PreferencesOutLocale
from .prefix_band_in import PrefixBandIn
from .prefix_band_out import PrefixBandOut
from .previous_visit import PreviousVisit
from .price_list_in import PriceListIn
from .price_list_in_callout_fees import PriceListInCalloutFees
from .price_list_in_labour_per_hour import PriceListInLabourPerHour
from .price_list_in_parts import PriceListInParts
from .price_list_in_replacement_values import PriceListInReplacementValues
from .price_list_out import PriceListOut
from .price_list_out_callout_fees import PriceListOutCalloutFees
from .price_list_out_labour_per_hour import PriceListOutLabourPerHour
from .price_list_out_parts import PriceListOutParts
from .price_list_out_parts_additional_property import (
    PriceListOutPartsAdditionalProperty,
)
from .price_list_out_replacement_values import PriceListOutReplacementValues
from .price_list_out_travel_bands_item import PriceListOutTravelBandsItem
from .price_list_versions import PriceListVersions
from .problem import Problem
from .product_in import ProductIn
from .product_out import ProductOut
from .product_patch import ProductPatch
from .put_template_kind import PutTemplateKind
from .put_template_locale import PutTemplateLocale
from .quality_report import QualityReport
from .quality_report_comments_item import QualityReportCommentsItem
from .quality_report_faults_item import QualityReportFaultsItem
from .quality_report_models_item import QualityReportModelsItem
from .quality_report_parts_item import QualityReportPartsItem
from .reason_in import ReasonIn
from .receipt_in import ReceiptIn
from .receive_in import ReceiveIn
from .reception_in import ReceptionIn
from .reception_in_arrangements_item import ReceptionInArrangementsItem
from .reception_out import ReceptionOut
from .reconcile_in import ReconcileIn
from .reconcile_in_method import ReconcileInMethod
from .reconciliation_out import ReconciliationOut
from .refund_approval_in import RefundApprovalIn
from .refund_list import RefundList
from .refund_out import RefundOut
from .refund_out_approval import RefundOutApproval
from .refund_out_status import RefundOutStatus
from .refund_payment_in import RefundPaymentIn
from .refund_payment_in_method import RefundPaymentInMethod
from .reject_in import RejectIn
from .release_in import ReleaseIn
from .release_in_basis_type_0 import ReleaseInBasisType0
from .remedy_out import RemedyOut
from .renewal_in import RenewalIn
from .renewal_in_schedule_type_0 import RenewalInScheduleType0
from .reorder_levels_in import ReorderLevelsIn
from .reorder_levels_in_levels import ReorderLevelsInLevels
from .repair_card_out import RepairCardOut
from .repair_card_out_failed_inspections_item import RepairCardOutFailedInspectionsItem
from .repair_card_out_receipt_status import RepairCardOutReceiptStatus
from .reply_in import ReplyIn
from .requisition_in import RequisitionIn
from .requisition_line_out import RequisitionLineOut
from .requisition_out import RequisitionOut
from .resolve_in import ResolveIn
from .resolve_in_category_type_0 import ResolveInCategoryType0
from .resolve_remotely_in import ResolveRemotelyIn
from .respond_in import RespondIn
from .return_receive_in import ReturnReceiveIn
from .return_receive_in_condition import ReturnReceiveInCondition
from .return_ship_in import ReturnShipIn
from .revenue_class import RevenueClass
from .revenue_report import RevenueReport
from .revenue_report_format import RevenueReportFormat
from .review_out import ReviewOut
from .review_out_action import ReviewOutAction
from .review_out_correction_type_0 import ReviewOutCorrectionType0
from .review_out_details import ReviewOutDetails
from .review_out_status import ReviewOutStatus
from .review_out_subject import ReviewOutSubject
from .reward_list import RewardList
from .reward_out import RewardOut
from .reward_out_role import RewardOutRole
from .route_in import RouteIn
from .sample_out import SampleOut
from .sample_received_in import SampleReceivedIn
from .scorecards import Scorecards
from .scorecards_items_item import ScorecardsItemsItem
from .search_customers_type_type_0 import SearchCustomersTypeType0
from .service_catalogue_io import ServiceCatalogueIO
from .service_catalogue_out import ServiceCatalogueOut
from .service_catalogue_out_default_complete_within_hours import (
    ServiceCatalogueOutDefaultCompleteWithinHours,
)
from .service_catalogue_out_default_respond_within_hours import (
    ServiceCatalogueOutDefaultRespondWithinHours,
)
from .ship_in import ShipIn
from .shipping import Shipping
from .signature_in import SignatureIn
from .sla import Sla
from .sla_respond_clock import SlaRespondClock
from .sla_timer_out import SlaTimerOut
from .sla_timers import SlaTimers
from .slow_mover_row import SlowMoverRow
from .slow_movers_format import SlowMoversFormat
from .staff_detail import StaffDetail
from .staff_detail_role import StaffDetailRole
from .staff_detail_source import StaffDetailSource
from .staff_in import StaffIn
from .staff_in_role import StaffInRole
from .staff_out import StaffOut
from .staff_out_role import StaffOutRole
from .staff_out_source import StaffOutSource
from .staff_penalty_list import StaffPenaltyList
from .staff_penalty_out import StaffPenaltyOut
from .staff_rewards_format import StaffRewardsFormat
from .statement_line_in import StatementLineIn
from .statements import Statements
from .statements_items_item import StatementsItemsItem
from .status_batch_in import StatusBatchIn
from .status_batch_out import StatusBatchOut
from .status_report_in import StatusReportIn
from .status_report_in_outcome_type_0 import StatusReportInOutcomeType0
from .status_report_in_status import StatusReportInStatus
from .stock_level_out import StockLevelOut
from .stock_line_in import StockLineIn
from .stock_value_format import StockValueFormat
from .stock_value_row import StockValueRow
from .stock_value_row_kind import StockValueRowKind
from .strike_out import StrikeOut
from .technician_in import TechnicianIn
from .technician_out import TechnicianOut
from .technician_out_status import TechnicianOutStatus
from .technician_patch import TechnicianPatch
from .technician_scorecards_format import TechnicianScorecardsFormat
from .template_in import TemplateIn
from .template_out import TemplateOut
from .template_out_kind import TemplateOutKind
from .template_out_locale import TemplateOutLocale
from .ticket_clock_counts import TicketClockCounts
from .ticket_counts import TicketCounts
from .ticket_counts_kind_type_0 import TicketCountsKindType0
from .ticket_in import TicketIn
from .ticket_in_channel import TicketInChannel
from .ticket_in_kind import TicketInKind
from .ticket_out import TicketOut
from .ticket_out_channel import TicketOutChannel
from .ticket_out_closure_reason_type_0 import TicketOutClosureReasonType0
from .ticket_out_kind import TicketOutKind
from .ticket_out_status import TicketOutStatus
from .ticket_status_counts import TicketStatusCounts
from .timeline import Timeline
from .timeline_entry import TimelineEntry
from .timeline_entry_data import TimelineEntryData
from .travel_band_in import TravelBandIn
from .warehouse_in import WarehouseIn
from .warehouse_out import WarehouseOut
from .warranty_remedy_in import WarrantyRemedyIn
from .warranty_remedy_in_remedy import WarrantyRemedyInRemedy
from .warranty_remedy_out import WarrantyRemedyOut
from .webhook_in import WebhookIn
from .webhook_out import WebhookOut
from .webhook_with_secret import WebhookWithSecret
from .window_in import WindowIn
from .window_out import WindowOut
from .work_records_format import WorkRecordsFormat
from .work_report import WorkReport
from .work_report_points_item import WorkReportPointsItem
from .work_report_staff_item import WorkReportStaffItem
from .work_report_technicians_item import WorkReportTechniciansItem
from .workshop_item import WorkshopItem
from .workshop_item_status import WorkshopItemStatus
from .workshop_log_entry import WorkshopLogEntry
from .workshop_log_entry_direction import WorkshopLogEntryDirection
from .workshop_queue_status import WorkshopQueueStatus
from .workshop_register import WorkshopRegister

__all__ = (
    "Address",
    "AddressIn",
    "AdjustIn",
    "AdjustmentIn",
    "AdminWorkIn",
    "AdminWorkInKind",
    "AdminWorkOut",
    "AdminWorkReport",
    "AdminWorkReportFormat",
    "AdminWorkStaffMonth",
    "AdminWorkStaffMonthMinutesByKind",
    "Appointment",
    "ApproveIn",
    "ApproveLineIn",
    "AssignIn",
    "AssignInReasonCodeType0",
    "Assignment",
    "AttemptOut",
    "AuditEntry",
    "AuditEntryChanges",
    "AuditPage",
    "BatchReportIn",
    "BatchReportInOutcomeType0",
    "BatchReportInStatus",
    "BatchResult",
    "BatchResultOutcome",
    "BatchResultProblemType0",
    "BillingDeliveryOut",
    "BillingDeliveryOutWaivedType0",
    "BillingMoney",
    "BillingMoneyIn",
    "CalendarDayOut",
    "CallbackDetail",
    "CallbackDetailContactType0",
    "CallbackDetailOutcomeType0",
    "CallbackDetailReason",
    "CallbackDetailStatus",
    "CallbackDetailVisitConfirmed",
    "CallbackOut",
    "CallbackOutContactType0",
    "CallbackOutOutcomeType0",
    "CallbackOutReason",
    "CallbackOutStatus",
    "CallbackOutVisitConfirmed",
    "CallbackResultIn",
    "CallbackResultInOutcomeType0",
    "CallbackResultInVisitConfirmed",
    "CallbackSummary",
    "CampaignIn",
    "CampaignInCoversItem",
    "CampaignInKindsItem",
    "CampaignOut",
    "CancelIn",
    "CapacityCalendar",
    "CapacityOverrideIn",
    "CapacityOverrideOut",
    "CapacityOverrideOutMadeBy",
    "CapacityOverrides",
    "CarePlanIn",
    "CarePlanInLevel",
    "CarePlanOut",
    "CarePlanOutPurpose",
    "CareVisitIn",
    "CareVisitOut",
    "CashHandoverIn",
    "CashHandoverOut",
    "CashPaymentOut",
    "CashPaymentOutStatus",
    "CashRemittanceIn",
    "CashRemittanceOut",
    "CashReport",
    "CategoryOfferIO",
    "CategoryOfferIOCompleteWithinHours",
    "CategoryOfferIOKindsItem",
    "CategoryOfferIORespondWithinHours",
    "CentreReport",
    "CentreReportByChannel",
    "CentreReportByKind",
    "CentreReportFormat",
    "CentreScorecard",
    "ChargeLineOut",
    "ChargeOut",
    "ChargeOutExclusionType0",
    "ChargeOutLateReportType0",
    "ChargeOutServiceClass",
    "ChargeOutStatus",
    "ChargeSummary",
    "ChecklistItemOut",
    "ChecklistTickIn",
    "ClearIn",
    "ClearInBasisType0",
    "CloseMonthIn",
    "ComplaintIn",
    "ComplaintInCategory",
    "ComplaintOut",
    "ComplaintOutCategory",
    "ComplaintOutStatus",
    "ConsumptionRow",
    "ContractDetail",
    "ContractIn",
    "ContractInSchedule",
    "ContractInvoiceOut",
    "ContractInvoiceOutStatus",
    "ContractOut",
    "ContractPaymentIn",
    "ContractPaymentInMethod",
    "CorrectionOut",
    "Covers",
    "CoversIn",
    "CreditNoteIn",
    "CreditNoteOut",
    "CustomerIn",
    "CustomerInType",
    "CustomerOut",
    "CustomerOutType",
    "CustomerPatch",
    "CustomerPatchTypeType0",
    "DelayCauseIn",
    "DelayCauseInCause",
    "DeliveredIn",
    "DeliveryBandsIn",
    "DeliveryBandsOut",
    "DeliveryWaiverIn",
    "DeliveryWaiverInCause",
    "DirectCustomerQuarter",
    "DirectCustomerQuarterByKind",
    "DirectCustomersReport",
    "DirectCustomersReportFormat",
    "DisciplineOut",
    "DispatchNextClockOut",
    "DispatchNextClockOutClock",
    "DispatchTransferIn",
    "EventTypeOut",
    "ExclusionIn",
    "ExclusionInReason",
    "FaultCodesIn",
    "FaultCodesInActions",
    "FaultCodesInCauses",
    "FaultCodesInSymptoms",
    "FaultCodesOut",
    "FaultCodesOutActions",
    "FaultCodesOutCauses",
    "FaultCodesOutSymptoms",
    "FineOut",
    "GetSettlementsFormat",
    "GradingOut",
    "GradingOutGradesItem",
    "GuidanceOut",
    "GuidanceOutResult",
    "HistoryEntry",
    "HistoryEntryDetailsType0",
    "IntakeDeliveryOut",
    "IntakeDeliveryOutStatus",
    "IntakeMoney",
    "IntakeMoneyIn",
    "IntakeNextClockOut",
    "IntakeNextClockOutClock",
    "IntakeTransferIn",
    "InvoiceList",
    "InvoiceOut",
    "JobClockCounts",
    "JobCounts",
    "JobHistory",
    "JobOut",
    "JobOutCustomer",
    "JobOutProductType0",
    "JobOutRoutingType0",
    "JobOutStatus",
    "JobPause",
    "JobStatusCounts",
    "LateOut",
    "LateOutDelayCauseType0",
    "LateOutWaivedType0",
    "LedgerPaymentOut",
    "LedgerPaymentOutReconciliationType0",
    "ListJobsSort",
    "ListJobsStatusType0",
    "ListPartsOrdersStatusType0",
    "ListPlansPurposeType0",
    "ListRequisitionsStatusType0",
    "ListReturnsStatusType0",
    "ListReviewsRuleType0",
    "ListReviewsStatusType0",
    "ListTicketsChannelType0",
    "ListTicketsClosureReasonType0",
    "ListTicketsKindType0",
    "ListTicketsSort",
    "ListTicketsStatusType0",
    "MovementOut",
    "MyDayOut",
    "MyJobOut",
    "NotificationOut",
    "NotificationOutChannel",
    "NotificationOutKind",
    "NotificationOutStatus",
    "OfferOut",
    "OrderLineIn",
    "OrderLineOut",
    "PageCallbackOut",
    "PageCampaignOut",
    "PageCarePlanOut",
    "PageChargeOut",
    "PageComplaintOut",
    "PageContractOut",
    "PageCustomerOut",
    "PageJobOut",
    "PageMovementOut",
    "PagePointOut",
    "PageProductOut",
    "PageReceptionOut",
    "PageReviewOut",
    "PageStaffOut",
    "PageStockLevelOut",
    "PageTechnicianOut",
    "PageTicketOut",
    "PairIn",
    "PairOut",
    "PartIn",
    "PartInSource",
    "PartMasterIn",
    "PartMasterOut",
    "PartMasterPatch",
    "PartOut",
    "PartPrice",
    "PartReturnOut",
    "PartsConsumptionFormat",
    "PartsOrderOut",
    "PartsOrderOutCustomerType0",
    "PartsOrderOutShipToType0",
    "PartsOrderOutStatus",
    "PauseIn",
    "PauseInReason",
    "PauseOut",
    "PaymentIn",
    "PaymentInMethod",
    "PaymentList",
    "PaymentOut",
    "PaymentOutReconciliationType0",
    "PlannedVisitOut",
    "PointIn",
    "PointOut",
    "PointOwesRow",
    "PointPatch",
    "PointScorecardsFormat",
    "PointsOwePartsFormat",
    "PolicyList",
    "PolicyOut",
    "PolicyVersionIn",
    "PolicyVersionOut",
    "PreferencesIn",
    "PreferencesInLocale",
    "PreferencesOut",
    "PreferencesOutLocale",
    "PrefixBandIn",
    "PrefixBandOut",
    "PreviousVisit",
    "PriceListIn",
    "PriceListInCalloutFees",
    "PriceListInLabourPerHour",
    "PriceListInParts",
    "PriceListInReplacementValues",
    "PriceListOut",
    "PriceListOutCalloutFees",
    "PriceListOutLabourPerHour",
    "PriceListOutParts",
    "PriceListOutPartsAdditionalProperty",
    "PriceListOutReplacementValues",
    "PriceListOutTravelBandsItem",
    "PriceListVersions",
    "Problem",
    "ProductIn",
    "ProductOut",
    "ProductPatch",
    "PutTemplateKind",
    "PutTemplateLocale",
    "QualityReport",
    "QualityReportCommentsItem",
    "QualityReportFaultsItem",
    "QualityReportModelsItem",
    "QualityReportPartsItem",
    "ReasonIn",
    "ReceiptIn",
    "ReceiveIn",
    "ReceptionIn",
    "ReceptionInArrangementsItem",
    "ReceptionOut",
    "ReconcileIn",
    "ReconcileInMethod",
    "ReconciliationOut",
    "RefundApprovalIn",
    "RefundList",
    "RefundOut",
    "RefundOutApproval",
    "RefundOutStatus",
    "RefundPaymentIn",
    "RefundPaymentInMethod",
    "RejectIn",
    "ReleaseIn",
    "ReleaseInBasisType0",
    "RemedyOut",
    "RenewalIn",
    "RenewalInScheduleType0",
    "ReorderLevelsIn",
    "ReorderLevelsInLevels",
    "RepairCardOut",
    "RepairCardOutFailedInspectionsItem",
    "RepairCardOutReceiptStatus",
    "ReplyIn",
    "RequisitionIn",
    "RequisitionLineOut",
    "RequisitionOut",
    "ResolveIn",
    "ResolveInCategoryType0",
    "ResolveRemotelyIn",
    "RespondIn",
    "ReturnReceiveIn",
    "ReturnReceiveInCondition",
    "ReturnShipIn",
    "RevenueClass",
    "RevenueReport",
    "RevenueReportFormat",
    "ReviewOut",
    "ReviewOutAction",
    "ReviewOutCorrectionType0",
    "ReviewOutDetails",
    "ReviewOutStatus",
    "ReviewOutSubject",
    "RewardList",
    "RewardOut",
    "RewardOutRole",
    "RouteIn",
    "SampleOut",
    "SampleReceivedIn",
    "Scorecards",
    "ScorecardsItemsItem",
    "SearchCustomersTypeType0",
    "ServiceCatalogueIO",
    "ServiceCatalogueOut",
    "ServiceCatalogueOutDefaultCompleteWithinHours",
    "ServiceCatalogueOutDefaultRespondWithinHours",
    "ShipIn",
    "Shipping",
    "SignatureIn",
    "Sla",
    "SlaRespondClock",
    "SlaTimerOut",
    "SlaTimers",
    "SlowMoverRow",
    "SlowMoversFormat",
    "StaffDetail",
    "StaffDetailRole",
    "StaffDetailSource",
    "StaffIn",
    "StaffInRole",
    "StaffOut",
    "StaffOutRole",
    "StaffOutSource",
    "StaffPenaltyList",
    "StaffPenaltyOut",
    "StaffRewardsFormat",
    "StatementLineIn",
    "Statements",
    "StatementsItemsItem",
    "StatusBatchIn",
    "StatusBatchOut",
    "StatusReportIn",
    "StatusReportInOutcomeType0",
    "StatusReportInStatus",
    "StockLevelOut",
    "StockLineIn",
    "StockValueFormat",
    "StockValueRow",
    "StockValueRowKind",
    "StrikeOut",
    "TechnicianIn",
    "TechnicianOut",
    "TechnicianOutStatus",
    "TechnicianPatch",
    "TechnicianScorecardsFormat",
    "TemplateIn",
    "TemplateOut",
    "TemplateOutKind",
    "TemplateOutLocale",
    "TicketClockCounts",
    "TicketCounts",
    "TicketCountsKindType0",
    "TicketIn",
    "TicketInChannel",
    "TicketInKind",
    "TicketOut",
    "TicketOutChannel",
    "TicketOutClosureReasonType0",
    "TicketOutKind",
    "TicketOutStatus",
    "TicketStatusCounts",
    "Timeline",
    "TimelineEntry",
    "TimelineEntryData",
    "TravelBandIn",
    "WarehouseIn",
    "WarehouseOut",
    "WarrantyRemedyIn",
    "WarrantyRemedyInRemedy",
    "WarrantyRemedyOut",
    "WebhookIn",
    "WebhookOut",
    "WebhookWithSecret",
    "WindowIn",
    "WindowOut",
    "WorkRecordsFormat",
    "WorkReport",
    "WorkReportPointsItem",
    "WorkReportStaffItem",
    "WorkReportTechniciansItem",
    "WorkshopItem",
    "WorkshopItemStatus",
    "WorkshopLogEntry",
    "WorkshopLogEntryDirection",
    "WorkshopQueueStatus",
    "WorkshopRegister",
)
