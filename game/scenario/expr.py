"""A small, safe expression language for scenario conditions and effects.

Scenario files are untrusted, so conditions such as ``reputation < 40 and turn >= 6`` are parsed by
this module's own grammar and never reach Python's ``eval``.  The grammar is deliberately tiny:

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/") unary)*
    unary   := "-" unary | atom
    atom    := NUMBER | "true" | "false" | NAME | "(" expr ")" | FUNC "(" expr ("," expr)* ")"

Names are identifiers with optional dots (``fired.press_pickup``).  The functions are ``min``,
``max`` and ``abs``.  Values are floats; booleans are 1.0 and 0.0.  Division by zero gives 0 so a
scenario cannot crash the engine mid-game; for the same reason a number written in an expression is
at most ``MAX_NUMBER`` (10^15; a 400-digit number would read as infinity), and what an expression
computes is always finite: a result beyond ±``MAX_NUMBER`` is held there, and one that is not a
number at all (infinity minus infinity) is 0.

``parse`` returns an :class:`Expression` that knows the names it reads (for validation) and can be
evaluated against any mapping of names to numbers (for the engine).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from game.scenario.vocabulary import MAX_NUMBER

MAX_SOURCE_LENGTH = 500
MAX_DEPTH = 40

_TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?|\.\d+)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_@-]+)*)"
    r"|(?P<op><=|>=|==|!=|[<>+\-*/(),])"
    r"|(?P<bad>\S))"
)
_KEYWORDS = {"and", "or", "not", "true", "false"}
_FUNCTIONS: dict[str, Callable[..., float]] = {
    "min": lambda *a: float(min(a)),
    "max": lambda *a: float(max(a)),
    "abs": lambda a: float(abs(a)),
}


class ExpressionError(ValueError):
    """A condition or effect that cannot be read; ``column`` is 1-based within the expression."""

    def __init__(self, message: str, column: int = 1):
        super().__init__(message)
        self.message = message
        self.column = column


Evaluator = Callable[[Mapping[str, float]], float]


@dataclass(frozen=True)
class Expression:
    """A parsed expression: its source, the names it reads, and a compiled evaluator."""

    source: str
    names: frozenset[str]
    _run: Evaluator = field(repr=False, compare=False)

    def evaluate(self, env: Mapping[str, float]) -> float:
        """The value of the expression, always finite; a name missing from ``env`` reads as 0."""
        return finite(self._run(env))

    def holds(self, env: Mapping[str, float]) -> bool:
        return bool(self.evaluate(env))


def finite(value: float) -> float:
    """``value`` held within ±MAX_NUMBER; NaN (what overflowing arithmetic can leave) is 0.

    Products of large names can overflow a float (``reach * reach * ...``); the engine refuses a
    non-finite change to a meter, so an expression never hands it one."""
    if value != value:  # NaN
        return 0.0
    return float(max(-MAX_NUMBER, min(MAX_NUMBER, value)))


@dataclass
class _Token:
    kind: str
    text: str
    column: int


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if match is None:  # only trailing whitespace is left
            break
        kind = match.lastgroup or "bad"
        text = match.group(kind)
        column = match.start(kind) + 1
        if kind == "bad":
            raise ExpressionError(f"unexpected character {text!r}", column)
        if kind == "name" and text in _KEYWORDS:
            kind = text
        tokens.append(_Token(kind, text, column))
        pos = match.end()
    tokens.append(_Token("end", "", len(source) + 1))
    return tokens


class _Parser:
    def __init__(self, source: str):
        self.tokens = _tokenize(source)
        self.index = 0
        self.names: set[str] = set()
        self.depth = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def take(self, *texts: str) -> _Token | None:
        token = self.current
        if token.text in texts and token.kind not in ("name", "number"):
            self.index += 1
            return token
        return None

    def expect(self, text: str) -> None:
        if self.take(text) is None:
            found = self.current.text or "the end"
            raise ExpressionError(f"expected {text!r} but found {found!r}", self.current.column)

    def parse(self) -> Evaluator:
        run = self.or_()
        if self.current.kind != "end":
            raise ExpressionError(f"unexpected {self.current.text!r}", self.current.column)
        return run

    def nested(self, parse: Callable[[], Evaluator]) -> Evaluator:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError("expression is nested too deeply", self.current.column)
        try:
            return parse()
        finally:
            self.depth -= 1

    def or_(self) -> Evaluator:
        left = self.and_()
        while self.take("or"):
            right, prev = self.and_(), left
            left = _either(prev, right)
        return left

    def and_(self) -> Evaluator:
        left = self.not_()
        while self.take("and"):
            right, prev = self.not_(), left
            left = _both(prev, right)
        return left

    def not_(self) -> Evaluator:
        if self.take("not"):
            inner = self.nested(self.not_)
            return lambda env: 0.0 if inner(env) else 1.0
        return self.compare()

    def compare(self) -> Evaluator:
        left = self.sum_()
        op = self.take("<", "<=", ">", ">=", "==", "!=")
        if op is None:
            return left
        right = self.sum_()
        test: Callable[[float, float], bool] = {
            "<": lambda a, b: a < b,
            "<=": lambda a, b: a <= b,
            ">": lambda a, b: a > b,
            ">=": lambda a, b: a >= b,
            "==": lambda a, b: a == b,
            "!=": lambda a, b: a != b,
        }[op.text]
        if self.current.text in ("<", "<=", ">", ">=", "==", "!="):
            raise ExpressionError("comparisons cannot be chained; use 'and'", self.current.column)
        return lambda env: 1.0 if test(left(env), right(env)) else 0.0

    def sum_(self) -> Evaluator:
        left = self.product()
        while (op := self.take("+", "-")) is not None:
            right, prev = self.product(), left
            if op.text == "+":
                left = _plus(prev, right)
            else:
                left = _minus(prev, right)
        return left

    def product(self) -> Evaluator:
        left = self.unary()
        while (op := self.take("*", "/")) is not None:
            right, prev = self.unary(), left
            if op.text == "*":
                left = _times(prev, right)
            else:
                left = _over(prev, right)
        return left

    def unary(self) -> Evaluator:
        if self.take("-"):
            inner = self.nested(self.unary)
            return lambda env: -inner(env)
        return self.atom()

    def atom(self) -> Evaluator:
        token = self.current
        if token.kind == "number":
            value = float(token.text)
            if value > MAX_NUMBER:
                shown = token.text if len(token.text) <= 20 else token.text[:8] + "…" + token.text[-4:]
                raise ExpressionError(
                    f"the number {shown} is too large: numbers in a scenario are at most {MAX_NUMBER:,}", token.column
                )
            self.index += 1
            return lambda env: value
        if token.kind in ("true", "false"):
            self.index += 1
            value = 1.0 if token.kind == "true" else 0.0
            return lambda env: value
        if token.kind == "name":
            self.index += 1
            if self.current.text == "(" and self.current.kind != "name":
                return self.call(token)
            name = token.text
            self.names.add(name)
            return lambda env: float(env.get(name, 0.0))
        if self.take("("):
            inner = self.nested(self.or_)
            self.expect(")")
            return inner
        found = token.text or "the end of the expression"
        raise ExpressionError(f"expected a number, a name or '(' but found {found!r}", token.column)

    def call(self, name: _Token) -> Evaluator:
        function = _FUNCTIONS.get(name.text)
        if function is None:
            known = ", ".join(sorted(_FUNCTIONS))
            raise ExpressionError(f"unknown function {name.text!r} (known: {known})", name.column)
        self.expect("(")
        args = [self.nested(self.or_)]
        while self.take(","):
            args.append(self.nested(self.or_))
        self.expect(")")
        if name.text == "abs" and len(args) != 1:
            raise ExpressionError("abs takes one argument", name.column)
        return lambda env: function(*(arg(env) for arg in args))


# The binary operators, each closing over its two operands (a function rather than a lambda with
# default arguments, so each operand's type is known).
def _either(a: Evaluator, b: Evaluator) -> Evaluator:
    return lambda env: 1.0 if (a(env) or b(env)) else 0.0


def _both(a: Evaluator, b: Evaluator) -> Evaluator:
    return lambda env: 1.0 if (a(env) and b(env)) else 0.0


def _plus(a: Evaluator, b: Evaluator) -> Evaluator:
    return lambda env: a(env) + b(env)


def _minus(a: Evaluator, b: Evaluator) -> Evaluator:
    return lambda env: a(env) - b(env)


def _times(a: Evaluator, b: Evaluator) -> Evaluator:
    return lambda env: a(env) * b(env)


def _over(a: Evaluator, b: Evaluator) -> Evaluator:
    return lambda env: _divide(a(env), b(env))


def _divide(a: float, b: float) -> float:
    return a / b if b else 0.0


# What a condition or an effect's value is written as in a scenario: an expression, or a plain
# number or boolean.
Source = str | int | float | bool


def parse(source: Source) -> Expression:
    """Parse ``source`` (a string, or a bare number/boolean from YAML) into an Expression."""
    if isinstance(source, bool):
        source = "true" if source else "false"
    elif isinstance(source, (int, float)):
        source = str(source) if isinstance(source, int) else format(source, ".12f").rstrip("0").rstrip(".")
    if not isinstance(source, str):
        raise ExpressionError(f"expected an expression, found {type(source).__name__}")
    if len(source) > MAX_SOURCE_LENGTH:
        raise ExpressionError(f"expression is longer than {MAX_SOURCE_LENGTH} characters")
    if not source.strip():
        raise ExpressionError("expression is empty")
    parser = _Parser(source)
    run = parser.parse()
    return Expression(source=source, names=frozenset(parser.names), _run=run)
