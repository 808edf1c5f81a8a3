"""Bounded load run against /v1/ask on loopback: error count, throughput, p50/p95 latency.

Starts its own `dealqa serve` on a free 127.0.0.1 port over a copy of corpus/ (unless --url is given),
sends --requests requests at each of the --clients levels (concurrent clients), and stops by itself.
With --compare SRC, a server running the code of another source tree (say a worktree of the
previous commit) is measured in the same run, level by level, alternating with this one; with
--uncached, also this tree with its answer cache off (DEALQA_ANSWER_CACHE_SIZE=0), so every request
is answered afresh. --rounds N repeats every level N times, the servers' order reversed each round
(A B, B A, ...: a shared machine's speed drifts), and reports each level's median run.

    .venv/bin/python evals/perf/load.py --clients 1 10 50 --compare /tmp/prev/src --uncached --rounds 3 \
        --json evals/perf/load.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = [
    "When was the deal signed?",
    "Where is Colossus 1 located?",
    "Who first reported the agreement?",
    "Which company is preparing for an IPO?",
    "What is the capital of France?",
]


def start_server(
    workdir: Path, src: Path | None = None, extra_env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    shutil.copytree(ROOT / "corpus", workdir / "corpus")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALQA_")}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    env.update(extra_env or {})
    dealqa = str(Path(sys.executable).with_name("dealqa"))
    process = subprocess.Popen([dealqa, "serve", "--port", str(port)], cwd=workdir, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("the server did not start")


async def run(url: str, clients: int, requests: int, timeout_s: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    counter = iter(range(requests))

    async def client(n: int) -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=url, timeout=timeout_s) as http:
            for i in counter:
                started = time.perf_counter()
                try:
                    response = await http.post("/v1/ask", json={"question": QUESTIONS[(i + n) % len(QUESTIONS)]})
                    ok = response.status_code == 200 and "text" in response.json()
                except httpx.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - started) * 1000)
                errors += not ok

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": errors,
        "seconds": round(elapsed, 2),
        "throughput_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(cuts[49], 1),
        "p95_ms": round(cuts[94], 1),
    }


def median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run of median throughput (an odd count gives a run that happened)."""
    return sorted(runs, key=lambda r: r["throughput_rps"])[len(runs) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="An already running server (default: start one).")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--requests", type=int, default=400, help="Per level of clients.")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--compare", type=Path, help="Also measure a server run from this source tree (its src/).")
    parser.add_argument("--uncached", action="store_true", help="Also measure this tree with no answer cache.")
    parser.add_argument("--rounds", type=int, default=1, choices=range(1, 10), help="Runs per level and server.")
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for every server started (repeatable).")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    shared = dict(item.split("=", 1) for item in args.env)
    trees: dict[str, tuple[Path | None, dict[str, str]]] = {"this": (None, shared)}
    if args.uncached:
        trees["this-uncached"] = (None, {**shared, "DEALQA_ANSWER_CACHE_SIZE": "0"})
    if args.compare:
        trees["compared"] = (args.compare, shared)
    result: dict[str, object] = {
        "cores": os.cpu_count(),
        "env": shared,
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "requests_per_level": args.requests,
        "rounds": args.rounds,
    }
    with tempfile.TemporaryDirectory() as tmp:
        servers = {}
        try:
            for name, (src, extra_env) in trees.items():
                (Path(tmp) / name).mkdir()
                servers[name] = (None, args.url) if args.url else start_server(Path(tmp) / name, src, extra_env)
            runs: dict[str, dict[int, list[dict[str, float]]]] = {name: {c: [] for c in args.clients} for name in trees}
            for round_ in range(args.rounds):
                order = list(servers.items())
                for clients in args.clients:
                    for name, (_, url) in order if round_ % 2 == 0 else order[::-1]:
                        asyncio.run(run(url, min(clients, 5), 20, args.timeout))  # warm-up, not counted
                        measured = asyncio.run(run(url, clients, args.requests, args.timeout))
                        runs[name][clients].append(measured)
                        print(round_ + 1, name, json.dumps(measured), flush=True)
            result["median"] = {name: [median_run(levels[c]) for c in args.clients] for name, levels in runs.items()}
            result["runs"] = {name: [r for c in args.clients for r in levels[c]] for name, levels in runs.items()}
        finally:
            for process, _ in servers.values():
                if process:
                    process.terminate()
                    process.wait(timeout=30)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
