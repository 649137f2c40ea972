"""Export a session to one self-contained file, and import such a file into the local sessions folder.

An export is a JSON object holding the log's text and the scenario's YAML text, so the game can be
opened on a machine where the scenario is missing or differs (a trainee mails the game to the
facilitator).  Everything in an import is untrusted: the scenario goes through the loader's checks
and the log is replayed before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from game.scenario.untrusted import clean
from game.sessions import store
from game.sessions.errors import SessionError

EXPORT_FORMAT = 1
MAX_IMPORT_BYTES = 20_000_000  # a day-long #AskJPM game logs well under a megabyte


def export_session(ref, output: Path) -> list[str]:
    """Write session ``ref`` (id, path or ``latest``) to ``output``; returns warnings."""
    from game import __version__
    from game.sessions.restore import locate_scenario, read_log

    path = store.find(ref) if not isinstance(ref, Path) else ref
    log = read_log(path)
    scenario_path, same = locate_scenario(log.info)
    warnings = list(log.warnings)
    if not same:
        warnings.append(
            f"the scenario {scenario_path} has changed since this game was recorded; the export "
            "carries the current version, so the game may not replay the same elsewhere"
        )
    try:
        scenario_text = scenario_path.read_bytes().decode("utf-8")
        log_text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SessionError(f"cannot read the game or its scenario: {error}") from None
    bundle = {
        "bashtag_export": EXPORT_FORMAT,
        "bashtag": __version__,
        "session_id": log.info.id,
        "scenario_id": log.info.scenario_id,
        "scenario_file": scenario_path.name,
        "scenario_sha256": hashlib.sha256(scenario_text.encode("utf-8")).hexdigest(),
        "scenario_yaml": scenario_text,
        "log": log_text,
    }
    try:
        output.write_text(json.dumps(bundle, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise SessionError(f"cannot write {output}: {error.strerror or error}") from None
    return warnings


def import_session(file: Path) -> tuple[Path, list[str]]:
    """Check an export and copy it into the sessions folder; returns (the log's new path, warnings)."""
    from game.scenario.loader import load_scenario
    from game.scenario.problems import ScenarioError
    from game.sessions.restore import restore

    bundle = _read_bundle(file)
    try:
        load_scenario(bundle["scenario_yaml"], name=f"{file.name}: scenario")
    except ScenarioError as error:
        raise SessionError(f"{file.name}: the scenario it carries is not valid:\n{error}") from None
    ident = re.sub(r"[^A-Za-z0-9_-]", "-", bundle["session_id"])[:80].strip("-") or "imported"
    try:
        scratch_dir = tempfile.TemporaryDirectory(prefix="bashtag-import-")
    except OSError as error:
        raise _cannot_write(f"create a scratch folder in {tempfile.gettempdir()}", error) from None
    with scratch_dir as scratch:
        log_path = Path(scratch) / (ident + store.SUFFIX)
        try:
            log_path.write_text(bundle["log"], encoding="utf-8")
            store.scenario_copy(log_path).write_text(bundle["scenario_yaml"], encoding="utf-8")
        except OSError as error:
            raise _cannot_write(f"write a scratch copy of the game in {scratch}", error) from None
        try:
            restored = restore(log_path)
        except SessionError as error:
            raise SessionError(f"{file.name}: {error}", scenario_changed=error.scenario_changed) from None
        warnings = list(restored.warnings)
        folder = store.sessions_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _cannot_write(f"create the folder of saved games {folder}", error) from None
        target = folder / (ident + store.SUFFIX)
        number = 1
        while target.exists():
            if target.is_file() and _text_of(target) == bundle["log"]:
                return target, warnings + [f"this game is already in your saved games as {store.session_id(target)}"]
            number += 1
            target = folder / f"{ident}-{number}{store.SUFFIX}"
        copy = store.scenario_copy(target)
        try:
            copy.write_text(bundle["scenario_yaml"], encoding="utf-8")
            _write_new(target, bundle["log"])
        except OSError as error:
            for written in (copy, target):  # nothing half-imported is left behind
                try:
                    written.unlink(missing_ok=True)
                except OSError:
                    pass
            raise _cannot_write(f"write the game to {target}", error) from None
    return target, warnings


def _text_of(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _cannot_write(what: str, error: OSError) -> SessionError:
    """Nothing was imported: say what could not be written, where, and why (a read-only folder...)."""
    return SessionError(
        f"nothing was imported: cannot {what} ({error.strerror or error}). Check that "
        "the folder can be written to, or set BASHTAG_DATA_DIR to one that can"
    )


def _write_new(target: Path, text: str) -> None:
    with open(target, "x", encoding="utf-8", newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _read_bundle(file: Path) -> dict:
    try:
        if file.stat().st_size > MAX_IMPORT_BYTES:
            raise SessionError(f"{file.name} is too large to be a Bashtag export")
        data = json.loads(file.read_bytes().decode("utf-8"))
    except OSError as error:
        raise SessionError(f"cannot read {file}: {error.strerror or error}") from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SessionError(f"{file.name} is not a Bashtag export (not JSON)") from None
    if not isinstance(data, dict) or "bashtag_export" not in data:
        raise SessionError(f"{file.name} is not a Bashtag export")
    version = data.get("bashtag_export")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionError(f"{file.name}: the export format is unreadable")
    if version > EXPORT_FORMAT:
        written_by = clean(str(data.get("bashtag")))[0][:40]  # the bundle's text: a stranger's
        raise SessionError(f"{file.name} was exported by a newer Bashtag ({written_by}); update Bashtag to import it")
    bad = [key for key in ("session_id", "scenario_yaml", "log") if not isinstance(data.get(key), str)]
    if bad:
        raise SessionError(f"{file.name}: the export is damaged (missing or wrong: {', '.join(bad)})")
    return data
