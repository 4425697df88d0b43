from billing.domain.months import day_end, month_end, next_month, settlement_month
from billing.domain.settlement import ClassActivity, Deduction, Rates, compute

RATES = Rates(
    class_percent={"A": 30, "B": 80, "C": 80},
    grade_factor_percent={"A": 110, "B": 100, "C": 90, "D": 80},
)


def test_a_statement_pays_work_by_class_rate_then_the_grade_factor_less_deductions():
    st = compute(
        {
            "A": ClassActivity(jobs=2, work_value=10_001),
            "C": ClassActivity(jobs=3, work_value=30_000),
        },
        grade="A",
        deductions=[Deduction("sla_breach", 2, 10_000), Deduction("late_compensation", 1, 5_000)],
        rates=RATES,
    )
    assert st.owed_by_class == {"A": 3_000, "B": 0, "C": 24_000}  # 3000.3 → 3000
    assert st.gross == 27_000
    assert st.grade_factor_percent == 110 and st.graded == 29_700
    assert st.deducted == 15_000 and st.net == 14_700
    assert st.jobs == 5


def test_an_ungraded_point_gets_factor_100_and_a_d_point_80():
    activity = {"B": ClassActivity(jobs=1, work_value=12_345)}
    assert compute(activity, grade=None, deductions=[], rates=RATES).graded == 9_876
    d = compute(activity, grade="D", deductions=[], rates=RATES)
    assert d.graded == 7_901  # 9876 x 0.8 = 7900.8


def test_deductions_can_take_a_statement_below_zero():
    st = compute({}, grade="C", deductions=[Deduction("complaint", 1, 20_000)], rates=RATES)
    assert st.net == -20_000


def test_a_fact_of_a_closed_month_counts_in_the_next_open_one():
    assert settlement_month("2026-10", set()) == "2026-10"
    assert settlement_month("2026-10", {"2026-10"}) == "2026-11"
    assert settlement_month("2026-12", {"2026-12", "2027-01"}) == "2027-02"
    assert next_month("2026-12") == "2027-01"


def test_months_and_days_end_at_local_midnight():
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Asia/Shanghai")
    assert month_end("2026-11", tz).astimezone(UTC) == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    at = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)  # already the 28th in Shanghai
    assert day_end(at, tz).astimezone(UTC) == datetime(2026, 11, 28, 15, 59, tzinfo=UTC)
