from ..types import OpenStrEnum


class ProxyCountryCode(OpenStrEnum):
    """Countries the residential proxy can exit from."""

    US = "us"
    UK = "uk"
    FR = "fr"
    IT = "it"
    JP = "jp"
    AU = "au"
    DE = "de"
    FI = "fi"
    CA = "ca"
    IN = "in"
