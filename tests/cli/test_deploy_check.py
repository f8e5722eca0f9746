"""Production settings pass Django's deployment checks (POLICY.md §4, Accounts)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_check_deploy_is_clean_with_secure_settings(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(CYCLOPEDIA_HOME=str(tmp_path), CYCLOPEDIA_SECURE="true", CYCLOPEDIA_DEBUG="false")
    cyclopedia = Path(sys.executable).with_name("cyclopedia")
    result = subprocess.run(
        [str(cyclopedia), "manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
