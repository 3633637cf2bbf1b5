"""The printed report: rates, ratios, latencies, the database check, worker memory, targets, BENCH lines."""

from dataclasses import dataclass, field

from bench.load_phases import PhaseResult

RSS_LIMIT_MB = 120
P99_LIMIT_MS = 150
RATIO_TARGET = 0.5
GENERATOR_SATURATED = 0.9  # share of one core: asyncio runs on one


@dataclass
class DbReport:
    db: str
    workers: int
    clients: int
    phases: dict[str, PhaseResult]
    check: dict
    rss_mb: dict[int, float]
    notes: list[str] = field(default_factory=list)

    @property
    def answers_per_s(self) -> float:
        return self.phases["answers"].rate("answer")

    @property
    def insert_ratio(self) -> float:
        insert = self.phases["insert"].rate("insert")
        return self.answers_per_s / insert if insert else 0.0

    @property
    def signed_in_ratio(self) -> float:
        """Signed-in inserts per bare insert: how high the answer ratio could go if an answer cost nothing
        beyond loading the session and the user that every answer must load."""
        insert = self.phases["insert"].rate("insert")
        return self.phases["signed-in"].rate("signed-in") / insert if insert else 0.0

    @property
    def leaderboard_ratio(self) -> float:
        bare = self.phases["bare"].rate("bare")
        return self.phases["board"].rate("board") / bare if bare else 0.0

    @property
    def errors(self) -> int:
        return sum(sum(phase.errors.values()) for phase in self.phases.values())

    def latency(self, share: float) -> float:
        return percentile(self.phases["open"].latencies_ms, share)

    def bench_line(self) -> str:
        return (
            f"BENCH db={self.db} workers={self.workers} clients={self.clients} "
            f"answers_per_s={self.answers_per_s:.1f} insert_ratio={self.insert_ratio:.2f} "
            f"leaderboard_ratio={self.leaderboard_ratio:.2f} p99_ms={self.latency(0.99):.1f} "
            f"errors={self.errors} lost={self.check['lost']} double={self.check['double']} "
            f"rss_mb={max(self.rss_mb.values(), default=0):.1f}"
        )

    def targets(self) -> list[tuple[str, bool]]:
        check = self.check
        return [
            ("0 errors", self.errors == 0),
            ("0 lost (every accepted answer stored)", check["lost"] == 0),
            (
                "0 double-counted (no duplicate rows, nothing stored unaccepted)",
                check["double"] + check["unexpected"] == 0,
            ),
            (
                "scores = correct responses (SQL sum and client's count)",
                check["score_not_sum"] + check["score_not_client"] == 0,
            ),
            (
                f"answer throughput >= {RATIO_TARGET} x bare insert ({self.insert_ratio:.2f})",
                self.insert_ratio >= RATIO_TARGET,
            ),
            (
                f"leaderboard throughput >= {RATIO_TARGET} x bare view ({self.leaderboard_ratio:.2f})",
                self.leaderboard_ratio >= RATIO_TARGET,
            ),
            (
                f"open-loop p99 < {P99_LIMIT_MS} ms ({self.latency(0.99):.1f} ms)",
                0 < self.latency(0.99) < P99_LIMIT_MS,
            ),
            (
                f"worker RSS <= {RSS_LIMIT_MB} MB ({max(self.rss_mb.values(), default=0):.1f} MB)",
                0 < max(self.rss_mb.values(), default=0) <= RSS_LIMIT_MB,
            ),
        ]


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def phase_line(label: str, phase: PhaseResult, kind: str) -> str:
    core = phase.cpu_seconds / phase.seconds if phase.seconds else 0.0
    flag = "  <- GENERATOR SATURATED" if core >= GENERATOR_SATURATED else ""
    errors = sum(phase.errors.values())
    line = (
        f"  {label:<40} {phase.rate(kind):8.1f}/s  ok={phase.ok[kind]:<6} errors={errors:<4}"
        f" generator={core:4.0%} of a core  machine={phase.machine_busy:4.0%} busy{flag}"
    )
    failed = {key: n for key, n in phase.statuses.items() if not key.endswith((":200", ":304", ":ok"))}
    return f"{line}\n    not served as expected: {failed}" if errors else line


def render(report: DbReport) -> str:
    p = report.phases
    login = p["login"]
    login_p50, login_p99 = percentile(login.latencies_ms, 0.5), percentile(login.latencies_ms, 0.99)
    lines = [
        f"== {report.db}: {report.workers} gunicorn workers, {report.clients} closed-loop clients ==",
        f"  sign-in (before the measured window): {login.ok['login']} ok, {login.errors['login']} failed, "
        f"{login.seconds:.1f} s ({login.ok['login'] / max(login.seconds, 1e-9):.1f}/s, "
        f"p50 {login_p50:.0f} ms, p99 {login_p99:.0f} ms)",
        "closed loop (as fast as the server goes):",
        phase_line("bare view GET /bench/ok", p["bare"], "bare"),
        phase_line("bare insert POST /bench/insert", p["insert"], "insert"),
        phase_line("signed-in insert POST (same, signed in)", p["signed-in"], "signed-in"),
        phase_line("answers POST (HTMX, CSRF header)", p["answers"], "answer"),
        f"    in the same phase: starts (with the quiz page)={p['answers'].ok['start']}"
        f" finishes={p['answers'].ok['finish']}; statuses {dict(p['answers'].statuses)}",
        phase_line("class leaderboard poll (If-None-Match)", p["board"], "board"),
        f"    statuses {dict(p['board'].statuses)}",
        f"  answers/s / insert req/s = {report.insert_ratio:.2f};  leaderboard req/s / bare req/s = "
        f"{report.leaderboard_ratio:.2f}",
        f"  (for scale: signed-in insert req/s / insert req/s = {report.signed_in_ratio:.2f}, the most the"
        " answer ratio could be if an answer cost only its sign-in and one row)",
        "open loop (scheduled sends, latency from the scheduled time):",
        phase_line("answers", p["open"], "answer"),
        f"    answers p50={report.latency(0.5):.1f} ms p95={report.latency(0.95):.1f} ms "
        f"p99={report.latency(0.99):.1f} ms max={report.latency(1.0):.1f} ms;"
        f" board polls ok={p['open'].ok['board']} errors={p['open'].errors['board']};",
        f"    statuses {dict(p['open'].statuses)}",
        f"    missed sends (student still waiting for the previous answer): {p['open'].ok['missed']}",
        f"database check: {report.check}",
        "worker RSS (peak, MB): "
        + ", ".join(f"pid {pid}: {mb:.1f}" for pid, mb in sorted(report.rss_mb.items())),
        *[f"  note: {note}" for note in report.notes],
        "targets:",
        *[f"  {'PASS' if ok else 'FAIL'}  {name}" for name, ok in report.targets()],
    ]
    return "\n".join(lines)
