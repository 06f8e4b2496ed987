"""`help()` explains every public class, method and property in our own words.

Public: the names in a package's `__all__` and the resources a client hands out
(`client.tasks`, ...). Only members a class defines itself are checked (what it inherits
from the standard library documents itself). The sync client is generated from the
async one, so its help must not speak of async code.
"""

from __future__ import annotations

import importlib
import inspect
import pydoc
import re
from collections.abc import Iterator

import pytest
from wrapper_helpers import resource_classes

from browser_use_cloud import BrowserUse, TaskHandle
from browser_use_cloud._async._resource import AsyncAPIResource
from browser_use_cloud._sync._resource import APIResource

PACKAGES = ("browser_use_cloud", "browser_use_cloud.emulator")
RESOURCES = ("_tasks", "_files", "_search", "_browser_profiles", "_scheduled_tasks")


def _public() -> Iterator[tuple[str, object]]:
    for side in ("_async", "_sync"):
        for name in RESOURCES:
            importlib.import_module(f"browser_use_cloud.{side}.{name}")
    for package in PACKAGES:
        module = importlib.import_module(package)
        for name in module.__all__:
            if not name.startswith("__"):
                yield f"{package}.{name}", getattr(module, name)
    for resource in resource_classes(AsyncAPIResource, APIResource):
        yield f"{resource.__module__}.{resource.__name__}", resource


def _documented() -> Iterator[tuple[str, object]]:
    """Every public object, and every public method and property its class defines."""
    for name, value in _public():
        yield name, value
        if not inspect.isclass(value):
            continue
        members = {}  # its own and those of its parts (mixins) in this package
        for part in reversed(value.__mro__):
            if part.__module__.startswith(PACKAGES):
                members.update(vars(part))
        for member, attribute in members.items():
            if member.startswith("_"):
                continue
            if isinstance(attribute, property):
                yield f"{name}.{member}", attribute.fget
            elif isinstance(attribute, staticmethod | classmethod):
                yield f"{name}.{member}", attribute.__func__
            elif inspect.isfunction(attribute):
                yield f"{name}.{member}", attribute


DOCUMENTED = list(_documented())


@pytest.mark.parametrize(("name", "value"), DOCUMENTED, ids=[name for name, _ in DOCUMENTED])
def test_public_objects_have_a_docstring(name: str, value: object) -> None:
    if not (inspect.isclass(value) or inspect.isroutine(value)):
        return  # a constant (e.g. `__version__`): nothing for help() to show
    doc = value.__doc__
    assert doc and doc.strip(), f"{name} has no docstring"


@pytest.mark.parametrize("cls", [BrowserUse, TaskHandle, type(BrowserUse(api_key="k").tasks)])
def test_sync_help_does_not_speak_of_async_code(cls: type) -> None:
    text = pydoc.render_doc(cls, renderer=pydoc.plaintext)
    found = re.findall(r"(?i).{0,40}\b(?:async|await|asyncio|coroutine)\b.{0,40}", text)
    assert found == []
