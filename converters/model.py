"""The article model: immutable dataclasses with a versioned JSON form.

Every exporter reads this and nothing else. The JSON form is the contract of
``pressroom parse --json`` (``schema: 2``); keys may be added, never renamed.

Schema 2 (from schema 1): ``dateline`` is the dateline as printed (``本报讯``,
``本报济宁8月24日讯``) or null, where it was true/false; articles gained
``other_bylines`` (interns, photographers, editors, planners, tipsters,
unlabelled names: each a role of CREDIT_ROLES and a name, never counted as
reporters), ``captions`` and ``truncated``;
documents gained the page's own facts: ``paper``, ``page_number``,
``page_name`` and ``published``. ``Collection.from_json`` reads schema 1 too
(true becomes ``本报讯``; the new keys take their empty values).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import Any, Literal, TypeVar

T = TypeVar("T")

SCHEMA_VERSION = 2
READABLE_SCHEMAS = (1, 2)

BlockKind = Literal["paragraph", "subhead"]


def _pickled_by_fields(cls: type[T]) -> type[T]:
    """Pickle a slotted dataclass as a call of the class with its fields' values: else it
    is restored through the dataclasses module's generic state functions, which look its
    fields up again for every object, and a month's parsed pages (kept between builds,
    sent back by the parsing workers) take twice as long to store and load."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    def __reduce__(self: T) -> tuple[type[T], tuple[Any, ...]]:  # noqa: N807
        return cls, tuple(getattr(self, name) for name in names)

    cls.__reduce__ = __reduce__  # type: ignore[assignment, method-assign]
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where a block came from, so ``explain`` can say why lines were joined.

    ``first_line``/``last_line`` are 1-based line numbers in the decoded file;
    ``joins`` names each join that built the block (``hard-wrap``,
    ``page-break``, ``scraped-line``), ``cuts`` each piece that was cut off
    (``byline``, ``dateline``).
    """

    first_line: int
    last_line: int
    joins: tuple[str, ...] = ()
    cuts: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"first_line": self.first_line, "last_line": self.last_line,
                "joins": list(self.joins), "cuts": list(self.cuts)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SourceSpan:
        return cls(data["first_line"], data["last_line"],
                   tuple(data.get("joins", ())), tuple(data.get("cuts", ())))


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    source: SourceSpan | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.source is not None:
            out["source"] = self.source.to_json()
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Block:
        source = data.get("source")
        return cls(data["kind"], data["text"],
                   SourceSpan.from_json(source) if source else None)


#: roles of the names that are not reporters or correspondents, as printed in Chinese
CREDIT_ROLES = {"intern": "实习生", "photographer": "摄影", "editor": "编辑", "planner": "策划", "author": "作者",
                "tipster": "线索提供"}


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Credit:
    """A name in a byline that is not a reporter's or a correspondent's."""

    role: str  # a key of CREDIT_ROLES
    name: str

    def to_json(self) -> dict[str, str]:
        return {"role": self.role, "name": self.name}

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Credit:
        return cls(data["role"], data["name"])

    def __str__(self) -> str:
        return f"{CREDIT_ROLES.get(self.role, self.role)} {self.name}"


@dataclass(frozen=True)
class Article:
    title: str | None
    body: tuple[Block, ...]
    kicker: str | None = None
    subtitle: str | None = None
    section: str | None = None
    subdistrict: str | None = None
    district: str | None = None
    #: the dateline as printed (本报讯, 本报济宁8月24日讯, 云上黄石报道), or None
    dateline: str | None = None
    date: str | None = None
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    credit: str | None = None
    #: every byline exactly as printed (role words, affiliations and all)
    bylines: tuple[str, ...] = ()
    #: interns, photographers, editors and unlabelled names, each with its role
    other_bylines: tuple[Credit, ...] = ()
    #: photo captions and credits printed with the article (not body text)
    captions: tuple[str, ...] = ()
    #: the page's text stops inside this article
    truncated: bool = False

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        return tuple(b for b in self.body if b.kind == "paragraph")

    @property
    def subheads(self) -> tuple[Block, ...]:
        return tuple(b for b in self.body if b.kind == "subhead")

    @property
    def display_title(self) -> str:
        """A heading for outputs even when the page lost its headline."""
        if self.title:
            return self.title
        # the first paragraph, not all of them: asked once per character by some checks
        first = next((b.text for b in self.body if b.kind == "paragraph"), "")
        return (first[:18] + "…") if len(first) > 18 else first or "（无标题）"

    @cached_property
    def fingerprint(self) -> str:
        """A digest of the article's content — every field, each block's kind and
        text, not where in the page file it was (a line added above moves that,
        not the article) — equal for equal articles: what an ETag is to a web
        page. Made once (the article is immutable) and kept with the parsed page."""
        import hashlib
        import pickle

        shown = tuple((block.kind, block.text) for block in self.body)
        values = (type(self).__qualname__, shown,
                  *(getattr(self, f.name) for f in fields(self) if f.name != "body"))
        return hashlib.sha256(pickle.dumps(values, protocol=5)).hexdigest()[:32]

    def text_content(self) -> str:
        """All the article's words in reading order, for completeness checks."""
        parts = [self.kicker, self.title, self.subtitle, self.dateline,
                 *(b.text for b in self.body)]
        return "\n".join(p for p in parts if p)

    def to_json(self, lazy: bool = False) -> dict[str, Any]:
        """The article's JSON form (``lazy``: its body as a generator, for jsonstream)."""
        blocks = (b.to_json() for b in self.body)
        return {
            "kicker": self.kicker, "title": self.title, "subtitle": self.subtitle,
            "section": self.section, "subdistrict": self.subdistrict,
            "district": self.district, "dateline": self.dateline, "date": self.date,
            "reporters": list(self.reporters), "correspondents": list(self.correspondents),
            "credit": self.credit, "bylines": list(self.bylines),
            "other_bylines": [c.to_json() for c in self.other_bylines],
            "captions": list(self.captions), "truncated": self.truncated,
            "body": blocks if lazy else list(blocks),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        dateline = data.get("dateline")
        if isinstance(dateline, bool):  # schema 1
            dateline = "本报讯" if dateline else None
        return cls(
            title=data.get("title"), kicker=data.get("kicker"), subtitle=data.get("subtitle"),
            section=data.get("section"), subdistrict=data.get("subdistrict"),
            district=data.get("district"), dateline=dateline,
            date=data.get("date"), reporters=tuple(data.get("reporters", ())),
            correspondents=tuple(data.get("correspondents", ())),
            credit=data.get("credit"), bylines=tuple(data.get("bylines", ())),
            other_bylines=tuple(Credit.from_json(c) for c in data.get("other_bylines", ())),
            captions=tuple(data.get("captions", ())), truncated=bool(data.get("truncated")),
            body=tuple(Block.from_json(b) for b in data.get("body", ())),
        )


@dataclass(frozen=True)
class Document:
    """One source page file."""

    source: str
    articles: tuple[Article, ...]
    district: str | None = None
    page_title: str | None = None
    #: section label lines (办事处/街道) in file order, each once
    sections: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    encoding: str = "utf-8"
    #: hex SHA-256 of the raw bytes, so builds can tell what changed
    digest: str = ""
    #: what the page's chrome says of itself: the paper, the page (第A37版:县区新闻
    #: → "A37", "县区新闻") and the publication date (ISO), when it says so
    paper: str | None = None
    page_number: str | None = None
    page_name: str | None = None
    published: str | None = None
    #: how each stretch of the source was read: (first line, last line, role, why),
    #: in page order — what the editor's review page shows; not the page's content
    #: (not in the JSON form, not compared)
    reading: tuple[tuple[int, int, str, str], ...] = field(default=(), compare=False)

    @cached_property
    def characters(self) -> str:
        """Every character its articles show, once each, in order: font subsets are made
        of an edition's characters, and kept with the parsed page (not in its JSON form),
        a month's are gathered from 150 pages, not from 600 articles' text again."""
        return "".join(sorted(set("".join(
            text for article in self.articles
            for text in (article.text_content(), *article.bylines)))))

    def to_json(self, lazy: bool = False) -> dict[str, Any]:
        """The page's JSON form (``lazy``: its articles as a generator, for jsonstream)."""
        articles = (a.to_json(lazy) for a in self.articles)
        return {
            "source": self.source, "district": self.district,
            "page_title": self.page_title, "sections": list(self.sections),
            "dropped": list(self.dropped), "warnings": list(self.warnings),
            "encoding": self.encoding, "digest": self.digest,
            "paper": self.paper, "page_number": self.page_number,
            "page_name": self.page_name, "published": self.published,
            "articles": articles if lazy else list(articles),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        return cls(
            source=data["source"], district=data.get("district"),
            page_title=data.get("page_title"), sections=tuple(data.get("sections", ())),
            dropped=tuple(data.get("dropped", ())), warnings=tuple(data.get("warnings", ())),
            encoding=data.get("encoding", "utf-8"), digest=data.get("digest", ""),
            paper=data.get("paper"), page_number=data.get("page_number"),
            page_name=data.get("page_name"), published=data.get("published"),
            articles=tuple(Article.from_json(a) for a in data.get("articles", ())),
        )


@dataclass(frozen=True)
class Problem:
    """A file that could not be parsed at all (missing, binary, undecodable, empty)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Collection:
    documents: tuple[Document, ...]
    problems: tuple[Problem, ...] = field(default=())

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(a for d in self.documents for a in d.articles)

    def to_json(self, lazy: bool = False) -> dict[str, Any]:
        """The collection's JSON form (``lazy``: its pages as a generator, for jsonstream)."""
        documents = (d.to_json(lazy) for d in self.documents)
        return {
            "schema": SCHEMA_VERSION,
            "documents": documents if lazy else list(documents),
            "problems": [{"source": p.source, "reason": p.reason} for p in self.problems],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Collection:
        if data.get("schema") not in READABLE_SCHEMAS:
            raise ValueError(f"unsupported article model schema {data.get('schema')!r}; "
                             f"this Pressroom reads schemas {', '.join(map(str, READABLE_SCHEMAS))}")
        return cls(
            documents=tuple(Document.from_json(d) for d in data.get("documents", ())),
            problems=tuple(Problem(p["source"], p["reason"]) for p in data.get("problems", ())),
        )


__all__ = ["SCHEMA_VERSION", "READABLE_SCHEMAS", "CREDIT_ROLES", "Credit", "SourceSpan", "Block",
           "Article", "Document", "Problem",
           "Collection", "replace"]
