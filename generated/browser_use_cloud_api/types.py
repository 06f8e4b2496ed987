"""Types shared by the generated operations and models, and what every model is built on.

Models are frozen attrs classes read straight from decoded JSON: `None` for an absent field,
enums open to values the spec does not list yet (`OpenStrEnum`), and the JSON object kept in
`raw` (not shown in repr or used in equality), so fields newer than the spec stay reachable.
`to_dict()` gives the API's JSON object back and `from_dict()` reads it: see `JsonModel`.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Mapping, MutableMapping
from enum import Enum, StrEnum
from http import HTTPStatus
from typing import IO, Any, BinaryIO, ClassVar, Generic, Literal, TypeVar

import attrs
from attrs import define


class Unset:
    """The type of UNSET: a field or argument that was not given at all (unlike None)."""

    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

FileContent = IO[bytes] | bytes | str
FileTypes = (
    tuple[str | None, FileContent, str | None]
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """A file to send as multipart/form-data."""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        return self.file_name, self.payload, self.mime_type


def status_of(code: int) -> HTTPStatus | int:
    """The HTTPStatus for a registered code; the bare int for others (Cloudflare 520, nginx 499)."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


T = TypeVar("T")


@define
class Response(Generic[T]):
    """An HTTP response with its parsed body (None when the status was not declared)."""

    status_code: HTTPStatus | int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


class OpenStrEnum(StrEnum):
    """A StrEnum that accepts values it does not know (a newer server's), instead of failing."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper().replace("-", "_").replace(".", "_")
        member._value_ = value
        return member


_UTC = _dt.UTC
_fromiso = _dt.datetime.fromisoformat
# Models are frozen but not slotted: their parsers fill `__dict__` in one step, several
# times cheaper than calling `__init__` (a task can carry 100+ steps).
_new = object.__new__
_setattr = object.__setattr__
R = TypeVar("R")

RAW: Any = attrs.field(repr=False, eq=False, default=None)
"""The `raw` field of a model: the JSON object it was read from."""
NOT_JSON = {"json": False}
"""attrs field metadata for an attribute added on top of the API's object (not written)."""


def parse_datetime(value: Any) -> _dt.datetime:
    """ISO 8601 text to an aware datetime (naive values are taken as UTC)."""
    try:
        parsed = _fromiso(value)
    except ValueError:
        from dateutil.parser import isoparse  # rare formats only; keeps imports light

        parsed = isoparse(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)


class JsonModel:
    """`to_dict()` and `to_json()` for an attrs model that keeps its JSON object in `raw`.

    `to_dict()` rebuilds the object from the attributes, so a changed copy (`attrs.evolve`)
    says what it holds now: enums as their value, datetimes as the text received when it
    still means the same instant (else ISO 8601), fields newer than the model as received,
    in the API's key order. A model built by hand (no `raw`) gives every field, `null` for
    None; a request body built by hand leaves out its optional fields that are None.
    """

    _REQUIRED: ClassVar[frozenset[str] | None] = None
    """The fields written when None by a model built by hand (None: every field)."""
    read_error: ClassVar[type[ValueError]] = ValueError
    """What `from_dict` raises for an object it cannot read (a library may set its own)."""

    def to_dict(self) -> dict[str, Any]:
        """The API's JSON object for this model, as plain dicts, lists, strings and numbers.

        Fields newer than this model are included as received; `from_dict()` reads it back.
        """
        names = _json_fields(type(self))
        raw = getattr(self, "raw", None)
        received: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
        out: dict[str, Any] = {}
        for key, raw_value in received.items():
            if key in names:
                out[key] = to_json_value(getattr(self, key), raw_value)
            else:
                out[key] = copy_json(raw_value)
        required = self._REQUIRED
        for name in names:
            if name in received:
                continue
            value = getattr(self, name)
            # Absent from the API's object: stays absent.
            if value is not None or not received and (required is None or name in required):
                out[name] = to_json_value(value, None)
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        """`to_dict()` as JSON text (`indent` as for `json.dumps`)."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


class FlatModel(JsonModel):
    """A model whose fields are all taken as decoded: its attribute dict can be the JSON
    object itself, which is then its `raw`."""

    @property
    def raw(self) -> Mapping[str, Any]:
        """The JSON object as received (including fields newer than this model)."""
        fields: dict[str, Any] = self.__dict__
        raw: Mapping[str, Any] = fields.get("_raw", fields)
        return raw


_JSON_FIELDS: dict[type, tuple[str, ...]] = {}


def _json_fields(cls: type) -> tuple[str, ...]:
    names = _JSON_FIELDS.get(cls)
    if names is None:
        names = tuple(
            field.name
            for field in attrs.fields(cls)
            if field.name != "raw" and field.metadata.get("json", True)
        )
        _JSON_FIELDS[cls] = names
    return names


def to_json_value(value: Any, received: Any) -> Any:
    """`value` in the API's JSON form; `received` is what the API sent for it, if anything."""
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, _dt.datetime):
        if isinstance(received, str) and _same_instant(received, value):
            return received
        return value.isoformat()
    if isinstance(value, JsonModel):
        return value.to_dict()
    if isinstance(value, Mapping):
        sent = received if isinstance(received, Mapping) else {}
        return {str(key): to_json_value(item, sent.get(key)) for key, item in value.items()}
    if isinstance(value, tuple | list):
        sent_items = received if isinstance(received, list) and len(received) == len(value) else ()
        if sent_items:
            return [to_json_value(item, sent) for item, sent in zip(value, sent_items, strict=True)]
        return [to_json_value(item, None) for item in value]
    return value


