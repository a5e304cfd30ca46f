"""Commands for translators and maintainers: python -m methodref --help."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import DataError
from .render import page_sources
from .validate import DATA_FILE, display_name, load_reference


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m methodref", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_FILE, help="the data file (default: data/methods.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the data file and list every problem at once")
    args = parser.parse_args(argv)

    if args.command == "check":
        try:
            data = load_reference(args.data)
        except DataError as error:
            print(error.report(), file=sys.stderr)
            return 1
        print(
            f"{display_name(args.data)}: OK: {len(data['locales'])} locales, {len(data['methods'])} methods, "
            f"{len(page_sources(data))} pages"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
