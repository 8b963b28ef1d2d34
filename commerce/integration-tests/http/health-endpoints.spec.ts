import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import { createServer, Socket, type Server } from "net"
import { eventually } from "../helpers/eventually"
import { freePortSync } from "../helpers/free-port"

jest.setTimeout(180_000)

/**
 * A TCP hop between the app and the real Redis, so a test can take Redis away for real
 * (drop every connection through it and refuse new ones) and bring it back. The hop keeps its
 * port while Redis is "gone": a released port could be taken by another spec file meanwhile.
 */
class RedisHop {
  private server: Server | undefined
  private readonly sockets = new Set<Socket>()
  private cut = false

  constructor(
    private readonly target = new URL(process.env.REDIS_URL || "redis://127.0.0.1:6379")
  ) {}

  async listen(port: number) {
    this.server = createServer((client) => {
      if (this.cut) return void client.destroy()
      const upstream = new Socket()
      upstream.connect(Number(this.target.port || 6379), this.target.hostname)
      for (const socket of [client, upstream]) {
        this.sockets.add(socket)
        socket.on("close", () => this.sockets.delete(socket))
        socket.on("error", () => socket.destroy())
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject)
      this.server!.listen(port, "127.0.0.1", resolve)
    })
  }

  /** Redis is gone: every open connection drops and new ones are closed at once. */
  takeAway() {
    this.cut = true
    for (const socket of this.sockets) socket.destroy()
  }

  bringBack() {
    this.cut = false
  }

  async close() {
    this.takeAway()
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve()
    )
  }
}

const hop = new RedisHop()
// The app reads REDIS_URL when it loads its config: the hop's port is fixed up front, chosen by
// the OS (a random port in 20000-40000 could already be taken and failed CI's run).
const HOP_PORT = freePortSync()
process.env.REDIS_URL = `redis://127.0.0.1:${HOP_PORT}`
process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
// A server instance, as behind the load balancer: no queue workers or schedules. A scheduled
// job caught mid-flight when Redis goes away may never finish, and the runner's afterEach waits
// for every workflow execution (CI timed out on that hook after 180 s).
process.env.MEDUSA_WORKER_MODE = "server"

// Registered before the runner's own hooks, so the hop is up before the app connects.
beforeAll(() => hop.listen(HOP_PORT))
afterAll(() => hop.close())

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api }) => {
    const noThrow = { validateStatus: () => true }
    type Answer = { status: number; data: any }
    const ready = (timeout = 10_000): Promise<Answer> =>
      api.get("/health/ready", { ...noThrow, timeout })

    it("answers liveness without credentials, with no dependency checked", async () => {
      const live = await api.get("/health/live", noThrow)
      expect(live.status).toBe(200)
      expect(live.data).toEqual({ status: "ok" })
      expect(live.headers["cache-control"]).toBe("no-store")
    })

    it("is ready when Postgres, Redis and the Redis event bus answer", async () => {
      const ready = await api.get("/health/ready", noThrow)
      expect(ready.status).toBe(200)
      expect(ready.data).toEqual({
        status: "ok",
        checks: { database: "ok", redis: "ok", event_bus: "ok" },
      })
    })

    it("answers 503 naming Redis while it is gone, without details, and recovers", async () => {
      hop.takeAway()
      try {
        const down = await eventually(ready, (response) => response.status === 503)
        expect(down.data.status).toBe("unavailable")
        expect(down.data.checks.database).toBe("ok")
        expect(down.data.checks.redis).toBe("down")
        // The body names the dependency, never hosts, ports or errors.
        expect(JSON.stringify(down.data)).not.toMatch(/127\.0\.0\.1|6379|ECONN|redis:\/\//i)
        // Liveness stays up: the process is fine, only a dependency is not.
        expect((await api.get("/health/live", noThrow)).status).toBe(200)
      } finally {
        hop.bringBack()
      }
      await eventually(ready, (response) => response.status === 200)
    })
  },
})
