"""Typed errors with stable codes. The library raises; the CLI translates once."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose. ``code`` is stable and searchable."""

    code = "NG000"

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.source = source
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = f"{self.source}"
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        return f"{where}{self.message} [{self.code}]"


class ConfigError(NewsgraphError):
    """A setting has a value newsgraph cannot use."""

    code = "NG001"


class ModelNotFound(ConfigError):
    """The spaCy pipeline named by NEWSGRAPH_SPACY_MODEL is not installed."""

    code = "NG002"


class InputError(NewsgraphError):
    """An input could not be read as an article."""

    code = "NG100"


class UnreadableInput(InputError):
    """The file cannot be opened or read."""

    code = "NG101"


class EmptyInput(InputError):
    """The input holds no text."""

    code = "NG102"


class BinaryInput(InputError):
    """The input is binary data, not text."""

    code = "NG103"


class EncodingError(InputError):
    """The input is not valid UTF-8."""

    code = "NG104"


class NonEnglishInput(InputError):
    """The input is not in English."""

    code = "NG105"


class OversizedInput(InputError):
    """The input is larger than the size limit (NEWSGRAPH_MAX_BYTES)."""

    code = "NG106"


class MalformedRecord(InputError):
    """A JSONL line is not a JSON object with a text field."""

    code = "NG107"


class KnowledgeBaseError(NewsgraphError):
    """A knowledge-base or dictionary entry cannot be read."""

    code = "NG200"


class OntologyError(NewsgraphError):
    """The ontology or lexicon data is inconsistent."""

    code = "NG300"


class EvalDataError(NewsgraphError):
    """A labelled evaluation file cannot be read."""

    code = "NG400"


class OutputError(NewsgraphError):
    """A result cannot be written where it was asked to go."""

    code = "NG500"


class StoreError(NewsgraphError):
    """The corpus store cannot be opened, read or written (not a newsgraph database, corrupt, a bad query)."""

    code = "NG600"


class QueryError(NewsgraphError):
    """A question about the system of actors cannot be answered as asked (an actor no source names, a bad date)."""

    code = "NG700"

class NotFound(StoreError):
    """The store holds nothing under the id asked for (an event id, for example)."""

    code = "NG601"


class RequestError(NewsgraphError):
    """An HTTP request to ``newsgraph serve`` cannot be served as sent (a bad parameter)."""

    code = "NG800"


class RequestForbidden(RequestError):
    """The request asks for something the server was not started to allow (storing without --allow-ingest)."""

    code = "NG801"


class RequestTooLarge(RequestError):
    """The request body or query string is larger than the server accepts."""

    code = "NG802"
