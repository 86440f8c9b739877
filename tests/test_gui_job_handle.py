"""A job handle cancels what was tied to it (a core operation's own token) and then the job."""

from vnr_desktop.core.sync import CancelToken as SyncToken
from vnr_desktop.gui.jobs import CancelToken, JobHandle


def test_cancel_reaches_the_tied_token_first_then_the_job() -> None:
    job_token = CancelToken()
    sync_token = SyncToken()
    handle = JobHandle(job_token)
    seen: list[tuple[bool, bool]] = []

    def cancel_sync() -> None:
        sync_token.cancel()
        seen.append((sync_token.cancelled, job_token.cancelled))

    handle.also_cancel(cancel_sync)
    assert not sync_token.cancelled and not job_token.cancelled
    handle.cancel()
    assert seen == [(True, False)]
    assert sync_token.cancelled and job_token.cancelled


def test_a_handle_with_nothing_tied_cancels_its_job() -> None:
    token = CancelToken()
    JobHandle(token).cancel()
    assert token.cancelled
