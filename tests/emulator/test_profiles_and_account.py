"""Browser profiles, search helpers and account endpoints."""

from __future__ import annotations

import httpx
import pytest

from browser_use_cloud.emulator import Emulator

from .conftest import Api


def test_profile_crud_with_spec_defaults(api: Api) -> None:
    created = api.json("create_browser_profile", json={"profile_name": "work"})
    profile_id = created.pop("profile_id")
    assert created == {
        "profile_name": "work",
        "description": "",
        "persist": True,
        "ad_blocker": True,
        "proxy": True,
        "proxy_country_code": "us",
        "browser_viewport_width": 1280,
        "browser_viewport_height": 960,
    }
    path = {"profile_id": profile_id}
    updated = api.json(
        "update_browser_profile", path, json={"proxy": False, "proxy_country_code": "de"}
    )
    assert (updated["proxy"], updated["proxy_country_code"], updated["profile_name"]) == (
        False,
        "de",
        "work",
    )
    assert api.json("get_browser_profile", path) == updated
    task_id = api.run("Use my profile", browser_profile_id=profile_id)
    assert api.status(task_id) in ("created", "running", "finished")
    assert api.json("delete_browser_profile", path) == {}
    for op in ("get_browser_profile", "delete_browser_profile"):
        assert api.json(op, path, expect=404) == {"detail": "Browser profile not found"}
    assert api.json("update_browser_profile", path, json={}, expect=404)["detail"]
    refused = api.json("run_task", json={"task": "x", "browser_profile_id": profile_id}, expect=404)
    assert refused == {"detail": "Browser profile not found"}


def test_delete_browser_profile_for_user(emulator: Emulator, api: Api) -> None:
    api.finish(api.run("Log in to github.com", save_browser_data=True))
    assert emulator.state.saved_cookies
    response = api.http.post("/delete-browser-profile-for-user")
    assert (response.status_code, response.json()) == (200, {})
    assert emulator.state.saved_cookies == []
    assert httpx.post(emulator.base_url + "/delete-browser-profile-for-user").status_code == 401


def test_search_helpers_are_deterministic(api: Api) -> None:
    results = api.json("simple_search", json={"query": "python asyncio", "max_websites": 3})[
        "results"
    ]
    assert len(results) == 3 and all("python asyncio" in r["content"] for r in results)
    assert (
        api.json("simple_search", json={"query": "python asyncio", "max_websites": 3})["results"]
        == results
    )
    page = api.json(
        "search_url", json={"query": "pricing", "url": "https://example.com", "depth": 4}
    )
    assert page["url"] == "https://example.com" and "depth 4" in page["content"]


def test_service_endpoints(api: Api) -> None:
    assert api.json("ping") == {}
    version = api.json("get_browser_use_version")
    assert isinstance(version, str) and version.count(".") == 2
    assert int(api.json("check_balance")["balance"]) > 0
    assert api.json("me") is True


def test_auth_rules(emulator: Emulator) -> None:
    anonymous = Api(emulator.base_url, api_key=None)
    assert anonymous.json("list_tasks", expect=401) == {"detail": "Not authenticated"}
    assert anonymous.call("me", expect=401).json() is False
    assert anonymous.json("ping") == {}
    assert isinstance(anonymous.json("get_browser_use_version"), str)
    basic = httpx.get(emulator.base_url + "/tasks", headers={"Authorization": "Basic abc"})
    assert basic.status_code == 401 and basic.headers["www-authenticate"] == "Bearer"


@pytest.mark.emulator_config(api_key="right-key")
def test_configured_api_key_is_the_only_one_accepted(emulator: Emulator) -> None:
    wrong = Api(emulator.base_url, api_key="wrong-key")
    assert wrong.json("check_balance", expect=401) == {"detail": "Invalid API key"}
    assert wrong.call("me", expect=401).json() is False
    assert Api(emulator.base_url, api_key="right-key").json("me") is True
    assert "right-key" not in repr(emulator) and "right-key" not in repr(emulator.config)


def test_unknown_paths_and_methods_answer_json(emulator: Emulator) -> None:
    missing = httpx.get(emulator.base_url + "/no-such-thing")
    assert (missing.status_code, missing.json()) == (404, {"detail": "Not Found"})
    wrong = httpx.delete(emulator.base_url + "/ping")
    assert (wrong.status_code, wrong.json()) == (405, {"detail": "Method Not Allowed"})
