import { randomUUID } from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"
import QRCode from "qrcode"
import { startWechatStandin } from "../../../../integration-tests/helpers/wechat-standin"
import { closeSharedTokenCache } from "../token-cache"
import { getUnlimitedCode, type UnlimitedCodeRequest } from "../unlimited-code"
import { WechatApiError } from "../wechat-api"

// Tokens are kept in Redis: this run's keys, apart from every other run's.
process.env.QUEUE_PREFIX = `test-${randomUUID()}`
jest.setTimeout(30_000)
afterAll(closeSharedTokenCache)

type Call = { scene: string | null; page: string; errcode: number; width: number }

const request = (overrides: Partial<UnlimitedCodeRequest> = {}): UnlimitedCodeRequest => ({
  scene: "ref=ABC2345",
  page: "pages/index/index",
  check_path: false,
  env_version: "release",
  width: 430,
  ...overrides,
})

describe("小程序码 through POST /wxa/getwxacodeunlimit (against the local stand-in)", () => {
  let standin: Awaited<ReturnType<typeof startWechatStandin>>
  let config: { apiBase: string; appid: string; secret: string }

  // A fresh stand-in (and port) per test, so no token cached by an earlier test applies.
  beforeEach(async () => {
    standin = await startWechatStandin()
    config = { apiBase: standin.url, appid: "wx-dev-appid", secret: "wx-dev-secret" }
  })

  afterEach(() => {
    standin.process.kill()
  })

  const standin$ = async <T>(path: string, method = "GET", body?: unknown): Promise<T> =>
    (
      await fetch(`${standin.url}${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    ).json() as Promise<T>
  const calls = async () =>
    (await standin$<{ calls: Call[] }>("/__standin/wxacode-calls")).calls.map(
      ({ scene, page, errcode, width }) => ({ scene, page, errcode, width })
    )
  const refusal = async (overrides: Partial<UnlimitedCodeRequest>) => {
    const error = await getUnlimitedCode(request(overrides), config).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WechatApiError)
    return (error as WechatApiError).errcode
  }

  it("answers the PNG of a QR code that names the scene and page it opens", async () => {
    const image = await getUnlimitedCode(request(), config)
    expect(image.mime_type).toBe("image/png")
    expect(image.bytes.subarray(0, 4).toString("latin1")).toBe("\x89PNG")
    // The stand-in draws https://standin.weixin/wxa?…: the very same PNG, byte for byte.
    const expected = await QRCode.toBuffer(
      "https://standin.weixin/wxa?scene=ref%3DABC2345&page=pages%2Findex%2Findex&env_version=release",
      { type: "png", width: 430, margin: 2 }
    )
    expect(image.bytes.equals(expected)).toBe(true)
    expect(await calls()).toEqual([
      { scene: "ref=ABC2345", page: "pages/index/index", errcode: 0, width: 430 },
    ])
  })

  it("refuses what WeChat refuses: scene length and characters, page form, unpublished pages, version", async () => {
    expect(await refusal({ scene: "ref=" + "A".repeat(29) })).toBe(40169)
    expect(await refusal({ scene: "" })).toBe(40169)
    expect(await refusal({ scene: "ref=推荐" })).toBe(40129)
    expect(await refusal({ scene: "ref=ABC 2345" })).toBe(40129)
    expect(await refusal({ page: "/pages/index/index" })).toBe(41030)
    expect(await refusal({ page: "pages/index/index?ref=ABC2345" })).toBe(41030)
    expect(await refusal({ check_path: true })).toBe(41030)
    expect(await refusal({ env_version: "beta" as never })).toBe(40097)
    // 32 characters exactly is still a scene.
    await expect(
      getUnlimitedCode(request({ scene: "ref=" + "A".repeat(28) }), config)
    ).resolves.toMatchObject({ mime_type: "image/png" })
    expect((await calls()).map((c) => c.errcode)).toEqual([
      40169, 40169, 40129, 40129, 41030, 41030, 41030, 40097, 0,
    ])
  })

  it("fetches a new token after an expired one (42001) and draws the code on the second try", async () => {
    await getUnlimitedCode(request(), config)
    await standin$("/__standin/stable-token/expire", "POST")
    const image = await getUnlimitedCode(request({ scene: "ref=XYZ7777" }), config)
    expect(image.mime_type).toBe("image/png")
    expect((await calls()).map((c) => [c.scene, c.errcode])).toEqual([
      ["ref=ABC2345", 0],
      ["ref=XYZ7777", 42001],
      ["ref=XYZ7777", 0],
    ])
  })

  it("forces a token refresh only when WeChat refuses the very token stable_token hands out (40001)", async () => {
    await getUnlimitedCode(request(), config)
    await standin$("/__standin/stable-token/refuse", "POST")
    await getUnlimitedCode(request(), config)
    const tokenCalls = await standin$<{ calls: { force_refresh: boolean }[] }>(
      "/__standin/stable-token-calls"
    )
    expect(tokenCalls.calls.map((c) => c.force_refresh)).toEqual([false, false, true])
    expect((await calls()).map((c) => c.errcode)).toEqual([0, 40001, 0])
  })

  it("reports WeChat's errcode without retrying when the token was fine", async () => {
    await standin$("/__standin/wxacode/fail", "POST", { errcode: 45009, errmsg: "reach max" })
    const error = await getUnlimitedCode(request(), config).catch((e: unknown) => e)
    expect(error).toMatchObject({ errcode: 45009, message: "WeChat API error 45009: reach max" })
    expect((await calls()).map((c) => c.errcode)).toEqual([45009])
    // The knob fails one call only.
    await expect(getUnlimitedCode(request(), config)).resolves.toMatchObject({
      mime_type: "image/png",
    })
  })

  it("treats an answer that is neither an image nor WeChat's JSON as errcode -1", async () => {
    // A proxy in front of WeChat answering its own HTML page; the token comes from the stand-in.
    const proxy = http.createServer(async (req, res) => {
      if (req.url?.startsWith("/cgi-bin/")) {
        let body = ""
        for await (const chunk of req) body += chunk
        const answer = await fetch(`${standin.url}${req.url}`, { method: req.method, body })
        return void res.end(await answer.text())
      }
      res.statusCode = 504
      res.setHeader("content-type", "text/html")
      res.end("<html><body>Gateway Timeout</body></html>")
    })
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve))
    const { port } = proxy.address() as AddressInfo
    try {
      const error = await getUnlimitedCode(request(), {
        ...config,
        apiBase: `http://127.0.0.1:${port}`,
      }).catch((e: unknown) => e)
      expect(error).toMatchObject({
        errcode: -1,
        message: "WeChat API error -1: unexpected answer (HTTP 504)",
      })
    } finally {
      proxy.close()
    }
  })
})
