import { requestMerchantTransfer } from "../src/lib/merchant-transfer"

type Global = typeof globalThis & { WeixinJSBridge?: unknown }
const transfer = { mch_id: "1900000109", app_id: "wx8888888888888888", package: "pkg_1" }
const realAgent = navigator.userAgent

const useAgent = (agent: string) =>
  Object.defineProperty(window.navigator, "userAgent", { value: agent, configurable: true })

beforeEach(() => {
  process.env.TARO_ENV = "h5"
  delete (globalThis as Global).WeixinJSBridge
})
afterEach(() => {
  useAgent(realAgent)
  jest.useRealTimers()
})

describe("requestMerchantTransfer in WeChat's browser", () => {
  it("waits for WeChat to inject its bridge, then opens 确认收款 with it", async () => {
    useAgent("Mozilla/5.0 (iPhone) MicroMessenger/8.0.50 NetType/WIFI Language/zh_CN")
    const invoked: unknown[] = []
    const opening = requestMerchantTransfer(transfer)
    ;(globalThis as Global).WeixinJSBridge = {
      invoke(name: string, params: unknown, done: (r: object) => void) {
        invoked.push([name, params])
        done({ err_msg: "requestMerchantTransfer:ok" })
      },
    }
    document.dispatchEvent(new Event("WeixinJSBridgeReady"))
    expect(await opening).toEqual({ state: "confirmed", message: "已确认收款，正在等待到账…" })
    expect(invoked).toEqual([
      [
        "requestMerchantTransfer",
        { mchId: "1900000109", appId: "wx8888888888888888", package: "pkg_1" },
      ],
    ])
  })

  it("gives up after three seconds when the bridge never comes", async () => {
    jest.useFakeTimers()
    useAgent("Mozilla/5.0 (iPhone) MicroMessenger/8.0.50")
    const opening = requestMerchantTransfer(transfer)
    jest.advanceTimersByTime(3000)
    expect(await opening).toEqual({
      state: "unavailable",
      message: "请在微信中打开小程序确认收款",
    })
  })

  it("reads anything but ok or cancel as a failure", async () => {
    ;(globalThis as Global).WeixinJSBridge = {
      invoke: (_name: string, _params: unknown, done: (r: object) => void) =>
        done({ err_msg: "requestMerchantTransfer:fail" }),
    }
    expect(await requestMerchantTransfer(transfer)).toEqual({
      state: "failed",
      message: "确认收款未完成，请稍后重试",
    })
  })
})
