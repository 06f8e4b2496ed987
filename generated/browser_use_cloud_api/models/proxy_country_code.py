from enum import StrEnum


class ProxyCountryCode(StrEnum):
    AU = "au"
    CA = "ca"
    DE = "de"
    FI = "fi"
    FR = "fr"
    IN = "in"
    IT = "it"
    JP = "jp"
    UK = "uk"
    US = "us"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ProxyCountryCode | None":
        # A value the spec does not list yet (the service added it): keep it instead of failing.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper().replace("-", "_").replace(".", "_")
        member._value_ = value
        return member
