"""Deliveries promised by distance (the document's clause 5: agree an arrival date by distance,
never arrive later, compensate each day of delay).

The operator keeps **delivery bands**: how many calendar days goods take from the shipping
warehouse's region to the address's region. Regions are the administrative codes (GB/T 2260)
the addresses carry: two digits name a province, four a city, six a district; a code that ends
in ``00`` or ``0000`` is the city or province itself (``310000`` is ``31``). Two kinds:

- a **pair**, ``{from_region, to_region, days}``: from a warehouse in (or under) one region to
  an address in (or under) another;
- a **prefix band**, ``{shared_prefix, days}``: the warehouse and the address share their first
  2 (same province), 4 (same city) or 6 (same district) digits.

The promise uses the most specific pair that matches (the longest codes, the address's first),
else the prefix band of the longest shared prefix, else the configured default. It counts from
the day the order shipped, or the day it had to ship by when it shipped later (a late shipment
never pushes the promise back), in the network's local time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from aftersales.errors import Unprocessable

# The provincial-level divisions of GB/T 2260: a code under any other two digits is unknown.
PROVINCES: frozenset[str] = frozenset(
    str(n)
    for n in (
        *range(11, 16),  # 北京 天津 河北 山西 内蒙古
        *range(21, 24),  # 辽宁 吉林 黑龙江
        *range(31, 38),  # 上海 江苏 浙江 安徽 福建 江西 山东
        *range(41, 47),  # 河南 湖北 湖南 广东 广西 海南
        *range(50, 55),  # 重庆 四川 贵州 云南 西藏
        *range(61, 66),  # 陕西 甘肃 青海 宁夏 新疆
        71,  # 台湾
        81,  # 香港
        82,  # 澳门
    )
)
SHARED_PREFIXES = (2, 4, 6)
MAX_DAYS = 60


@dataclass(frozen=True)
class Pair:
    from_region: str
    to_region: str
    days: int


@dataclass(frozen=True)
class PrefixBand:
    shared_prefix: int
    days: int


@dataclass(frozen=True)
class Bands:
    pairs: tuple[Pair, ...] = ()
    prefix_bands: tuple[PrefixBand, ...] = ()


@dataclass(frozen=True)
class Promise:
    days: int
    basis: str


def region_prefix(code: str) -> str:
    """A region code as the prefix it stands for: ``310000`` → ``31``, ``310100`` → ``3101``."""
    while len(code) > 2 and code.endswith("00"):
        code = code[:-2]
    return code


def check_region(code: str, *, field: str) -> str:
    """A band's region: 2, 4 or 6 digits under a known province; its prefix form."""
    if not code.isascii() or not code.isdigit() or len(code) not in SHARED_PREFIXES:
        raise Unprocessable(
            f"{field} '{code}' is not a region code (2, 4 or 6 digits).", region=code
        )
    if code[:2] not in PROVINCES:
        raise Unprocessable(
            f"{field} '{code}' is not a known region: no province has the code {code[:2]}.",
            region=code,
        )
    return region_prefix(code)


def _check_days(days: int, where: str) -> None:
    if not 1 <= days <= MAX_DAYS:
        raise Unprocessable(
            f"{where}: days must be a whole number from 1 to {MAX_DAYS}.", days=days
        )


def check_bands(pairs: Iterable[Pair], prefix_bands: Iterable[PrefixBand]) -> Bands:
    """The bands as stored (regions in their prefix form), or a 422 naming the first wrong one:
    an invalid or unknown region, days not positive, or the same band twice."""
    seen_pairs: set[tuple[str, str]] = set()
    checked: list[Pair] = []
    for p in pairs:
        from_region = check_region(p.from_region, field="from_region")
        to_region = check_region(p.to_region, field="to_region")
        _check_days(p.days, f"the band {p.from_region} → {p.to_region}")
        if (from_region, to_region) in seen_pairs:
            raise Unprocessable(
                f"The band {from_region} → {to_region} is given twice.",
                from_region=from_region,
                to_region=to_region,
            )
        seen_pairs.add((from_region, to_region))
        checked.append(Pair(from_region, to_region, p.days))
    seen_prefixes: set[int] = set()
    bands: list[PrefixBand] = []
    for b in prefix_bands:
        if b.shared_prefix not in SHARED_PREFIXES:
            raise Unprocessable(
                "shared_prefix is 2 (same province), 4 (same city) or 6 (same district).",
                shared_prefix=b.shared_prefix,
            )
        _check_days(b.days, f"the band of a shared prefix of {b.shared_prefix}")
        if b.shared_prefix in seen_prefixes:
            raise Unprocessable(
                f"The band of a shared prefix of {b.shared_prefix} is given twice.",
                shared_prefix=b.shared_prefix,
            )
        seen_prefixes.add(b.shared_prefix)
        bands.append(PrefixBand(b.shared_prefix, b.days))
    return Bands(
        pairs=tuple(sorted(checked, key=lambda x: (x.from_region, x.to_region))),
        prefix_bands=tuple(sorted(bands, key=lambda x: -x.shared_prefix)),
    )


def _shared(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def promise(bands: Bands, from_region: str | None, to_region: str, *, default_days: int) -> Promise:
    """How many days the delivery from ``from_region`` (the warehouse's; None when it has none)
    to ``to_region`` (the address's) is promised in, and which band said so. Codes are compared
    in their prefix form: a city's ``310100`` is ``3101``, not a district of its own."""
    if from_region:
        from_region, to_region = region_prefix(from_region), region_prefix(to_region)
        matching: Sequence[Pair] = [
            p
            for p in bands.pairs
            if from_region.startswith(p.from_region) and to_region.startswith(p.to_region)
        ]
        if matching:
            best = max(
                matching, key=lambda p: (len(p.from_region) + len(p.to_region), len(p.to_region))
            )
            return Promise(best.days, f"band {best.from_region} → {best.to_region}")
        shared = _shared(from_region, to_region)
        for band in bands.prefix_bands:  # the longest shared prefix first
            if shared >= band.shared_prefix:
                return Promise(band.days, f"shared region prefix of {band.shared_prefix}")
        return Promise(default_days, "default")
    return Promise(default_days, "default (the warehouse has no region)")


def promised_by(shipped_on: date, ship_by_on: date, days: int) -> date:
    """The arrival date promised: ``days`` after the day it shipped, or after the day it had
    to ship by when it shipped later."""
    return min(shipped_on, ship_by_on) + timedelta(days=days)


def days_late(delivered_on: date, promised: date | None) -> int:
    """Calendar days delivered past the promise (0 on or before it, or with no promise)."""
    if promised is None:
        return 0
    return max((delivered_on - promised).days, 0)
