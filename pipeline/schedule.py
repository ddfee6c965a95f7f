"""Cron ticks and the serving loop of `socieux serve` when no Prefect server is configured.

A Prefect deployment's schedule is turned into flow runs by the *server's*
scheduler service. Prefect's ephemeral API (what a command starts for itself
when `PREFECT_API_URL` is unset) runs no scheduler, so a deployment served
against it is never run. Measured here, a local `prefect server start` did not
schedule our deployment either ("Scheduled 0 runs" every loop, though the same
query and run generation, called directly on its database, produce the runs).
So without a configured server, `socieux serve` keeps its own clock: at each
tick of the cron expression (cronsim, the cron library Prefect itself uses) it
calls the flow in this process. Every run is still a Prefect flow run, and the
process keeps its API, pipeline and imports between runs, so a run that finds
one new record costs little more than the flow itself. With `PREFECT_API_URL`
set, `socieux serve` serves the deployment and the server schedules it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from cronsim import CronSim, CronSimError


def next_tick(cron: str, after: dt.datetime) -> dt.datetime:
    """The first time strictly after `after` (local, naive) that the cron expression names."""
    try:
        return next(CronSim(cron, after.replace(microsecond=0)))
    except CronSimError as exc:
        raise ValueError(f"invalid cron expression {cron!r}: {exc}") from None


def run_on_schedule(cron: str, job: Callable[[], object], *, now: Callable[[], dt.datetime] = dt.datetime.now,
                    sleep: Callable[[float], None] = time.sleep, ticks: int | None = None,
                    on_error: Callable[[BaseException], None] | None = None) -> int:
    """Call `job` at every tick of `cron` (local time) until interrupted, or `ticks` times.

    A tick missed while a job ran is skipped (the next run picks up everything new anyway).
    A failing job is reported to `on_error` and the loop goes on. Returns the ticks run.
    """
    done = 0
    tick = next_tick(cron, now())
    while ticks is None or done < ticks:
        wait = (tick - now()).total_seconds()
        if wait > 0:
            sleep(wait)
            continue  # sleep may end early (signals): check the clock again
        try:
            job()
        except Exception as exc:  # noqa: BLE001 - a failed run must not stop the schedule
            if on_error is None:
                raise
            on_error(exc)
        done += 1
        tick = next_tick(cron, max(now(), tick))
    return done
