"""YAML that remembers where each value was written, and keeps every scalar a string.

PyYAML's defaults bite officers: `issued: 2026-02-31` raises a bare
ValueError with no line, `code: 01234` becomes the octal number 668 and
`on: no` becomes False. Here every plain scalar stays a string (an empty one
is None) and the schema decides the type, so every problem is reported with
the line the officer typed it on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from plugins.issues import Issue


class _Refusals:
    """Anchors, aliases, merge keys and tags are refused while composing, before anything is built:
    officers never need them, and eight levels of aliases ("billion laughs") grow a few hundred bytes
    into gigabytes."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise YamlRefused(event.start_mark, "có bí danh (*) của YAML")
        if event.anchor is not None:
            raise YamlRefused(event.start_mark, "có neo (&) của YAML")
        if getattr(event, "tag", None) is not None:
            raise YamlRefused(event.start_mark, f'có thẻ YAML "{event.tag}"')
        if isinstance(parent, yaml.MappingNode) and isinstance(event, yaml.ScalarEvent) and index is None \
                and event.value == "<<" and not event.style:  # plain style: None, or "" from libyaml
            raise YamlRefused(event.start_mark, "có khóa gộp (<<) của YAML")
        return super().compose_node(parent, index)


class YamlRefused(yaml.MarkedYAMLError):
    """A YAML feature officers never need (anchor, alias, merge key, tag)."""

    def __init__(self, mark, what: str) -> None:
        super().__init__(problem=what, problem_mark=mark)


class _StringResolver(yaml.resolver.Resolver):
    """The only implicit type is null: no dates, numbers or booleans."""


_StringResolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}


class _StringLoader(_Refusals, yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
                    yaml.constructor.SafeConstructor, _StringResolver):
    """Pure Python: the reference, and the one whose errors are reported (with PyYAML's wording)."""

    def __init__(self, stream) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _StringResolver.__init__(self)


try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml
    CParser = None

if CParser is not None:
    class _FastStringLoader(_Refusals, yaml.composer.Composer, CParser, yaml.constructor.SafeConstructor,
                            _StringResolver):
        """The same composer over libyaml's scanner and parser (the costly part, a third of loading a large
        commune in pure Python); events keep their lines. Any error is reported by `_StringLoader` instead,
        so officers read one wording whichever parser found it."""

        def __init__(self, stream) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            _StringResolver.__init__(self)
else:
    _FastStringLoader = None

Path = tuple[Any, ...]


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    first_line: int = 1
    duplicates: list[tuple[Path, int]] = field(default_factory=list)

    def line(self, path: Path) -> int:
        """Line of the key at `path`, or of its nearest written parent."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, self.first_line)


class YamlSyntaxError(ValueError):
    def __init__(self, line: int, column: int, problem: str, code: str = "loi-cu-phap-yaml", hint: str = "") -> None:
        super().__init__(problem)
        self.line, self.column, self.problem = line, column, problem
        self.code = code
        self.hint = hint or "Sửa dòng này (và dòng ngay trên nó) cho đúng cú pháp YAML."

    def issue(self, file: str) -> Issue:
        return Issue(code=self.code, file=file, line=self.line, message=self.problem, hint=self.hint)


MAX_DEPTH = 20  # front matter nests three levels; deeper is a mistake or an attack on the parser's stack


def load(text: str, first_line: int = 1, max_bytes: int | None = None) -> YamlDocument:
    """Parse one YAML document; `first_line` is the file line where `text` starts. Text above
    `max_bytes` is refused before parsing, so the parser's work is bounded by the limit."""
    if max_bytes is not None and len(text.encode("utf-8")) > max_bytes:
        raise YamlSyntaxError(first_line, 0, f"phần khai báo dài hơn giới hạn {max_bytes:,} byte.".replace(",", "."),
                              code="tep-qua-lon", hint="Chuyển phần nội dung dài xuống dưới dòng --- thứ hai "
                              "(phần thuyết minh), hoặc chia thành nhiều hồ sơ.")
    if _FastStringLoader is not None and "\t" not in text:  # libyaml lets some tabs pass that PyYAML refuses
        try:
            node, data = _compose_and_construct(_FastStringLoader, text)
        except (yaml.YAMLError, RecursionError, ValueError):
            node, data = _strictly(text, first_line)
    else:
        node, data = _strictly(text, first_line)
    document = YamlDocument(data=data, first_line=first_line)
    if data is not None:  # an empty document has no line (the two parsers put its null on different ones)
        _record_lines(node, (), document, first_line)
    return document


