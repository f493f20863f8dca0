"""jupyter_server extension of jupyter-review: REST routes under ``/jupyter-review/``.

Enabled automatically by ``jupyter-config/jupyter_server_config.d/jupyter_review.json``
(installed by ``pip install``); the prebuilt lab extension ships in
``share/jupyter/labextensions/jupyter-review``.
"""

from __future__ import annotations

from typing import Any

EXTENSION_NAME = "jupyter_review"


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    # "src" is relative to the top-level package (jupyter_review/), which delegates here.
    return [{"src": "labextension", "dest": "jupyter-review"}]


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "jupyter_review.server"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    from .handlers import setup_handlers

    setup_handlers(serverapp.web_app, serverapp.root_dir)
    serverapp.log.info("jupyter_review | REST routes registered under %sjupyter-review/", serverapp.base_url)


# older jupyter_server / notebook name
load_jupyter_server_extension = _load_jupyter_server_extension
