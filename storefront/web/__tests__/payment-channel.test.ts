import { paymentChannelFor } from "@/lib/payment-channel"

describe("paymentChannelFor", () => {
  it("uses H5 in mobile browsers, a QR code on PC and inside WeChat", () => {
    expect(
      paymentChannelFor(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
      )
    ).toBe("h5")
    expect(paymentChannelFor("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36")).toBe(
      "h5"
    )
    expect(
      paymentChannelFor("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130")
    ).toBe("native")
    expect(
      paymentChannelFor("Mozilla/5.0 (iPhone) Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI")
    ).toBe("native")
  })
})
