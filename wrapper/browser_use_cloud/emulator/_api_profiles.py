"""Browser profile operations, including the June-2025 per-user profile reset."""

from __future__ import annotations

from typing import Any

from ._handler import Call, Handler, page_of


def list_browser_profiles(call: Call) -> Any:
    with call.state.lock:
        newest_first = list(reversed(call.state.profiles.values()))
        items, counters = page_of(newest_first, call.params["page"], call.params["limit"])
        return {"profiles": [dict(p) for p in items], **counters}


def create_browser_profile(call: Call) -> Any:
    with call.state.lock:
        profile = {"profile_id": call.state.new_id(), **call.body}
        call.state.profiles[profile["profile_id"]] = profile
        return dict(profile)


def get_browser_profile(call: Call) -> Any:
    return dict(call.state.get_profile(call.params["profile_id"]))


def update_browser_profile(call: Call) -> Any:
    with call.state.lock:
        profile = call.state.get_profile(call.params["profile_id"])
        profile.update({k: v for k, v in call.body.items() if v is not None})
        return dict(profile)


def delete_browser_profile(call: Call) -> Any:
    with call.state.lock:
        call.state.get_profile(call.params["profile_id"])
        del call.state.profiles[call.params["profile_id"]]
    return {}


def delete_browser_profile_for_user(call: Call) -> Any:
    """Forget the browser data (cookies) saved by earlier runs."""
    with call.state.lock:
        call.state.saved_cookies.clear()
    return {}


HANDLERS: dict[str, Handler] = {
    "list_browser_profiles": list_browser_profiles,
    "create_browser_profile": create_browser_profile,
    "get_browser_profile": get_browser_profile,
    "update_browser_profile": update_browser_profile,
    "delete_browser_profile": delete_browser_profile,
    "delete_browser_profile_for_user": delete_browser_profile_for_user,
}
