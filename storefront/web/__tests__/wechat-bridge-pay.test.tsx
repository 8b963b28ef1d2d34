import { act, fireEvent, render, screen } from "@testing-library/react"
import { WechatBridgePay } from "@/components/checkout/wechat-bridge-pay"

const params = {
  appId: "wx7777777777777777",
  timeStamp: "1764600000",
  nonceStr: "n0nce",
  package: "prepay_id=wx201",
  signType: "RSA",
  paySign: "c2lnbg==",
}

describe("WechatBridgePay", () => {
  afterEach(() => {
    delete window.WeixinJSBridge
    jest.useRealTimers()
  })

  it("opens WeChat Pay with the signed parameters once WeChat's bridge is ready, and again from the button", async () => {
    jest.useFakeTimers()
    const outcomes = ["get_brand_wcpay_request:cancel", "get_brand_wcpay_request:ok"]
    const invoke = jest.fn((_name: string, _params: object, done: (r: object) => void) =>
      done({ err_msg: outcomes.shift() })
    )
    render(<WechatBridgePay params={params} />)
    expect(invoke).not.toHaveBeenCalled()

    // WeChat injects the bridge after the page loads.
    window.WeixinJSBridge = { invoke }
    await act(async () => document.dispatchEvent(new Event("WeixinJSBridgeReady")))
    expect(invoke).toHaveBeenCalledWith("getBrandWCPayRequest", params, expect.any(Function))
    expect(screen.getByRole("status").textContent).toBe("已取消支付，可再次点击付款")

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "微信支付" })))
    expect(invoke).toHaveBeenCalledTimes(2)
    expect(screen.getByRole("status").textContent).toBe("支付完成，正在确认结果…")
  })

  it("says to open the page in WeChat when no bridge ever comes", async () => {
    jest.useFakeTimers()
    render(<WechatBridgePay params={params} />)
    await act(async () => jest.advanceTimersByTime(3000))
    expect(screen.getByRole("status").textContent).toBe("请在微信中打开本页完成支付")
  })
})
