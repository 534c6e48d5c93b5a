"""Bulk API 2.0 of the local org (``/services/data/vXX.X/jobs/...``).

Placeholder while the implementation lands: every Bulk path answers ``NOT_FOUND``.
"""

from __future__ import annotations

from .http import Request, Response, error_response
from .org import LocalOrg, UserInfo


class BulkApi:
    """Bulk API 2.0 query and ingest jobs of one org."""

    def __init__(self, org: LocalOrg) -> None:
        self.org = org

    def handle(self, req: Request, user: UserInfo, version: str, seg: list[str]) -> Response:
        """Answer ``jobs/...``; ``seg`` are the path segments after ``jobs``."""
        return error_response(404, "NOT_FOUND", "The requested resource does not exist")
