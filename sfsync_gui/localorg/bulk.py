"""Bulk API 2.0 of the local org: ``/services/data/vXX.X/jobs/query`` and ``jobs/ingest``.

:class:`BulkApi` routes the ``jobs/...`` calls (``RestApi.bulk``; the REST layer has
already authenticated the caller and counted the API call), keeps the jobs and runs each
job's work in a background thread, so a client polling the job sees ``UploadComplete``,
``InProgress`` and then ``JobComplete`` (or ``Failed`` / ``Aborted``) as on Salesforce.
Query jobs live in :mod:`.bulk_query`, ingest jobs in :mod:`.bulk_ingest`, what they share
in :mod:`.bulk_jobs`.

Tests and the control API can hold workers at fixed points (:meth:`BulkApi.hold`) to see
the intermediate states deterministically.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from . import ids
from .bulk_ingest import create_ingest_job, ingest_results, start_ingest, upload
from .bulk_jobs import (
    ABORTED,
    FAILED,
    FINAL_STATES,
    IN_PROGRESS,
    JOB_COMPLETE,
    JOB_PREFIX,
    OPEN,
    UPLOAD_COMPLETE,
    Job,
    JobStore,
    invalid_state,
    json_error,
    method_not_allowed,
    not_found,
)
from .bulk_query import create_query_job, query_results
from .http import Request, Response, json_response
from .org import ADMIN_PROFILE, LocalOrg, UserInfo
from .storage import format_datetime, parse_datetime

log = logging.getLogger("sfsync.localorg.bulk")

#: Points where a worker can be held: before it starts (state ``UploadComplete``), before
#: each ingest batch of records (``InProgress``), before it completes (``InProgress``).
PHASES = ("start", "batch", "finish")
#: Jobs run at most this many at a time; the others wait in ``UploadComplete``.
MAX_RUNNING_JOBS = 4
#: Salesforce removes finished jobs after seven days.
JOB_RETENTION = timedelta(days=7)

Worker = Callable[["BulkApi", Job], None]


class BulkApi:
    """Bulk API 2.0 query and ingest jobs of one org.

    Args:
        org: the org the jobs read and write.
        max_running: how many jobs work at the same time.
    """

    def __init__(self, org: LocalOrg, *, max_running: int = MAX_RUNNING_JOBS) -> None:
        self.org = org
        self.store = JobStore(org.data_dir / "org.db", org.data_dir / "bulk-jobs.db")
        self.jobs: dict[str, Job] = {}
        self._jobs_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max_running)
        self._gates = {phase: threading.Event() for phase in PHASES}
        for gate in self._gates.values():
            gate.set()
        #: Called by workers as ``hook(job_id, phase)`` at each phase (after any hold).
        self.step_hook: Callable[[str, str], None] | None = None

    # -- routing -------------------------------------------------------------------------

    def handle(self, req: Request, user: UserInfo, version: str, seg: list[str]) -> Response:
        """Answer ``jobs/...``; ``seg`` are the path segments after ``jobs``."""
        if not seg or seg[0] not in ("query", "ingest"):
            return not_found()
        kind, rest, method = seg[0], seg[1:], req.method
        if not rest:
            if method == "POST":
                if kind == "query":
                    return create_query_job(self, req, user, version)
                return create_ingest_job(self, req, user, version)
            if method == "GET":
                return self._list(kind, user)
            return method_not_allowed(method, "GET, POST")
        job = self.visible_job(rest[0], kind, user)
        if job is None:
            return not_found()
        if len(rest) == 1:
            if method == "GET":
                return json_response(200, job.info())
            if method == "PATCH":
                return self._patch(req, job)
            if method == "DELETE":
                return self._delete(job)
            return method_not_allowed(method, "GET, PATCH, DELETE")
        if len(rest) == 2:
            sub = rest[1].lower()
            if kind == "query" and sub == "results":
                if method != "GET":
                    return method_not_allowed(method, "GET")
                return query_results(self, req, job)
            if kind == "ingest" and sub == "batches":
                if method != "PUT":
                    return method_not_allowed(method, "PUT")
                return upload(self, req, job)
            if kind == "ingest" and sub in (
                "successfulresults", "failedresults", "unprocessedrecords",
            ):
                if method != "GET":
                    return method_not_allowed(method, "GET")
                return ingest_results(self, job, sub)
        return not_found()

    # -- jobs ----------------------------------------------------------------------------

    def new_job(self, kind: str, operation: str, object_name: str, user: UserInfo,
                version: str, **fields: object) -> Job:
        """Register a job created by ``user`` (Id from a counter kept in the org, so Ids
        stay unique across restarts)."""
        with self.org.lock:
            number = int(self.org._meta("bulk_job_counter", "0")) + 1
            self.org.set_meta("bulk_job_counter", str(number))
            now = format_datetime(self.org.clock.now())
        job = Job(number=number, id=ids.make_id(JOB_PREFIX, number), kind=kind,
                  operation=operation, object=object_name, created_by=user.id,
                  created_date=now, modstamp=now, api_version=version, **fields)  # type: ignore[arg-type]
        with self._jobs_lock:
            self._expire()
            self.jobs[job.id] = job
        return job

    def visible_job(self, job_id: str, kind: str, user: UserInfo) -> Job | None:
        """The job ``job_id`` of ``kind`` if ``user`` may see it: its creator or an
        administrator ("Manage Data Integrations")."""
        try:
            key = ids.to18(job_id)
        except ValueError:
            return None
        with self._jobs_lock:
            job = self.jobs.get(key)
        if job is None or job.kind != kind or job.deleted:
            return None
        if job.created_by != user.id and user.profile != ADMIN_PROFILE:
            return None
        return job

    def _expire(self) -> None:
        cutoff = self.org.clock.now() - JOB_RETENTION
        for job_id, job in list(self.jobs.items()):
            if job.final and parse_datetime(job.created_date) < cutoff:
                del self.jobs[job_id]
                job.deleted = True
                self.drop_rows(job)

    def _list(self, kind: str, user: UserInfo) -> Response:
        with self._jobs_lock:
            jobs = [j for j in self.jobs.values() if j.kind == kind and not j.deleted]
        records = [
            j.list_entry() for j in sorted(jobs, key=lambda j: j.number)
            if j.created_by == user.id or user.profile == ADMIN_PROFILE
        ]
        return json_response(200, {"done": True, "records": records, "nextRecordsUrl": None})

    def _patch(self, req: Request, job: Job) -> Response:
        try:
            body = req.json()
        except ValueError:
            return json_error("The request body is not valid JSON.")
        if not isinstance(body, dict) or set(body) != {"state"}:
            return json_error("The request body must be {\"state\": ...}.")
        wanted = body["state"]
        if wanted == ABORTED:
            with job.lock:
                if job.state not in (OPEN, UPLOAD_COMPLETE, IN_PROGRESS):
                    return invalid_state(f"Job {job.id} cannot be aborted: its state is "
                                         f"{job.state}.")
                job.state = ABORTED
                self.touch(job)
                return json_response(200, job.summary())
        if wanted == UPLOAD_COMPLETE and job.kind == "ingest":
            with job.lock:
                if job.state != OPEN:
                    return invalid_state(f"Job {job.id} is not Open: its state is "
                                         f"{job.state}.")
                job.state = UPLOAD_COMPLETE
                self.touch(job)
                answer = json_response(200, job.summary())
            start_ingest(self, job)
            return answer
        return invalid_state(f"Invalid state for this job: {wanted}")

    def _delete(self, job: Job) -> Response:
        allowed = {*FINAL_STATES} | ({UPLOAD_COMPLETE} if job.kind == "ingest" else set())
        with job.lock:
            if job.state not in allowed:
                return invalid_state(f"Job {job.id} cannot be deleted: its state is "
                                     f"{job.state}.")
            if job.state == UPLOAD_COMPLETE:
                job.state = ABORTED  # the queued worker sees this and never starts
            job.deleted = True
        with self._jobs_lock:
            self.jobs.pop(job.id, None)
        self.drop_rows(job)
        return Response(204)

    def drop_rows(self, job: Job) -> None:
        """Forget a job's stored rows (snapshot or uploaded data)."""
        conn = self.store.connect()
        try:
            if job.kind == "query" and job.total:
                conn.execute("DELETE FROM bulk.qrows WHERE seq >= ? AND seq < ?",
                             (job.first_seq, job.first_seq + job.total))
            elif job.kind == "ingest":
                conn.execute("DELETE FROM bulk.irows WHERE job = ?", (job.number,))
        finally:
            conn.close()

    # -- job states (workers) ------------------------------------------------------------

    def touch(self, job: Job) -> None:
        """Move the job's ``systemModstamp`` (the caller holds ``job.lock``)."""
        job.modstamp = format_datetime(self.org.clock.now())

    def begin(self, job: Job) -> bool:
        """``UploadComplete`` → ``InProgress``; False when the job was aborted or deleted
        while it waited."""
        with job.lock:
            if job.state != UPLOAD_COMPLETE or job.deleted:
                return False
            job.state = IN_PROGRESS
            self.touch(job)
            return True

    def finish(self, job: Job, state: str = JOB_COMPLETE, error: str | None = None) -> bool:
        """``InProgress`` → ``state``; False when the job was aborted meanwhile."""
        with job.lock:
            if job.state != IN_PROGRESS:
                return False
            job.state = state
            job.error_message = error
            self.touch(job)
            return True

    def still_running(self, job: Job) -> bool:
        with job.lock:
            return job.state == IN_PROGRESS and not job.deleted

    def start(self, job: Job, worker: Worker) -> None:
        """Run ``worker(self, job)`` in a daemon thread once a slot is free."""
        thread = threading.Thread(target=self._run, args=(job, worker), daemon=True,
                                  name=f"bulk-{job.id}")
        thread.start()

    def _run(self, job: Job, worker: Worker) -> None:
        with self._slots:
            try:
                worker(self, job)
            except Exception:  # a bug of ours: the job fails as Salesforce's would
                log.exception("bulk job %s failed", job.id)
                with job.lock:
                    if not job.final:
                        job.state = FAILED
                        job.error_message = ("UNKNOWN_EXCEPTION: An unexpected error "
                                             "occurred while processing the job (local org).")
                        self.touch(job)

    # -- holding workers (tests, control API) --------------------------------------------

    def checkpoint(self, job: Job, phase: str) -> None:
        """Where a worker reaches ``phase``: wait while it is held, then call the hook."""
        self._gates[phase].wait()
        hook = self.step_hook
        if hook is not None:
            hook(job.id, phase)

    @contextmanager
    def hold(self, phase: str) -> Iterator[None]:
        """Hold every worker that reaches ``phase`` (see :data:`PHASES`) until the block
        ends."""
        gate = self._gates[phase]
        gate.clear()
        try:
            yield
        finally:
            gate.set()


def bulk_api_of(app: object) -> BulkApi:
    """The :class:`BulkApi` behind a ``RestApi`` (``running._server.app``)."""
    handler = app.bulk  # type: ignore[attr-defined]
    api = getattr(handler, "__self__", None)
    if not isinstance(api, BulkApi):
        raise LookupError("no Bulk API is attached to this app")
    return api
