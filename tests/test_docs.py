"""The format reference documents every key the model accepts."""

from __future__ import annotations

from helpers import REPO
from pydantic import BaseModel

from cxmap import model
from cxmap.config import Config, LimitsConfig


def test_format_reference_names_every_key() -> None:
    text = (REPO / "docs" / "reference" / "format.md").read_text(encoding="utf-8")
    classes = [
        cls for cls in vars(model).values() if isinstance(cls, type) and issubclass(cls, BaseModel)
    ]
    missing = sorted(
        {
            f"{cls.__name__}.{name}"
            for cls in [*classes, Config, LimitsConfig]
            for name in cls.model_fields
            if f"`{name}`" not in text and f"{name}:" not in text
        }
    )
    assert missing == []


def test_check_catalogue_page_is_current() -> None:
    from cxmap.catalogue import catalogue_markdown

    page = (REPO / "docs" / "reference" / "checks.md").read_text(encoding="utf-8")
    assert page == catalogue_markdown(), (
        "run: cxmap rules --format markdown > docs/reference/checks.md"
    )


def test_pre_commit_hook_definition() -> None:
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = {item["id"]: item for item in hooks}["cxmap-check"]
    assert hook["entry"] == "cxmap check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert "cxmap-check" in (REPO / "docs" / "reference" / "ci.md").read_text(encoding="utf-8")
