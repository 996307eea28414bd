"""Ids made from text: whatever the source, the schema accepts them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import fuzzing  # noqa: F401  (the Hypothesis profile of every property test)
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxmap.cli import main
from cxmap.interop import mermaid
from cxmap.model import Journey
from cxmap.model.types import SLUG_MAX, SLUG_PATTERN, slugify
from cxmap.validation import validate
from cxmap.yamlsource import parse
from cxmap.yamlwrite import dump

SLUG = re.compile(SLUG_PATTERN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Find out what's needed", "find-out-what-s-needed"),
        ("Café & Co.", "cafe-co"),
        ("Straße", "strasse"),
        ("  --Leading and trailing--  ", "leading-and-trailing"),
        ("\uff26\uff35\uff2c\uff2c width", "full-width"),  # full-width letters
        ("日本語", "fallback"),
        ("", "fallback"),
        ("x" * 70, "x" * SLUG_MAX),
        ("a " * 40, ("a-" * 32)[:-1]),
        ("b" * 63 + " c", "b" * 63),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text, "fallback") == expected


@given(st.text())
def test_a_slug_of_any_text_is_an_id(text: str) -> None:
    slug = slugify(text, "fallback")
    assert SLUG.match(slug), slug
    assert len(slug) <= SLUG_MAX
    assert slugify(slug) == slug  # a slug is its own slug


def _journey_passes_the_schema(data: dict[str, Any]) -> None:
    source = parse(dump({"journey": data}).encode("utf-8"))  # as import-mermaid writes it
    assert source.problems == []
    body = source.data["journey"]  # type: ignore[index]
    result = validate(Journey, body)
    assert result.errors == [], result.errors


@given(
    st.lists(
        # Surrogates cannot come from a UTF-8 file.
        st.text(
            alphabet=st.characters(exclude_categories=("Cs",), exclude_characters=":\n\r#"),
            min_size=1,
        ),
        min_size=1,
        max_size=4,
    ),
    st.text(
        alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\n\r"), max_size=120
    ),
)
def test_a_mermaid_journey_of_any_names_imports_with_valid_ids(
    tasks: list[str], section: str
) -> None:
    lines = ["journey", "  title A journey"]
    if section.strip() and not section.strip().startswith(("%%", "title", "section")):
        lines.append(f"  section {section}")
    lines += [f"    {name}: 3: Someone" for name in tasks if name.strip()]
    try:
        parsed = mermaid.parse("\n".join(lines) + "\n")
    except mermaid.MermaidError:
        return  # not a journey Mermaid would draw either; import says so, located
    data = mermaid.to_journey(parsed, "fallback")[0]["journey"]
    ids = [tp["id"] for tp in data["touchpoints"]] + [data["id"], *data.get("stages", [])]
    assert all(SLUG.match(item) for item in ids), ids
    assert len({tp["id"] for tp in data["touchpoints"]}) == len(data["touchpoints"])
    _journey_passes_the_schema(data)


def test_a_long_mermaid_task_name_gives_an_id_the_schema_accepts() -> None:
    name = "Call the contact centre to ask where the replacement part has got to " * 2
    text = f"journey\n  title T\n  section S\n    {name}: 2: Me\n    {name}: 3: Me\n"
    data = mermaid.to_journey(mermaid.parse(text), "t")[0]["journey"]
    first, second = (tp["id"] for tp in data["touchpoints"])
    assert len(first) == SLUG_MAX and first.startswith("call-the-contact-centre")
    assert len(second) <= SLUG_MAX and second.endswith("-2") and second != first
    _journey_passes_the_schema(data)


def test_a_long_file_name_gives_a_journey_id_the_schema_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / ("Reporting a Pothole on a Residential Street " * 3 + ".mmd")
    source.write_text("journey\n  section Report\n    Tell us: 3: Me\n", encoding="utf-8")
    assert main(["import-mermaid", str(source)]) == 0
    written = capsys.readouterr().out
    journey_id = re.search(r"^  id: (\S+)$", written, re.MULTILINE)
    assert journey_id is not None, written
    assert SLUG.match(journey_id.group(1)) and journey_id.group(1).startswith("reporting-a-pothole")
