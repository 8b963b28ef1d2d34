import { ApiError, createCommerceClient } from "@health/core"
import { taroFetch } from "../src/lib/taro-fetch"
import { MiniAbortSignal } from "../src/lib/abort-signal"
import { calls, fakeBackend, region } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

const client = createCommerceClient({
  baseUrl: "http://commerce.test",
  publishableKey: "pk_test",
  fetch: taroFetch,
})

beforeEach(() => stand.reset())

describe("taroFetch: storefront/core on Taro.request", () => {
  it("sends core's method, headers and JSON body, and hands back the text for core to parse", async () => {
    fakeBackend({
      "POST /store/carts": ({ body }: { body: unknown }) => ({
        body: { cart: { id: "cart_1", body } },
      }),
    })
    const cart = await client.createCart("reg_cn")
    expect(cart).toEqual({ id: "cart_1", body: { region_id: "reg_cn" } })
    const [request] = stand.requests
    expect(request.method).toBe("POST")
    expect(request.header).toMatchObject({
      "x-publishable-api-key": "pk_test",
      "content-type": "application/json",
    })
    expect((request as { dataType?: string }).dataType).toBe("text")
  })

  it("turns a refusal into core's ApiError with commerce's Chinese message", async () => {
    fakeBackend({
      "GET /store/regions": () => ({
        status: 400,
        body: { type: "invalid_data", message: "参数错误" },
      }),
    })
    const error = await client.getRegion().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, message: "参数错误", type: "invalid_data" })
  })

  it("reads a JSON object the runtime already parsed", async () => {
    stand.handler = () => ({ statusCode: 200, data: { regions: [region] } })
    // The stand-in stringifies; a real runtime may hand back an object for JSON answers.
    const response = await taroFetch("http://commerce.test/store/regions")
    expect(await response.json()).toEqual({ regions: [region] })
    expect(calls()).toEqual(["GET /store/regions"])
  })

  it("refuses to start a request whose signal already fired", async () => {
    const signal = new MiniAbortSignal()
    signal.abort()
    await expect(
      taroFetch("http://cms.test/api/articles", { signal: signal as unknown as AbortSignal })
    ).rejects.toThrow("请求已取消")
    expect(stand.requests).toHaveLength(0)
  })
})

describe("MiniAbortSignal (weapp has no AbortSignal)", () => {
  it("fires its listeners once when the timeout passes", () => {
    jest.useFakeTimers()
    const signal = MiniAbortSignal.timeout(5000)
    const heard = jest.fn()
    signal.addEventListener("abort", heard)
    jest.advanceTimersByTime(4999)
    expect(heard).not.toHaveBeenCalled()
    jest.advanceTimersByTime(1)
    signal.abort()
    expect(heard).toHaveBeenCalledTimes(1)
    expect(signal.aborted).toBe(true)
    jest.useRealTimers()
  })
})
