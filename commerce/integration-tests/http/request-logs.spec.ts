import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import { adminHeaders } from "../helpers/actors"

jest.setTimeout(180_000)

// Production's format, and the info level at which request lines are written.
process.env.LOG_FORMAT = "json"
process.env.LOG_LEVEL = "info"
process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

const PHONE = "13812345678"

/** Every line the app writes to standard output while a test runs, parsed where JSON. */
function captureLogLines() {
  const lines: string[] = []
  const spy = jest.spyOn(process.stdout, "write").mockImplementation(((chunk: unknown) => {
    lines.push(...String(chunk).split("\n").filter(Boolean))
    return true
  }) as never)
  return {
    lines,
    json: () =>
      lines.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, any>]
        } catch {
          return []
        }
      }),
    stop: () => spy.mockRestore(),
  }
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const noThrow = { validateStatus: () => true }
    let capture: ReturnType<typeof captureLogLines>

    beforeEach(() => {
      capture = captureLogLines()
    })
    afterEach(() => capture.stop())

    /** Request lines are written when the response finishes, right after the client has it. */
    const requestLine = async (requestId: string) => {
      for (let i = 0; i < 40; i++) {
        const line = capture.json().find((l) => l.type === "request" && l.request_id === requestId)
        if (line) return line
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error(`no request line for ${requestId}: ${capture.lines.join("\n")}`)
    }

    it("writes one JSON line per request with the proxy's request id, route, status and duration", async () => {
      // The liveness probe: readiness answers 503 when Postgres or Redis takes over 2 s (it did once
      // in a full npm test run on a busy machine), and a failed probe is logged.
      const response = await api.get("/health/live", {
        ...noThrow,
        headers: { "x-request-id": "proxy-7f3a9c21" },
      })
      expect(response.status).toBe(200)
      expect(response.headers["x-request-id"]).toBe("proxy-7f3a9c21")
      // Successful probes are not logged; an unknown route is, with no pattern.
      const unknown = await api.get("/hooks/no-such-route", {
        ...noThrow,
        headers: { "x-request-id": "proxy-8e4b0d32" },
      })
      expect(unknown.status).toBe(404)
      const line = await requestLine("proxy-8e4b0d32")
      expect(line).toMatchObject({
        level: "info",
        type: "request",
        method: "GET",
        route: null,
        path: "/hooks/no-such-route",
        status: 404,
      })
      expect(typeof line.duration_ms).toBe("number")
      expect(Date.parse(line.time)).not.toBeNaN()
      expect(capture.json().some((l) => l.request_id === "proxy-7f3a9c21")).toBe(false)
    })

    it("names the matched route pattern, not the requested spelling", async () => {
      const admin = await adminHeaders(getContainer(), api as never, "logs@staff.local")
      const response = await api.get("/admin/access/ROLES/", {
        ...admin,
        ...noThrow,
        headers: { ...admin.headers, "x-request-id": "proxy-9a5c1e43" },
      })
      expect(response.status).toBe(200)
      const line = await requestLine("proxy-9a5c1e43")
      expect(line.route).toBe("/admin/access/roles")
      expect(line.status).toBe(200)
    })

    it("replaces a request id that could forge log lines with its own, and echoes it", async () => {
      const response = await api.get("/hooks/no-such-route", {
        ...noThrow,
        headers: { "x-request-id": 'x" , "level": "error' },
      })
      const id = response.headers["x-request-id"]
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      await requestLine(id)
    })

    it("masks a phone number sent in the path, the query and the body", async () => {
      const response = await api.post(
        `/hooks/members/${PHONE}?phone=${PHONE}&name=%E5%BC%A0%E4%B8%89`,
        { phone: PHONE, first_name: "张三" },
        { ...noThrow, headers: { "x-request-id": "proxy-phone-0001" } }
      )
      expect(response.status).toBeGreaterThanOrEqual(400)
      const line = await requestLine("proxy-phone-0001")
      expect(line.path).toBe("/hooks/members/[phone]")
      const everything = capture.lines.join("\n")
      expect(everything).not.toContain(PHONE)
      expect(everything).not.toContain("张三")
    })

    it("masks personal data and adds the request id in what code logs while serving a request", async () => {
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
      logger.warn(`sms to ${PHONE} for 11010519491231002X (wang@example.com) failed`)
      logger.error("lookup failed", new Error(`customer ${PHONE} not found`))
      const lines = capture.json()
      const warn = lines.find((l) => l.level === "warn" && l.message.startsWith("sms to"))!
      const error = lines.find((l) => l.level === "error" && l.message === "lookup failed")!
      expect(warn.message).toBe("sms to [phone] for [id-number] ([email]) failed")
      expect(error.error.message).toBe("customer [phone] not found")
      expect(capture.lines.join("\n")).not.toContain(PHONE)

      // A staff member without a role is refused: the guard's warning carries the request id.
      const nobody = await adminHeaders(getContainer(), api as never, "nobody@staff.local", [])
      await api.get("/admin/access/roles", {
        ...noThrow,
        headers: { ...nobody.headers, "x-request-id": "proxy-denied-0001" },
      })
      await requestLine("proxy-denied-0001")
      const denied = capture
        .json()
        .find((l) => l.level === "warn" && String(l.message).startsWith("access denied"))
      expect(denied?.request_id).toBe("proxy-denied-0001")
    })
  },
})
