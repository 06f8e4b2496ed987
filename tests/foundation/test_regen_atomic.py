"""`nox -s regen` changes openapi.json and generated/ only when every step succeeded.

Each failure runs the real session on a committed copy of the tree, fed a spec that would
otherwise change files, and checks that the copy is byte for byte as it was.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import spec_diff
import synthetic_change
from tree_copies import (
    commit,
    copy_tree,
    git_status,
    read_spec,
    run_nox,
    tracked_files,
    write_spec,
)

pytestmark = [pytest.mark.pipeline, pytest.mark.regen_loop]  # nox sessions on tree copies


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return copy_tree(tmp_path / "tree")


def regen_fails_cleanly(tree: Path, envdir: Path, step: str, *posargs: str) -> str:
    """Run the regen; it must fail at ``step`` and leave every file as it was."""
    before = tracked_files(tree)
    result = run_nox(tree, envdir, "regen", *posargs)
    assert result.returncode != 0, result.stdout
    assert f"regen: FAILED at {step}" in result.stdout, result.stdout
    assert "nothing was changed" in result.stdout
    assert git_status(tree) == ""
    assert tracked_files(tree) == before
    assert not (tree / ".regen").exists()
    return result.stdout


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_failed_fetch(tree: Path, nox_envdir: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/openapi.json"
    output = regen_fails_cleanly(tree, nox_envdir, "fetch the published spec", "--url", url)
    assert f"cannot fetch {url}" in output


def test_answer_that_is_not_json(tree: Path, nox_envdir: Path, tmp_path: Path) -> None:
    page = tmp_path / "published.json"
    page.write_text("<html>502 Bad Gateway</html>")
    output = regen_fails_cleanly(tree, nox_envdir, "read the published spec", "--path", str(page))
    assert "is not JSON" in output


def test_invalid_openapi_document(tree: Path, nox_envdir: Path, tmp_path: Path) -> None:
    spec = synthetic_change.new_operation(read_spec(tree))
    del spec["paths"][synthetic_change.NEW_PATH]["get"]["parameters"][0]["in"]
    published = write_spec(tmp_path / "published.json", spec)
    output = regen_fails_cleanly(
        tree, nox_envdir, "validate openapi.json", "--path", str(published)
    )
    assert "not a valid OpenAPI document" in output
    assert "'in' is a required property" in output


def test_generator_error(tree: Path, nox_envdir: Path, tmp_path: Path) -> None:
    xml_only = {"content": {"application/xml": {"schema": {"type": "object"}}}}
    spec = synthetic_change.new_operation(read_spec(tree), request_body=xml_only)
    published = write_spec(tmp_path / "published.json", spec)
    output = regen_fails_cleanly(
        tree, nox_envdir, "generate the low-level client", "--path", str(published)
    )
    assert "Unsupported content type application/xml" in output
    assert "openapi-python-client exited with status 1" in output


def test_failing_post_hook(tree: Path, nox_envdir: Path, tmp_path: Path) -> None:
    config = tree / "openapi-python-client.yaml"
    config.write_text(config.read_text() + '  - "false"\n')
    commit(tree, "a post-hook that fails")
    published = write_spec(
        tmp_path / "published.json", synthetic_change.new_operation(read_spec(tree))
    )
    output = regen_fails_cleanly(
        tree, nox_envdir, "generate the low-level client", "--path", str(published)
    )
    assert "false failed" in output


def test_breaking_change_needs_consent(tree: Path, nox_envdir: Path, tmp_path: Path) -> None:
    spec = read_spec(tree)
    gone = sorted(spec["paths"])[0]
    del spec["paths"][gone]
    published = write_spec(tmp_path / "published.json", spec)
    output = regen_fails_cleanly(
        tree, nox_envdir, "the new spec breaks clients", "--path", str(published)
    )
    assert "--allow-breaking" in output
    assert "operation-removed" in output and gone in output


def test_same_spec_changes_nothing(tree: Path, nox_envdir: Path, tmp_path: Path) -> None:
    written = tmp_path / "written.txt"
    result = run_nox(tree, nox_envdir, "regen", "--path", "openapi.json", "--written", str(written))
    assert result.returncode == 0, result.stdout
    assert "No structural changes." in result.stdout
    assert "regen: nothing changed" in result.stdout
    assert git_status(tree) == ""
    assert written.read_text(encoding="utf-8") == ""  # the workflow opens no pull request


def test_removed_operation_comes_back(tree: Path, nox_envdir: Path, tmp_path: Path) -> None:
    """Upstream "adds" an operation we lack: a valid spec, a generated client, nothing lost."""
    original = read_spec(tree)
    upstream_order = dict(reversed(original["paths"].items()))  # upstream is not sorted
    published = write_spec(tmp_path / "published.json", {**original, "paths": upstream_order})
    path = sorted(original["paths"])[0]
    reduced = read_spec(tree)
    del reduced["paths"][path]
    write_spec(tree / "openapi.json", reduced)
    commit(tree, f"without {path}")

    result = run_nox(tree, nox_envdir, "regen", "--path", str(published))
    assert result.returncode == 0, result.stdout
    restored = read_spec(tree)
    assert spec_diff.diff_specs(original, restored) == spec_diff.Report()
    for method, operation in restored["paths"][path].items():
        assert f"{method.upper()} {path} (summary)" in result.stdout  # listed, not copied
        assert "summary" not in operation and "description" not in operation
        for code, response in operation["responses"].items():
            assert response["description"], f"{method} {path} {code} has no description"
            assert f"{method.upper()} {path} response {code} (description" in result.stdout
        for key in ("summary", "description"):  # all the regen could not know
            if key in original["paths"][path][method]:
                operation[key] = original["paths"][path][method][key]
    assert restored == original

    checked = run_nox(tree, nox_envdir, "check_generated")
    assert checked.returncode == 0, checked.stdout
