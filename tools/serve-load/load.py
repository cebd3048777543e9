#!/usr/bin/env python3
"""Load on `sosoik-cli serve`: N short chat requests from C concurrent clients (plain http.client, one
keep-alive connection per client), reporting requests/s and latency percentiles. Standard library only.

usage: load.py URL [--requests 100] [--clients 8] [--max-tokens 16] [--stream] [--key KEY]
   e.g. sosoik-cli serve -m stories260K.gguf --port 8080 --quiet &  load.py http://127.0.0.1:8080
"""
import argparse
import http.client
import json
import statistics
import threading
import time
import urllib.parse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--requests", type=int, default=100)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--max-tokens", type=int, default=16)
    ap.add_argument("--stream", action="store_true")
    ap.add_argument("--key", default="")
    args = ap.parse_args()
    target = urllib.parse.urlparse(args.url)
    body = json.dumps({"messages": [{"role": "user", "content": "Tell me a short story."}],
                       "max_tokens": args.max_tokens, "temperature": 0, "stream": args.stream})
    headers = {"Content-Type": "application/json"}
    if args.key:
        headers["Authorization"] = "Bearer " + args.key
    lock = threading.Lock()
    remaining = [args.requests]
    latencies, failures, tokens = [], [], [0]

    def client():
        conn = http.client.HTTPConnection(target.hostname, target.port, timeout=300)
        while True:
            with lock:
                if remaining[0] == 0:
                    break
                remaining[0] -= 1
            start = time.perf_counter()
            conn.request("POST", "/v1/chat/completions", body, headers)
            reply = conn.getresponse()
            data = reply.read()
            elapsed = time.perf_counter() - start
            with lock:
                if reply.status != 200:
                    failures.append(reply.status)
                    continue
                latencies.append(elapsed)
                if not args.stream:
                    tokens[0] += json.loads(data)["usage"]["completion_tokens"]
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))] * 1000
    print(f"{len(latencies)} ok, {len(failures)} failed, {args.clients} clients, max_tokens {args.max_tokens}"
          f"{', streamed' if args.stream else ''}")
    print(f"{len(latencies) / wall:.1f} requests/s over {wall:.2f} s; latency p50 {pct(50):.0f} ms, "
          f"p99 {pct(99):.0f} ms, mean {statistics.mean(latencies) * 1000:.0f} ms"
          + (f"; {tokens[0] / wall:.0f} generated tokens/s" if tokens[0] else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
