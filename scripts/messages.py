#!/usr/bin/env python
"""Extract the Vietnamese catalogues (each app with a locale/ dir gets its own; the rest go to
locale/) and compile them. Run from the project root: `make messages`."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run(
        [
            *manage,
            "makemessages",
            "-l",
            "vi",
            "--add-location=file",
            "--no-wrap",
            "--ignore=tests/*",
            "--ignore=scripts/*",
            "--ignore=staticfiles/*",
            "--ignore=var/*",
        ],
        cwd=ROOT,
        check=True,
    )
    subprocess.run([*manage, "compilemessages", "-l", "vi", "--ignore=.venv"], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
