import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { randomUUID } from "crypto"
import net from "net"
import QRCode from "qrcode"
import { AFFILIATE_MODULE } from "@health/medusa-plugin-affiliate/modules/affiliate"
import { createPublishableKey, registerCustomer } from "../helpers/actors"
import { startWechatStandin } from "../helpers/wechat-standin"

jest.setTimeout(240_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

type Headers = { headers: Record<string, string> }
type Call = {
  scene: string | null
  page: string
  check_path: boolean
  env_version: string
  width: number
  errcode: number
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let standin: Awaited<ReturnType<typeof startWechatStandin>>
    let publishableKey: string
    const noThrow = { validateStatus: () => true }
    const asBytes = { responseType: "arraybuffer" as const, ...noThrow }

    beforeAll(async () => {
      standin = await startWechatStandin()
      process.env.WECHAT_API_BASE = standin.url
      delete process.env.WECHAT_MINIPROGRAM_CODE_ENV
      publishableKey = await createPublishableKey(getContainer())
    })

    afterAll(() => {
      standin?.process.kill()
    })

    const calls = async () =>
      ((await (await fetch(`${standin.url}/__standin/wxacode-calls`)).json()) as { calls: Call[] })
        .calls
    const knob = (path: string, body?: unknown) =>
      fetch(`${standin.url}${path}`, { method: "POST", body: JSON.stringify(body ?? {}) })
    const shareCode = async (member: Headers) =>
      (await api.get("/store/affiliate/me", member)).data.affiliate.code as string
    const miniprogramCode = (member: Headers) =>
      api.get("/store/affiliate/miniprogram-code", { ...member, ...asBytes })
    const json = (data: ArrayBuffer) => JSON.parse(Buffer.from(data).toString("utf8"))

    it("refuses a visitor who is not signed in", async () => {
      const response = await api.get("/store/affiliate/miniprogram-code", {
        headers: { "x-publishable-api-key": publishableKey },
        ...noThrow,
      })
      expect(response.status).toBe(401)
      expect(await calls()).toEqual([])
    })

    it("answers the member's 小程序码 opening the home page with scene ref=<code>, then from the cache", async () => {
      const member = await registerCustomer(api as never, publishableKey, "poster-a@example.com")
      const code = await shareCode(member)

      const first = await miniprogramCode(member)
      expect(first.status).toBe(200)
      expect(first.headers["content-type"]).toBe("image/png")
      expect(first.headers["cache-control"]).toBe("private, max-age=86400")
      const bytes = Buffer.from(first.data)
      expect(bytes.subarray(0, 4).toString("latin1")).toBe("\x89PNG")
      expect(await calls()).toEqual([
        {
          scene: `ref=${code}`,
          page: "pages/index/index",
          check_path: false,
          env_version: "release",
          width: 430,
          errcode: 0,
          at: expect.any(String),
        },
      ])
      // The stand-in's code is a plain QR code of what it was asked to open: the same PNG.
      const drawn = await QRCode.toBuffer(
        `https://standin.weixin/wxa?scene=ref%3D${code}&page=pages%2Findex%2Findex&env_version=release`,
        { type: "png", width: 430, margin: 2 }
      )
      expect(bytes.equals(drawn)).toBe(true)

      const again = await miniprogramCode(member)
      expect(again.status).toBe(200)
      expect(again.headers["content-type"]).toBe("image/png")
      expect(Buffer.from(again.data).equals(bytes)).toBe(true)
      expect(await calls()).toHaveLength(1)
    })

    it("turns WeChat's errcode into a clear 502 and keeps nothing, so the next open asks again", async () => {
      const member = await registerCustomer(api as never, publishableKey, "poster-b@example.com")
      const code = await shareCode(member)
      const before = (await calls()).length

      await knob("/__standin/wxacode/fail", {
        errcode: 45009,
        errmsg: "reach max api minute quota",
      })
      const busy = await miniprogramCode(member)
      expect(busy.status).toBe(502)
      expect(busy.headers["content-type"]).toMatch(/^application\/json/)
      expect(json(busy.data)).toEqual({
        type: "wechat_unavailable",
        message: "生成小程序码过于频繁，请稍后再试",
      })

      await knob("/__standin/wxacode/fail", { errcode: 41030, errmsg: "invalid page" })
      const unpublished = await miniprogramCode(member)
      expect(unpublished.status).toBe(502)
      expect(json(unpublished.data)).toEqual({
        type: "wechat_unavailable",
        message: "小程序页面不存在或小程序尚未发布，暂时无法生成小程序码",
      })

      const drawn = await miniprogramCode(member)
      expect(drawn.status).toBe(200)
      expect(
        (await calls()).slice(before).map((c) => ({ scene: c.scene, errcode: c.errcode }))
      ).toEqual([
        { scene: `ref=${code}`, errcode: 45009 },
        { scene: `ref=${code}`, errcode: 41030 },
        { scene: `ref=${code}`, errcode: 0 },
      ])
    })

    it("fetches a new access token when WeChat says it expired (42001) and still draws the code", async () => {
      // Another member, so the cache cannot answer; the token is already cached by then.
      const member = await registerCustomer(api as never, publishableKey, "poster-c@example.com")
      const code = await shareCode(member)
      const before = (await calls()).length
      await knob("/__standin/stable-token/expire")

      const response = await miniprogramCode(member)
      expect(response.status).toBe(200)
      expect(
        (await calls()).slice(before).map((c) => ({ scene: c.scene, errcode: c.errcode }))
      ).toEqual([
        { scene: `ref=${code}`, errcode: 42001 },
        { scene: `ref=${code}`, errcode: 0 },
      ])
    })

    it("opens the version WECHAT_MINIPROGRAM_CODE_ENV names (trial), cached apart from release", async () => {
      const member = await registerCustomer(api as never, publishableKey, "poster-d@example.com")
      expect((await miniprogramCode(member)).status).toBe(200)
      process.env.WECHAT_MINIPROGRAM_CODE_ENV = "trial"
      try {
        expect((await miniprogramCode(member)).status).toBe(200)
      } finally {
        delete process.env.WECHAT_MINIPROGRAM_CODE_ENV
      }
      expect((await calls()).slice(-2).map((c) => c.env_version)).toEqual(["release", "trial"])
    })

    it("says the version setting is wrong when WECHAT_MINIPROGRAM_CODE_ENV is not one WeChat knows", async () => {
      const member = await registerCustomer(api as never, publishableKey, "poster-g@example.com")
      process.env.WECHAT_MINIPROGRAM_CODE_ENV = "beta"
      try {
        const response = await miniprogramCode(member)
        expect(response.status).toBe(502)
        expect(json(response.data)).toEqual({
          type: "wechat_unavailable",
          message: "小程序码参数有误（版本设置），请联系客服",
        })
      } finally {
        delete process.env.WECHAT_MINIPROGRAM_CODE_ENV
      }
      expect((await calls()).slice(-1).map((c) => [c.env_version, c.errcode])).toEqual([
        ["beta", 40097],
      ])
    })

    it("refuses a member whose share code was disabled, without asking WeChat", async () => {
      const member = await registerCustomer(api as never, publishableKey, "poster-e@example.com")
      const code = await shareCode(member)
      const affiliates = getContainer().resolve(AFFILIATE_MODULE) as {
        affiliateByCode(code: string): Promise<{ id: string }>
        updateAffiliates(data: { id: string; status: string }): Promise<unknown>
      }
      const affiliate = await affiliates.affiliateByCode(code)
      await affiliates.updateAffiliates({ id: affiliate.id, status: "disabled" })
      const before = (await calls()).length

      const response = await miniprogramCode(member)
      expect(response.status).toBe(400)
      expect(json(response.data)).toMatchObject({
        type: "not_allowed",
        message: "您的推荐码已停用，不能生成小程序码",
      })
      expect(await calls()).toHaveLength(before)
    })

    it("answers 502 in Chinese when WeChat cannot be reached", async () => {
      const member = await registerCustomer(api as never, publishableKey, "poster-f@example.com")
      // A port nobody listens on any more.
      const closed = net.createServer()
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve))
      const { port } = closed.address() as net.AddressInfo
      await new Promise((resolve) => closed.close(resolve))
      process.env.WECHAT_API_BASE = `http://127.0.0.1:${port}`
      try {
        const response = await miniprogramCode(member)
        expect(response.status).toBe(502)
        expect(json(response.data)).toEqual({
          type: "wechat_unavailable",
          message: "暂时连接不上微信，请稍后再试",
        })
      } finally {
        process.env.WECHAT_API_BASE = standin.url
      }
    })
  },
})
