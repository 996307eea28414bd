"""Journeys made of journeys: the tree, and the checks on ``parent`` (CX005, CX206)."""

from __future__ import annotations

from helpers import QUIET, MakeProject, check

from cxmap.hierarchy import hierarchy


def test_the_tree_answers_parents_children_and_depth() -> None:
    tree = hierarchy([("life", None), ("buy", "life"), ("repair", "life"), ("defect", "repair")])
    assert tree.children_of == {"life": ["buy", "repair"], "repair": ["defect"]}
    assert tree.ancestors("defect") == ["repair", "life"]
    assert tree.descendants("life") == ["buy", "repair", "defect"]
    assert tree.is_root("life") and not tree.is_root("buy") and tree.has_links


def test_an_unknown_parent_or_a_loop_leaves_the_journey_a_root() -> None:
    tree = hierarchy(
        [("a", "b"), ("b", "c"), ("c", "a"), ("self", "self"), ("x", "nowhere"), ("tail", "a")]
    )
    assert tree.cycles == (("a", "b", "c"), ("self",))
    assert tree.unknown == {"x": "nowhere"}
    assert all(tree.is_root(j) for j in ("a", "b", "c", "self", "x"))
    assert tree.ancestors("tail") == ["a"]  # leads into the loop, keeps its parent
    assert tree.children_of == {"a": ["tail"]}


def test_a_loop_is_named_from_its_first_journey_whatever_the_order() -> None:
    assert hierarchy([("c", "a"), ("a", "b"), ("b", "c")]).cycles == (("c", "a", "b"),)


def test_with_a_repeated_id_the_first_journey_counts() -> None:
    tree = hierarchy([("a", None), ("b", "a"), ("a", "b")])
    assert tree.cycles == () and tree.ancestors("b") == ["a"]


def _journey(key: str, parent: str | None = None) -> str:
    line = f"  parent: {parent}\n" if parent else ""
    return (
        f"journey:\n  id: {key}\n  title: {key.title()}\n{line}  owner: support-desk\n"
        "  stages: [support]\n  touchpoints: []\n"
    )


def test_a_loop_is_reported_at_each_parent_and_an_unknown_one_with_a_suggestion(
    make_project: MakeProject,
) -> None:
    root = make_project(
        {
            "a.yaml": _journey("alpha", "beta"),
            "b.yaml": _journey("beta", "alpha"),
            "c.yaml": _journey("gamma", "alpah"),
            "d.yaml": _journey("delta", "delta"),
        },
        config=QUIET,
    )
    found = sorted(
        (f.file, f.line, f.column, f.code, f.message)
        for f in check(root).findings
        if f.code in ("CX005", "CX206")
    )
    assert found == [
        (
            "journeys/a.yaml",
            4,
            11,
            "CX206",
            "journey 'alpha' is part of itself: 'alpha' → 'beta' → 'alpha'; "
            "remove parent from the journey at the top",
        ),
        (
            "journeys/b.yaml",
            4,
            11,
            "CX206",
            "journey 'beta' is part of itself: 'beta' → 'alpha' → 'beta'; "
            "remove parent from the journey at the top",
        ),
        (
            "journeys/c.yaml",
            4,
            11,
            "CX005",
            "unknown parent journey 'alpah' (did you mean 'alpha'?)",
        ),
        (
            "journeys/d.yaml",
            4,
            11,
            "CX206",
            "journey 'delta' names itself as its parent; remove parent from the journey at the top",
        ),
    ]


def test_no_unknown_parent_while_a_journey_file_cannot_be_read(make_project: MakeProject) -> None:
    root = make_project(
        {"a.yaml": _journey("alpha", "beta"), "b.yaml": "journey: [unclosed\n"}, config=QUIET
    )
    codes = {f.code for f in check(root).findings}
    assert "CX001" in codes and "CX005" not in codes


def test_a_journey_made_only_of_others_is_not_an_empty_one(make_project: MakeProject) -> None:
    root = make_project(
        {"life.yaml": _journey("life"), "part.yaml": _journey("part", "life")},
        config="rules:\n  CX106: off\n",
    )
    codes = {f.code for f in check(root).findings if f.file == "journeys/life.yaml"}
    assert codes.isdisjoint({"CX201", "CX204", "CX303"}), codes
