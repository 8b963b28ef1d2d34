/**
 * A bounded closed-loop load: `concurrency` clients send requests back to back for
 * `seconds`, to loopback only. Returns requests per second and latency percentiles.
 */
export async function measure(url, { seconds = 5, concurrency = 8, headers = {} } = {}) {
  const target = new URL(url)
  if (!["localhost", "127.0.0.1", "[::1]"].includes(target.hostname)) {
    throw new Error(`benchmarks only target this machine, not ${target.hostname}`)
  }
  const latencies = []
  let errors = 0
  const deadline = Date.now() + seconds * 1000
  const client = async () => {
    while (Date.now() < deadline) {
      const started = performance.now()
      try {
        const response = await fetch(target, { headers })
        await response.arrayBuffer()
        if (!response.ok) errors++
      } catch {
        errors++
      }
      latencies.push(performance.now() - started)
    }
  }
  const began = performance.now()
  await Promise.all(Array.from({ length: concurrency }, client))
  const elapsed = (performance.now() - began) / 1000
  latencies.sort((a, b) => a - b)
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: pct(50),
    p95: pct(95),
  }
}
