"""The local org's clock: real time plus an offset that tests and the control API advance.

Every stamp, token expiry and recycle-bin age in the local org reads this clock, so tests
can move time forward instead of waiting. Time never goes backwards: a stamp is never
earlier than the previous one handed out, but several writes may share a millisecond, as
in Salesforce.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime


class Clock:
    """Milliseconds-precision UTC time with an adjustable offset."""

    def __init__(self, offset_ms: int = 0) -> None:
        self._offset_ms = offset_ms
        self._last_ms = 0
        self._lock = threading.Lock()

    @property
    def offset_ms(self) -> int:
        return self._offset_ms

    def now_ms(self) -> int:
        """Epoch milliseconds, never less than a value returned before."""
        with self._lock:
            ms = int(time.time() * 1000) + self._offset_ms
            if ms < self._last_ms:
                ms = self._last_ms
            self._last_ms = ms
            return ms

    def now(self) -> datetime:
        """The current time as an aware UTC datetime truncated to the millisecond."""
        return datetime.fromtimestamp(self.now_ms() / 1000, tz=UTC)

    def advance(self, seconds: float) -> datetime:
        """Move the clock forward (never back) and return the new time."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset_ms += int(seconds * 1000)
        return self.now()
