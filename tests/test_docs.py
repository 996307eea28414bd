"""The format reference documents every key the model accepts."""

from __future__ import annotations

from conftest import REPO
from pydantic import BaseModel

from cxmap import model
from cxmap.config import Config, LimitsConfig


def test_format_reference_names_every_key() -> None:
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
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