def _compose_and_construct(loader_class, text: str):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _check_depth(node)
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _strictly(text: str, first_line: int):
    """Compose with the pure-Python loader, turning each of its errors into one an officer can act on."""
    try:
        return _compose_and_construct(_StringLoader, text)  # its reader refuses control characters already here
    except YamlRefused as exc:
        mark = exc.problem_mark
        raise YamlSyntaxError(first_line + mark.line, mark.column + 1,
                              f"{exc.problem}; cán bộ không cần dùng cú pháp này.", code="yaml-khong-ho-tro",
                              hint="Viết thẳng giá trị vào từng khóa, không dùng &, *, << hay dấu ! đầu giá trị "
                                   "(nếu giá trị bắt đầu bằng các ký tự đó, đặt nó trong ngoặc kép).") from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        raise YamlSyntaxError(line, (mark.column + 1) if mark else 0, _explain(exc), code="loi-cu-phap-yaml") from exc
    except yaml.reader.ReaderError as exc:  # a control character: PyYAML gives its offset, not its line
        line = first_line + text[: exc.position].count("\n")
        raise YamlSyntaxError(line, 0, f"có ký tự điều khiển vô hình (mã {exc.character!r}).",
                              code="ky-tu-dieu-khien", hint="Xóa ký tự này rồi lưu lại.") from exc
    except RecursionError as exc:
        raise YamlSyntaxError(first_line, 0, "các khóa lồng nhau quá sâu.", hint="Viết lại phần khai báo cho phẳng.") \
            from exc


def _check_depth(node: yaml.Node) -> None:
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise yaml.MarkedYAMLError(problem="nested too deep", problem_mark=current.start_mark)
        if isinstance(current, yaml.MappingNode):
            stack += [(value, depth + 1) for _key, value in current.value]
        elif isinstance(current, yaml.SequenceNode):
            stack += [(item, depth + 1) for item in current.value]


def _record_lines(node: yaml.Node, path: Path, document: YamlDocument, first_line: int) -> None:
    """Note each value's line; PyYAML keeps the last of two equal keys silently, so note those too."""
    document.lines[path] = first_line + node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            child = (*path, key_node.value)
            key_line = first_line + key_node.start_mark.line
            if key_node.value in seen:
                document.duplicates.append((child, key_line))
            seen.add(key_node.value)
            _record_lines(value_node, child, document, first_line)
            document.lines[child] = key_line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*path, index), document, first_line)


_PROBLEMS = {
    "mapping values are not allowed here": "có dấu hai chấm không đúng chỗ (nếu giá trị có dấu ':', hãy đặt nó trong ngoặc kép)",
    "could not find expected ':'": "thiếu dấu hai chấm sau tên khóa",
    "found character '\\t' that cannot start any token": "có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề",
    "did not find expected key": "thụt lề không đều hoặc thiếu dấu '-' của danh sách",
    "found undefined alias": "dùng bí danh (*) chưa được định nghĩa",
    "nested too deep": "các khóa lồng nhau quá sâu",
}


def _explain(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or exc.context or "lỗi cú pháp"
    for english, vietnamese in _PROBLEMS.items():
        if problem.startswith(english):
            return vietnamese
    return f"lỗi cú pháp YAML ({problem})"


class NoFrontMatter(ValueError):
    """The Markdown file does not start with a `---` block."""


def split_front_matter(text: str) -> tuple[str, int, str, int]:
    """Split `---\\n<yaml>\\n---\\n<body>` into (yaml, yaml_first_line, body, body_first_line)."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise NoFrontMatter()
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "".join(lines[1:index]), 2, "".join(lines[index + 1 :]), index + 2
    raise NoFrontMatter()
