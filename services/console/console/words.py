"""Words the pages show from the services' values (statuses, reports, reasons): marked here so
the catalogues have them (a template translates them as ``_(value)``)."""

from __future__ import annotations


def N_(message: str) -> str:
    return message


STATUSES = (
    N_("unrouted"),
    N_("offered"),
    N_("accepted"),
    N_("scheduled"),
    N_("en_route"),
    N_("on_site"),
    N_("awaiting_parts"),
    N_("in_workshop"),
    N_("repaired"),
    N_("inspected"),
    N_("completed"),
    N_("cancelled"),
    N_("resolved_on_site"),
    N_("taken_to_workshop"),
    N_("returned"),
)
RESCHEDULE_REASONS = (
    N_("customer_request"),
    N_("technician_unavailable"),
    N_("parts_delayed"),
    N_("weather"),
    N_("other"),
)
TICKET_STATUSES = (
    N_("open"),
    N_("dispatched"),
    N_("in_progress"),
    N_("closed"),
    N_("resolved_remotely"),
    N_("reopened"),
)
KINDS = (
    N_("repair"),
    N_("install"),
    N_("relocation"),
    N_("maintenance"),
    N_("consultation"),
    N_("training"),
    N_("complaint"),
)
PAUSE_REASONS = (N_("awaiting_customer"), N_("awaiting_parts"))
OUTCOMES = (
    N_("satisfied"),
    N_("unsatisfied"),
    N_("not_fixed_first_visit"),
    N_("not_fixed_repeat"),
    N_("bad_attitude"),
)
COMPLAINT_CATEGORIES = (N_("conduct"), N_("quality"), N_("delay"))
CLOCKS = (N_("answer"), N_("arrival"), N_("completion"), N_("accept"), N_("respond"))
DEDUCTIONS = (
    N_("penalty"),
    N_("sla_breach"),
    N_("late_compensation"),
    N_("late_waived"),
    N_("outcome"),
    N_("unreturned_part"),
    N_("cash_held"),
    N_("unreconciled"),
    N_("unreconciled_reversed"),
    N_("review_adjustment"),
)
REQUISITION_STATUSES = (
    N_("requested"),
    N_("approved"),
    N_("shipped"),
    N_("received"),
    N_("rejected"),
)
# What a field's problem means, by the kind the services' validation names (a 422's
# ``errors[].type``): shown in the person's language beside the field's name; a kind not
# here shows the service's own words.
FIELD_PROBLEMS = {
    "missing": N_("is required"),
    "string_too_short": N_("is too short or empty"),
    "string_too_long": N_("is too long"),
    "string_pattern_mismatch": N_("is not in the expected format"),
    "string_type": N_("must be text"),
    "int_parsing": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "int_type": N_("must be a whole number"),
    "float_parsing": N_("must be a number"),
    "decimal_parsing": N_("must be a number"),
    "greater_than": N_("is too small"),
    "greater_than_equal": N_("is too small"),
    "less_than": N_("is too large"),
    "less_than_equal": N_("is too large"),
    "too_short": N_("needs at least one entry"),
    "too_long": N_("has too many entries"),
    "literal_error": N_("is not one of the allowed values"),
    "enum": N_("is not one of the allowed values"),
    "uuid_parsing": N_("is not a valid identifier"),
    "uuid_type": N_("is not a valid identifier"),
    "datetime_parsing": N_("is not a valid date and time"),
    "datetime_from_date_parsing": N_("is not a valid date and time"),
    "timezone_aware": N_("needs a time zone"),
    "date_parsing": N_("is not a valid date"),
    "date_from_datetime_parsing": N_("is not a valid date"),
    "bool_parsing": N_("must be yes or no"),
    "extra_forbidden": N_("is not expected here"),
    "value_error": N_("is not valid"),
}