def _same_instant(text: str, value: _dt.datetime) -> bool:
    try:
        return parse_datetime(text) == value
    except (ValueError, OverflowError):
        return False


def copy_json(value: Any) -> Any:
    """A copy of decoded JSON (dicts and lists copied, leaves shared): a model read from a
    caller's dict must not change when the caller changes that dict."""
    if isinstance(value, Mapping):
        return {key: copy_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [copy_json(item) for item in value]
    return value


def read_model(cls: type, parse: Callable[[Any], R], d: object) -> R:
    """`parse` applied to a copy of `d` (what `from_dict` does), raising `cls.read_error`
    with a message naming `cls` when `d` is not such an object."""
    name = f"{cls.__name__}.from_dict"
    error: type[ValueError] = getattr(cls, "read_error", ValueError)
    if not isinstance(d, Mapping):
        raise error(f"{name} takes a JSON object (a dict), not {type(d).__name__}")
    try:
        return parse(copy_json(d))
    except KeyError as exc:
        raise error(f"{name}: the object lacks {exc}, which a {cls.__name__} has") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise error(f"{name}: the object is not a {cls.__name__} ({exc})") from None


def flat_result(cls: type[R], names: frozenset[str], d: dict[str, Any]) -> R:
    """An instance of `cls` whose attribute dict is `d` itself when `d` holds exactly the
    field names (the common case: no copy); otherwise the fields, absent ones None, with
    `d` kept as `raw`."""
    result = _new(cls)
    _setattr(result, "__dict__", d if d.keys() == names else _fields(names, d))
    return result


def flat_results(cls: type[R], names: frozenset[str], items: list[dict[str, Any]]) -> tuple[R, ...]:
    """`flat_result` over a list (one call for a task's steps instead of two per step)."""
    out = []
    for d in items:
        result = _new(cls)
        _setattr(result, "__dict__", d if d.keys() == names else _fields(names, d))
        out.append(result)
    return tuple(out)


def _fields(names: frozenset[str], d: dict[str, Any]) -> dict[str, Any]:
    fields = {name: d.get(name) for name in names}
    fields["_raw"] = d
    return fields


__all__ = [
    "NOT_JSON",
    "RAW",
    "UNSET",
    "File",
    "FileTypes",
    "FlatModel",
    "JsonModel",
    "OpenStrEnum",
    "RequestFiles",
    "Response",
    "Unset",
    "copy_json",
    "parse_datetime",
    "read_model",
    "status_of",
    "to_json_value",
]
