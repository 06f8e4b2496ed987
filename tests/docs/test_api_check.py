"""`scripts/api_check.py` on a throwaway git repository holding a copy of the package.

The change under test is made on a branch: renaming a public parameter fails the check until
a bullet of the CHANGELOG's Unreleased section names it; additions a regen brings (an
optional option, a result field, an optional keyword parameter) pass. The parameter and the
classes are picked from the current public API, not hard-coded.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import griffe
import pytest

from tests.markdown_snippets import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import public_api

pytestmark = pytest.mark.pipeline  # a copy of the tree in a git repository: `nox -s pipeline`

GIT = ["git", "-c", "user.name=api-check", "-c", "user.email=api-check@example.invalid"]
CHANGELOG_HEAD = "# Changelog\n\n## Unreleased\n\n- Something users will like.\n\n"


def _git(repo: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True)


def _check(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "scripts/api_check.py", *args], cwd=repo, capture_output=True, text=True
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose main branch holds a copy of the package; HEAD is a new branch."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in (*public_api.SEARCH_PATHS, "scripts"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=ignore)
    (tmp_path / "CHANGELOG.md").write_text(CHANGELOG_HEAD + "## 0.0.9\n\n- Old news.\n")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "the released state")
    _git(tmp_path, "checkout", "-q", "-b", "change")
    return tmp_path


def _public_method() -> tuple[griffe.Class, griffe.Function, str]:
    """A public class, one of its public methods and that method's first named parameter."""
    package = public_api.load(ROOT)
    for _, obj in sorted(public_api.public_objects(package).items()):
        target = obj.final_target if obj.is_alias else obj
        if not isinstance(target, griffe.Class):
            continue
        for member in target.members.values():
            if not isinstance(member, griffe.Function) or member.name.startswith("_"):
                continue
            named = [p.name for p in member.parameters if p.name not in ("self", "cls")]
            if named and member.parameters[named[0]].kind.value != "variadic keyword":
                return target, member, named[0]
    raise AssertionError("no public method with a parameter")


def _edit_class(repo: Path, cls: griffe.Class, change: Callable[[ast.ClassDef], None]) -> None:
    """Apply `change` to the class's definition in the copy (by AST, then unparsed)."""
    assert cls.filepath is not None
    path = repo / Path(str(cls.filepath)).relative_to(ROOT)
    tree = ast.parse(path.read_text())
    (node,) = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == cls.name]
    change(node)
    path.write_text(ast.unparse(tree))


def _method(node: ast.ClassDef, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef:
    defs = [n for n in node.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    return [n for n in defs if n.name == name][-1]  # the implementation, after any overloads


def _rename_parameter(repo: Path) -> tuple[str, str, str]:
    cls, method, parameter = _public_method()

    def rename(node: ast.ClassDef) -> None:
        arguments = _method(node, method.name).args
        for arg in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs):
            if arg.arg == parameter:
                arg.arg = f"{parameter}_renamed"

    _edit_class(repo, cls, rename)
    _git(repo, "commit", "-q", "-am", f"rename {parameter}")
    return cls.name, method.name, parameter


def _add_unreleased_bullet(repo: Path, bullet: str, section: str = "## Unreleased") -> None:
    changelog = repo / "CHANGELOG.md"
    text = changelog.read_text()
    changelog.write_text(text.replace(f"{section}\n\n", f"{section}\n\n{bullet}\n", 1))


def test_an_unchanged_api_passes(repo: Path) -> None:
    result = _check(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "against the merge base with main" in result.stdout
    assert "0 break(s)" in result.stdout


def test_a_renamed_public_parameter_fails_until_the_changelog_names_it(repo: Path) -> None:
    owner, method, parameter = _rename_parameter(repo)

    failed = _check(repo)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "BREAK, not in CHANGELOG: " in failed.stdout
    assert f"{owner}.{method}({parameter}): Parameter was removed" in failed.stdout
    assert f"mentions `{method}` and `{parameter}`" in failed.stdout

    _add_unreleased_bullet(repo, f"- `{method}({parameter}=)` is now `{parameter}_renamed=`.")
    passed = _check(repo)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "named in CHANGELOG: " in passed.stdout
    assert "0 not named" in passed.stdout


def test_a_bullet_of_a_released_section_does_not_name_a_new_break(repo: Path) -> None:
    _, method, parameter = _rename_parameter(repo)
    _add_unreleased_bullet(repo, f"- `{method}({parameter}=)` renamed.", section="## 0.0.9")
    assert _check(repo).returncode == 1


def test_additions_from_a_regen_are_not_breaks(repo: Path) -> None:
    package = public_api.load(ROOT)
    option_type = package["TaskOptions"].final_target
    result_type = package["Task"].final_target
    cls, method, _ = _public_method()

    def add_field(name: str, annotation: str) -> Callable[[ast.ClassDef], None]:
        field = ast.parse(f"{name}: {annotation}").body[0]
        return lambda node: node.body.append(field)

    def add_keyword(node: ast.ClassDef) -> None:
        arguments = _method(node, method.name).args
        arguments.kwonlyargs.append(ast.arg("flash_mode", ast.parse("bool | None").body[0].value))
        arguments.kw_defaults.append(ast.Constant(None))

    _edit_class(repo, option_type, add_field("flash_mode", "bool"))
    _edit_class(repo, result_type, add_field("cost", "float | None = None"))
    _edit_class(repo, cls, add_keyword)
    _git(repo, "commit", "-q", "-am", "a regen added an option and a field")

    result = _check(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 break(s)" in result.stdout


def test_a_name_dropped_from_all_is_a_break(repo: Path) -> None:
    init = repo / "wrapper" / "browser_use_cloud" / "__init__.py"
    dropped = sorted(public_api.load(ROOT).exports or ())[0]
    init.write_text(init.read_text().replace(f'    "{dropped}",\n', "", 1))
    _git(repo, "commit", "-q", "-am", f"drop {dropped}")

    result = _check(repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{dropped}: no longer in __all__" in result.stdout


def test_the_last_release_tag_is_the_baseline_when_there_is_one(repo: Path) -> None:
    _git(repo, "tag", "v0.0.9", "main")
    _rename_parameter(repo)
    result = _check(repo)
    assert "against the last release tag v0.0.9" in result.stdout
    assert result.returncode == 1


def test_a_public_module_added_since_the_baseline_is_not_a_break(repo: Path) -> None:
    newest = public_api.PUBLIC_MODULES[-1].split(".")
    _git(repo, "checkout", "-q", "-b", "before-the-module", "main")
    _git(repo, "rm", "-q", "-r", str(Path("wrapper", *newest)))
    _git(repo, "commit", "-q", "-m", "the module does not exist yet")
    _git(repo, "checkout", "-q", "change")

    result = _check(repo, "--against", "before-the-module")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 break(s)" in result.stdout
    _git(repo, "checkout", "-q", "before-the-module")
    removed = _check(repo, "--against", "change")
    assert removed.returncode == 1, removed.stdout + removed.stderr
    assert f"{'.'.join(newest)}: the module is gone" in removed.stdout
