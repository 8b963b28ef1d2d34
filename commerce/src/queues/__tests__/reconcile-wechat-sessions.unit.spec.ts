import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileWechatSessions } from "../payments-queue"

/** A container whose query finds `sessions` pending WeChat Pay sessions. */
function containerWith(sessions: unknown[]): MedusaContainer {
  const services: Record<string, unknown> = {
    [ContainerRegistrationKeys.QUERY]: { graph: async () => ({ data: sessions }) },
    [Modules.PAYMENT]: {},
    [ContainerRegistrationKeys.LOGGER]: { info() {}, warn() {}, error() {} },
  }
  return { resolve: (key: string) => services[key] } as unknown as MedusaContainer
}

describe("reconcileWechatSessions", () => {
  const saved = { ...process.env }
  beforeEach(() => {
    for (const name of Object.keys(process.env)) {
      if (name.startsWith("WECHATPAY_")) delete process.env[name]
    }
  })
  afterAll(() => {
    process.env = saved
  })

  it("does nothing, without failing, in a shop where WeChat Pay is off and no session waits", async () => {
    await expect(reconcileWechatSessions(containerWith([]))).resolves.toEqual({
      recovered: [],
      closed: [],
      refunded: [],
      noticed: [],
    })
  })

  it("still names the missing merchant settings when a WeChat Pay session does wait", async () => {
    const expired = {
      id: "payses_1",
      status: "pending",
      data: { time_expire: "2026-01-01T00:00:00+08:00", out_trade_no: "T1" },
      payment_collection: { cart: null },
    }
    await expect(reconcileWechatSessions(containerWith([expired]))).rejects.toThrow(/WECHATPAY_/)
  })
})
