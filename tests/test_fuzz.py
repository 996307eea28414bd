"""Property-based tests: mutated journey files never crash cxmap; valid models round-trip."""

from __future__ import annotations

import ast
from pathlib import Path

from fuzzing import PROFILE, assert_never_crashes
from helpers import EXAMPLES, REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from cxmap.model import Journey
from cxmap.validation import validate
from cxmap.yamlsource import parse
from cxmap.yamlwrite import dump

SOURCES = [
    (EXAMPLES / "journeys-good" / "full.yaml").read_text(encoding="utf-8"),
    (REPO / "journeys" / "repair-and-warranty.yaml").read_text(encoding="utf-8"),
]
STRAY = [*":-[]{}\"'&*!|>%@`#,?\t", "é", "\u2028", "\ufeff", "\r", "  ", "- ", ": "]
ODD_SCALARS = [
    "1e309",
    "~",
    "0x1F",
    "2026-02-30",
    "yes",
    ".nan",
    "-.inf",
    "0o777",
    '""',
    "[]",
    "{}",
    "null",
    "!!binary aGk=",
    "*nowhere",
    "&a x",
    "9" * 400,
    "!!python/object:os.system x",
    "<<: *x",
    "? complex",
    "|",
    ">-",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(SOURCES)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "stray", "indent", "odd"]))
        if operation == "delete":
            del lines[i]
        elif operation == "duplicate":
            lines.insert(i, lines[i])
        elif operation == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif operation == "stray":
            column = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:column] + draw(st.sampled_from(STRAY)) + lines[i][column:]
        elif operation == "indent":
            shift = draw(st.sampled_from([-2, -1, 1, 2, 3]))
            lines[i] = " " * shift + lines[i] if shift > 0 else lines[i][-shift:]
        elif ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(ODD_SCALARS))}\n"
    return "".join(lines)


@given(mutated())
def test_mutated_files_always_get_findings_never_a_crash(journey: str) -> None:
    assert_never_crashes(journey)


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30
).filter(lambda text: text.strip() != "")
IDS = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
DURATIONS = st.builds(lambda n, u: f"{n}{u}", st.integers(1, 999), st.sampled_from("smhdw"))
COMMITMENTS = st.one_of(TEXT, st.fixed_dictionaries({"text": TEXT}, optional={"within": DURATIONS}))


@st.composite
def journeys(draw: st.DrawFn) -> dict[str, object]:
    stage = draw(IDS)
    ids = draw(st.lists(IDS, min_size=1, max_size=5, unique=True))
    touchpoints = []
    for identifier in ids:
        touchpoint: dict[str, object] = {"id": identifier, "name": draw(TEXT), "stage": stage}
        touchpoint.update(
            draw(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "owner": IDS,
                        "channels": st.lists(IDS, max_size=3),
                        "expectation": COMMITMENTS,
                        "standard": COMMITMENTS,
                        "emotion": st.integers(-2, 2),
                        "delight": TEXT,
                        "pain_points": st.lists(TEXT, max_size=3),
                        "moment_of_truth": st.booleans(),
                        "kpis": st.lists(
                            st.fixed_dictionaries(
                                {"name": TEXT},
                                optional={
                                    "target": st.floats(-1e6, 1e6, allow_nan=False),
                                    "actual": st.integers(-1000, 1000),
                                },
                            ),
                            max_size=2,
                        ),
                    },
                )
            )
        )
        touchpoints.append(touchpoint)
    return {
        "id": draw(IDS),
        "title": draw(TEXT),
        "goal": draw(TEXT),
        "stages": [stage],
        "reviewed": draw(st.dates()).isoformat(),
        "tags": draw(st.lists(TEXT, max_size=3)),
        "touchpoints": touchpoints,
    }


@given(journeys())
def test_valid_models_round_trip_through_yaml(data: dict[str, object]) -> None:
    model = validate(Journey, parse(dump(data).encode("utf-8")).data).model
    assert model is not None
    written = dump({"journey": model.model_dump(mode="json", exclude_defaults=True)})
    source = parse(written.encode("utf-8"))
    assert source.problems == []
    again = validate(Journey, source.data["journey"]).model  # type: ignore[index]
    assert again is not None
    assert again.model_dump() == model.model_dump()


def test_property_tests_get_the_profile_of_tests_fuzzing() -> None:
    """``make test`` is deterministic: derandomized, no example database, unless fuzzing."""
    active = settings()
    assert settings.get_current_profile_name() == PROFILE
    assert active.database is None
    assert active.derandomize is (PROFILE == "ci")
    assert active.deadline is None


def profile_overrides(path: Path) -> list[str]:
    """What in this test file escapes the profiles of ``fuzzing``: none, or why."""
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    offenders = []
    names = {
        node.id if isinstance(node, ast.Name) else node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Name | ast.Attribute)
    }
    imports_fuzzing = any(
        (isinstance(node, ast.ImportFrom) and node.module == "fuzzing")
        or (isinstance(node, ast.Import) and any(alias.name == "fuzzing" for alias in node.names))
        for node in ast.walk(tree)
    )
    if "given" in names and "hypothesis" in text and not imports_fuzzing:
        offenders.append(f"{path.name}: uses @given without importing fuzzing")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        called = function.id if isinstance(function, ast.Name) else ""
        if isinstance(function, ast.Attribute):
            called = function.attr
        overrides = {keyword.arg for keyword in node.keywords} & {"derandomize", "database"}
        if called in ("register_profile", "load_profile") or (called == "settings" and overrides):
            offenders.append(f"{path.name}:{node.lineno}: {called}(...) overrides the profile")
    return offenders


def test_no_test_brings_randomness_back() -> None:
    """Every ``@given`` test imports ``fuzzing``; no ``settings(...)`` overrides its choices."""
    tests = Path(__file__).parent
    offenders = [
        offender
        for path in sorted(tests.rglob("*.py"))
        if path.name not in ("fuzzing.py", "fuzz_campaign.py")  # they define the profiles
        for offender in profile_overrides(path)
    ]
    assert offenders == []
