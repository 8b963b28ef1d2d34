import { randomUUID } from "node:crypto"
import { startWechatStandin } from "../../../../integration-tests/helpers/wechat-standin"
import { closeSharedTokenCache } from "../token-cache"
import { WechatApiError } from "../wechat-api"
import { sendSubscribeMessage, WECHAT_NOT_SUBSCRIBED } from "../subscribe-message"

type SubscribeModule = typeof import("../subscribe-message")
type TokenCacheModule = typeof import("../token-cache")
type Sent = { touser: string; template_id: string; data: Record<string, { value: string }> }

// Tokens are kept in Redis: this run's keys, apart from every other run's.
process.env.QUEUE_PREFIX = `test-${randomUUID()}`
jest.setTimeout(30_000)
afterAll(closeSharedTokenCache)

const message = (touser: string) => ({
  touser,
  template_id: "dev-article-template",
  page: "pages/index/index",
  data: { thing1: { value: "气虚质怎么调" } },
})

describe("WeChat subscribe messages with a stable access_token (against the local stand-in)", () => {
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

  const standin$ = async <T>(path: string, method = "GET"): Promise<T> =>
    (await (await fetch(`${standin.url}${path}`, { method })).json()) as T
  const tokenCalls = async () =>
    (await standin$<{ calls: { force_refresh: boolean }[] }>("/__standin/stable-token-calls")).calls
  const sent = async () =>
    (await standin$<{ messages: Sent[] }>("/__standin/subscribe-messages")).messages

  it("asks POST /cgi-bin/stable_token once and reuses the token for later messages", async () => {
    await sendSubscribeMessage(message("o-member-1"), config)
    await sendSubscribeMessage(message("o-member-2"), config)
    expect(await tokenCalls()).toEqual([{ force_refresh: false, at: expect.any(String) }])
    expect((await sent()).map((m) => m.touser)).toEqual(["o-member-1", "o-member-2"])
  })

  it("lets two processes share one token through Redis", async () => {
    // A second copy of the modules has its own Redis connection: what another worker process would have.
    let other: SubscribeModule | undefined
    let otherCache: TokenCacheModule | undefined
    jest.isolateModules(() => {
      other = jest.requireActual<SubscribeModule>("../subscribe-message")
      otherCache = jest.requireActual<TokenCacheModule>("../token-cache")
    })
    try {
      await sendSubscribeMessage(message("o-first"), config)
      await other!.sendSubscribeMessage(message("o-second"), config)
      await sendSubscribeMessage(message("o-third"), config)
    } finally {
      await otherCache!.closeSharedTokenCache()
    }
    // The second process found the first one's token in Redis and asked WeChat for none.
    expect(await tokenCalls()).toEqual([{ force_refresh: false, at: expect.any(String) }])
    expect((await sent()).map((m) => m.touser)).toEqual(["o-first", "o-second", "o-third"])
  })

  it("fetches the renewed token without forcing a refresh after WeChat rotated it (40001)", async () => {
    await sendSubscribeMessage(message("o-before"), config)
    await standin$("/__standin/stable-token/rotate", "POST")
    await sendSubscribeMessage(message("o-after"), config)
    expect((await tokenCalls()).map((c) => c.force_refresh)).toEqual([false, false])
    expect((await sent()).map((m) => m.touser)).toEqual(["o-before", "o-after"])
  })

  it("fetches a new token after an expired one (42001)", async () => {
    await sendSubscribeMessage(message("o-before"), config)
    await standin$("/__standin/stable-token/expire", "POST")
    await sendSubscribeMessage(message("o-after"), config)
    expect((await tokenCalls()).map((c) => c.force_refresh)).toEqual([false, false])
    expect((await sent()).map((m) => m.touser)).toEqual(["o-before", "o-after"])
  })

  it("forces a refresh only when WeChat refuses the very token stable_token hands out", async () => {
    await sendSubscribeMessage(message("o-before"), config)
    await standin$("/__standin/stable-token/refuse", "POST")
    await sendSubscribeMessage(message("o-after"), config)
    expect((await tokenCalls()).map((c) => c.force_refresh)).toEqual([false, false, true])
    expect((await sent()).map((m) => m.touser)).toEqual(["o-before", "o-after"])
    // The forced token is cached again: the next message needs no token call.
    await sendSubscribeMessage(message("o-later"), config)
    expect(await tokenCalls()).toHaveLength(3)
  })

  it("reports a member who has not subscribed to the template as errcode 43101", async () => {
    const refused = sendSubscribeMessage(message("o-unsubscribed-1"), config)
    await expect(refused).rejects.toBeInstanceOf(WechatApiError)
    await expect(refused).rejects.toMatchObject({ errcode: WECHAT_NOT_SUBSCRIBED })
    expect(await sent()).toEqual([])
  })

  it("surfaces a wrong app secret as the API's error", async () => {
    const wrong = sendSubscribeMessage(message("o-member"), { ...config, secret: "nope" })
    await expect(wrong).rejects.toMatchObject({ errcode: 40125 })
  })
})
