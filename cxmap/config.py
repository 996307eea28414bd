"""The project configuration, ``cxmap.yaml`` (SPEC §1); every key is optional."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import Field

from cxmap.errors import ConfigError
from cxmap.model.duration import Duration
from cxmap.model.types import ListOf, Located, Model, Slug, Text
from cxmap.suggest import did_you_mean
from cxmap.validation import validate
from cxmap.yamlsource import Limits, YMap, parse

CONFIG_FILE = "cxmap.yaml"
MAX_NAME_BYTES = 255
"""The longest file or folder name that common file systems accept."""

Level = Literal["error", "warning", "info", "off"]


class LimitsConfig(Model):
    """What one journey file may cost before it is refused."""

    max_file_size: int = Field(
        default=Limits.max_file_size, ge=1024, description="Largest file, in bytes."
    )
    max_depth: int = Field(
        default=Limits.max_depth,
        ge=8,
        le=1000,
        description="Deepest nesting of mappings and lists.",
    )
    max_aliases: int = Field(
        default=Limits.max_aliases, ge=0, description="Most YAML aliases (*name) in one file."
    )
    max_nodes: int = Field(
        default=Limits.max_nodes,
        ge=1000,
        description="Most nodes that aliases may expand a file to.",
    )

    def to_limits(self) -> Limits:
        return Limits(self.max_file_size, self.max_depth, self.max_aliases, self.max_nodes)


class DiagramsConfig(Model):
    """How diagrams link to the handbook."""

    link: Text = Field(
        default="#tp-{touchpoint}",
        description="Where a touch point node links to; {journey} and {touchpoint} are "
        "replaced by ids.",
    )


MEASUREMENTS_FILE = "measurements.csv"

MAX_EFFORT = 12


class MeasurementsConfig(Located):
    """Where the KPI measurements are, and how old the latest may be."""

    file: Text = Field(
        default=MEASUREMENTS_FILE,
        description="CSV file of KPI measurements, relative to the project; read when it "
        "exists (set it to say that it must).",
    )
    max_age: Duration = Field(
        default=Duration("3mo"),
        description="How old a KPI's latest measurement may be before it is stale "
        "(stale-measurement).",
    )

    @property
    def required(self) -> bool:
        """Whether ``file`` was set, so that a missing file is a mistake."""
        return "file" in self.model_fields_set


class Config(Located):
    """Project settings; located, so that its ids can be checked like any reference."""

    journeys_dir: Text = Field(
        default="journeys", description="Folder of the journey files, relative to the project."
    )
    review_every: Duration = Field(
        default=Duration("365d"), description="How often journeys must be reviewed (stale-review)."
    )
    max_effort: int = Field(
        default=MAX_EFFORT,
        ge=0,
        description="The most effort a journey may ask of its customers (high-effort): "
        "channel switches, hand-offs between teams and steps that ask for information again.",
    )
    required_departments: ListOf[Slug] | None = Field(
        default=None,
        description="Departments every journey should involve (department-gap); by default "
        "one of each journey role the organisation's departments declare.",
    )
    rules: dict[str, Level] = Field(
        default_factory=dict,
        description="Severity per check code or name: error, warning, info or off.",
    )
    limits: LimitsConfig = Field(
        default_factory=LimitsConfig, description="Limits on hostile or runaway files."
    )
    diagrams: DiagramsConfig = Field(
        default_factory=DiagramsConfig, description="Settings of the Graphviz diagrams."
    )
    measurements: MeasurementsConfig = Field(
        default_factory=MeasurementsConfig, description="The KPI measurements file."
    )


def load_config(root: Path, known_codes: dict[str, str]) -> Config:
    """Read ``cxmap.yaml`` in ``root``, or the defaults when there is none.

    ``known_codes`` maps every check code and name to its code, to validate ``rules``.
    Any problem raises :class:`ConfigError` listing every located message.
    """
    path = root / CONFIG_FILE
    if not path.exists() and not path.is_symlink():
        return Config()
    if not path.is_file():
        raise ConfigError(f"{path}: not a readable file (a folder, or a broken link)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror}") from None
    source = parse(raw)
    problems = [(p.mark, p.message) for p in source.problems]
    data = source.data
    if source.fatal:
        raise _config_error(path, problems)
    if data is None:
        return Config()
    if not isinstance(data, YMap):
        raise _config_error(path, [((1, 1), "cxmap.yaml must be a mapping of settings")])
    result = validate(Config, data)
    problems += [(error.mark, error.message) for error in result.errors]
    problems += _check_rules(data, known_codes)
    problems += _check_journeys_dir(data)
    problems += _check_link(data)
    problems += _check_measurements_file(data)
    if problems or result.model is None:
        raise _config_error(path, problems)
    config = result.model
    config.rules = {known_codes[key]: level for key, level in config.rules.items()}
    return config


def _check_rules(data: YMap, known_codes: dict[str, str]) -> list[tuple[tuple[int, int], str]]:
    rules = data.get("rules")
    if not isinstance(rules, YMap):
        return []
    return [
        (rules.key_at(key), f"rules: unknown check {key!r}{did_you_mean(key, known_codes)}")
        for key in rules
        if key not in known_codes
    ]


def _check_journeys_dir(data: YMap) -> list[tuple[tuple[int, int], str]]:
    value = data.get("journeys_dir")
    if not isinstance(value, str):
        return []
    problem = _outside_project(value, "journeys_dir", "a folder")
    return [(data.value_at("journeys_dir"), problem)] if problem else []


def _check_measurements_file(data: YMap) -> list[tuple[tuple[int, int], str]]:
    measurements = data.get("measurements")
    value = measurements.get("file") if isinstance(measurements, YMap) else None
    if not isinstance(value, str) or not isinstance(measurements, YMap):
        return []
    problem = _outside_project(value, "measurements: file", "a file")
    return [(measurements.value_at("file"), problem)] if problem else []


def _outside_project(value: str, setting: str, what: str) -> str | None:
    """Why the path ``value`` of ``setting`` cannot name ``what`` inside the project."""
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts:
        return f"{setting} must be {what} inside the project"
    if any(len(part.encode("utf-8")) > MAX_NAME_BYTES for part in path.parts):
        return (
            f"{setting} names {what} longer than {MAX_NAME_BYTES} bytes, "
            "more than file systems allow"
        )
    return None


def check_link_pattern(pattern: str) -> str | None:
    """Why ``pattern`` is not a usable link pattern, or ``None``."""
    try:
        pattern.format(journey="j", touchpoint="t")
    except (KeyError, IndexError, ValueError) as exc:
        return (
            f"link pattern {pattern!r} is invalid ({type(exc).__name__}: {exc}); "
            "use {journey} and {touchpoint}"
        )
    return None


def _check_link(data: YMap) -> list[tuple[tuple[int, int], str]]:
    diagrams = data.get("diagrams")
    link = diagrams.get("link") if isinstance(diagrams, YMap) else None
    if not isinstance(link, str) or not isinstance(diagrams, YMap):
        return []
    problem = check_link_pattern(link)
    return [(diagrams.value_at("link"), f"diagrams: {problem}")] if problem else []


def _config_error(path: Path, problems: list[tuple[tuple[int, int], str]]) -> ConfigError:
    lines = [f"{path}:{line}:{column}: {message}" for (line, column), message in sorted(problems)]
    return ConfigError("invalid configuration\n" + "\n".join(lines))
