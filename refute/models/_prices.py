"""The price table: USD per million tokens, from ``refute/data/prices.toml`` and user files."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ._errors import ModelConfigError
from ._spec import ModelSpec

PRICES_ENV = "REFUTE_PRICES"
"""Names a TOML file of extra prices (several, separated by the OS path separator)."""

_DATE_SUFFIX = re.compile(r"-(\d{8}|\d{4}-\d{2}-\d{2})$")


class Price(BaseModel):
    """What one model costs, in USD per million tokens."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    input: float = Field(ge=0, description="USD per million input (prompt) tokens.")
    output: float = Field(ge=0, description="USD per million output tokens.")


class PriceTable:
    """Prices by model, the built-in table overlaid by user files.

    Lookup order: ``provider/model``, the bare model name, the model name without a
    trailing date (``claude-3-5-haiku-20241022`` finds ``claude-3-5-haiku``).

    Example::

        table = PriceTable.load(extra="my-prices.toml")   # plus $REFUTE_PRICES
        cost, priced = table.cost(ModelSpec.parse("openai/gpt-4o-mini"), 1000, 500)
    """

    def __init__(self, prices: Mapping[str, Price]) -> None:
        self._prices = dict(prices)

    @classmethod
    def load(cls, extra: Path | str | Iterable[Path | str] | None = None) -> PriceTable:
        """The built-in table, then each file in ``$REFUTE_PRICES``, then ``extra``;
        a later file overrides an earlier one entry by entry."""
        text = resources.files("refute").joinpath("data/prices.toml").read_text("utf-8")
        prices = _parse(text, "refute/data/prices.toml")
        files: list[Path] = [Path(p) for p in os.environ.get(PRICES_ENV, "").split(os.pathsep) if p]
        if isinstance(extra, str | Path):
            files.append(Path(extra))
        elif extra is not None:
            files.extend(Path(p) for p in extra)
        for path in files:
            try:
                text = path.read_text("utf-8")
            except OSError as error:
                raise ModelConfigError(f"price file {path}: {error.strerror}") from error
            prices.update(_parse(text, str(path)))
        return cls(prices)

    def lookup(self, spec: ModelSpec) -> Price | None:
        """The price of ``spec``, or None when the table does not know it."""
        for key in (str(spec), spec.model, _DATE_SUFFIX.sub("", spec.model)):
            if key in self._prices:
                return self._prices[key]
        return None

    def cost(self, spec: ModelSpec, input_tokens: int, output_tokens: int) -> tuple[float, bool]:
        """``(USD, priced)``: the cost of the tokens, and whether the model has a price."""
        price = self.lookup(spec)
        if price is None:
            return 0.0, False
        return (input_tokens * price.input + output_tokens * price.output) / 1_000_000, True

    def __contains__(self, key: str) -> bool:
        return key in self._prices


def _parse(text: str, where: str) -> dict[str, Price]:
    try:
        models = tomllib.loads(text).get("models", {})
    except tomllib.TOMLDecodeError as error:
        raise ModelConfigError(f"price file {where}: not valid TOML: {error}") from error
    if not isinstance(models, dict):
        raise ModelConfigError(f"price file {where}: [models] must be a table")
    prices: dict[str, Price] = {}
    for name, entry in models.items():
        try:
            prices[name] = Price.model_validate(entry)
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"])
            where_in = f"models.{name}" + (f".{field}" if field else "")
            raise ModelConfigError(f"price file {where}: {where_in}: {first['msg']}") from error
    return prices
