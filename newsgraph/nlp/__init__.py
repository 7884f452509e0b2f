"""The spaCy pipeline: loaded once per process and per setting."""

from newsgraph.nlp.pipeline import clean_for_parse, load_pipeline, parse, parse_many

__all__ = ["clean_for_parse", "load_pipeline", "parse", "parse_many"]
