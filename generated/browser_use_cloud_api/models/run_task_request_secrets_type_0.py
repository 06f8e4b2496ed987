from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..types import FlatModel, flat_result, flat_results, read_model

_new = object.__new__
_setattr = object.__setattr__


@attrs.frozen(kw_only=True, slots=False)
class RunTaskRequestSecretsType0(FlatModel):
    """RunTaskRequestSecretsType0"""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> RunTaskRequestSecretsType0:
        """A RunTaskRequestSecretsType0 from its JSON object (as sent by the API or `to_dict()`)."""
        return read_model(cls, parse_run_task_request_secrets_type_0, d)


_FIELDS = frozenset(())


def parse_run_task_request_secrets_type_0(d: Any) -> RunTaskRequestSecretsType0:
    """A RunTaskRequestSecretsType0 from its decoded JSON object (a response body), kept as `raw` (no copy)."""
    return flat_result(RunTaskRequestSecretsType0, _FIELDS, d)


def parse_run_task_request_secrets_type_0_list(
    items: Any,
) -> tuple[RunTaskRequestSecretsType0, ...]:
    """`parse_run_task_request_secrets_type_0` over a decoded JSON list."""
    return flat_results(RunTaskRequestSecretsType0, _FIELDS, items)
