from dispatch.domain.jobs import unrouted_reason


def test_unrouted_reason_names_region_and_category():
    reason = unrouted_reason("310115", "air_conditioner")
    assert "310115" in reason and "air_conditioner" in reason
