from enum import StrEnum


class StockValueRowKind(StrEnum):
    POINT = "point"
    WAREHOUSE = "warehouse"

    def __str__(self) -> str:
        return str(self.value)
