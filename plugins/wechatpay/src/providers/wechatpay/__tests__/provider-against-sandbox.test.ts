import { mkdtempSync } from "fs"
import http from "http"
import type { AddressInfo } from "net"
import { tmpdir } from "os"
import path from "path"
import { WechatpayClient } from "../../../lib/client"
import { resolveWechatpayConfig } from "../../../lib/config"
import { queryRefund, readRefundNotification, unplacedRefundNoFor } from "../../../lib/refunds"
import { authorizationHeader } from "../../../lib/signature"
import { startSandbox, type Sandbox } from "../../../sandbox/server"
import { WechatpayProviderService, type WechatpaySessionData } from "../service"

jest.setTimeout(30_000)

type Callback = { headers: http.IncomingHttpHeaders; body: string }

describe("the WeChat Pay provider against the protocol-true sandbox", () => {
  let sandbox: Sandbox
  let shop: http.Server
  let provider: WechatpayProviderService
  const callbacks: Callback[] = []
  let shopStatus = 204

  beforeAll(async () => {
    shop = http.createServer((req, res) => {
      let body = ""
      req.on("data", (chunk) => (body += chunk))
      req.on("end", () => {
        callbacks.push({ headers: req.headers, body })
        res.writeHead(shopStatus)
        res.end()
      })
    })
    await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve))
    const notifyUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/hooks/payment/wechatpay_wechatpay`
    sandbox = await startSandbox({
      port: 0,
      dataDir: mkdtempSync(path.join(tmpdir(), "wxsandbox-")),
      timeScale: 0.001,
    })
    const env = { ...sandbox.providerEnv, WECHATPAY_NOTIFY_URL: notifyUrl }
    Object.assign(process.env, env)
    provider = new WechatpayProviderService({}, {})
  })

  afterAll(async () => {
    await sandbox?.close()
    await new Promise((resolve) => shop?.close(resolve))
  })

  const session = (n: number) => `payses_01JD8X6Z3K9QWERTYASDFGH${String(n).padStart(3, "0")}`
  const initiate = async (
    n: number,
    channel: string,
    extra: Record<string, unknown> = {},
    amount: unknown = 699
  ) =>
    provider.initiatePayment({
      amount: amount as number,
      currency_code: "cny",
      data: { session_id: session(n), channel, ...extra },
    })

  const waitForCallback = async (count: number) => {
    for (let i = 0; i < 100 && callbacks.length < count; i++)
      await new Promise((r) => setTimeout(r, 50))
    expect(callbacks.length).toBeGreaterThanOrEqual(count)
    return callbacks[count - 1]
  }

  it("creates a Native order with a QR code URL, pending until the buyer pays, then captured", async () => {
    const created = await initiate(1, "native")
    const data = created.data as WechatpaySessionData
    expect(created).toMatchObject({ id: "PS01JD8X6Z3K9QWERTYASDFGH001", status: "pending" })
    expect(data).toMatchObject({ channel: "native", total: 69900, out_trade_no: created.id })
    expect(data.code_url).toBe(`${sandbox.url}/pay/${created.id}`)
    expect(data.time_expire).toMatch(/\+08:00$/)
    expect(data.payment_action).toEqual({
      kind: "qr_code",
      code_url: data.code_url,
      expires_at: new Date(data.time_expire).toISOString(),
    })

    expect((await provider.getPaymentStatus({ data: created.data })).status).toBe("pending")
    await sandbox.pay(created.id)
    const authorized = await provider.authorizePayment({ data: created.data })
    expect(authorized.status).toBe("captured")
    expect(authorized.data).toMatchObject({
      trade_state: "SUCCESS",
      transaction_id: expect.any(String),
    })
    await expect(provider.capturePayment({ data: authorized.data })).resolves.toBeDefined()
  })

  it("turns the signed, encrypted TRANSACTION.SUCCESS callback into a captured action for the session", async () => {
    const created = await initiate(2, "native", {}, "19.99")
    await sandbox.pay(created.id)
    const callback = await waitForCallback(2)
    const result = await provider.getWebhookActionAndData({
      data: JSON.parse(callback.body),
      rawData: callback.body,
      headers: callback.headers,
    })
    expect(result).toEqual({
      action: "captured",
      data: { session_id: session(2), amount: 19.99, out_trade_no: created.id },
    })

    const forged = callback.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ')
    const rejected = await provider.getWebhookActionAndData({
      data: {},
      rawData: forged,
      headers: callback.headers,
    })
    expect(rejected.action).toBe("not_supported")
  })

  it("returns the full wx.requestPayment parameters for JSAPI and requires the payer's openid", async () => {
    const created = await initiate(3, "jsapi", { openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" })
    const data = created.data as WechatpaySessionData
    expect(data.request_payment).toMatchObject({
      appId: sandbox.keys.appid,
      signType: "RSA",
      package: `prepay_id=${data.prepay_id}`,
    })
    expect(data.payment_action).toEqual({
      kind: "jsapi",
      params: data.request_payment,
      expires_at: new Date(data.time_expire).toISOString(),
    })
    await expect(initiate(4, "jsapi")).rejects.toThrow("openid")
  })

  it("pays JSAPI inside WeChat's browser with the official account's AppID, as WeChat's client checks it", async () => {
    const openid = "oOfficialAccount0000000001"
    const created = await initiate(31, "jsapi", { openid, app: "official_account" })
    const data = created.data as WechatpaySessionData
    expect(data).toMatchObject({ openid, app: "official_account" })
    expect(data.request_payment!.appId).toBe(sandbox.keys.officialAccountAppid)

    const client = (params: object) =>
      fetch(`${sandbox.url}/sandbox/jsapi/pay`, { method: "POST", body: JSON.stringify(params) })
    // A tampered signature or a different app is refused like WeChat refuses it.
    const tampered = await client({ ...data.request_payment, nonceStr: "x" })
    expect(tampered.status).toBe(400)
    expect(await tampered.json()).toMatchObject({ err_msg: "get_brand_wcpay_request:fail" })
    const otherApp = await client({ ...data.request_payment, appId: sandbox.keys.appid })
    expect((await otherApp.json()).message).toBe("appId 与下单时不一致")

    const paid = await client(data.request_payment!)
    expect(await paid.json()).toEqual({
      err_msg: "get_brand_wcpay_request:ok",
      message: "支付成功",
    })
    expect((await provider.getPaymentStatus({ data })).status).toBe("captured")

    // A changed amount reopens the order for the same payer and app.
    const reopened = await initiate(32, "jsapi", { openid, app: "official_account" })
    const updated = await provider.updatePayment({
      amount: 799,
      currency_code: "cny",
      data: reopened.data,
    } as never)
    expect((updated.data as WechatpaySessionData).request_payment!.appId).toBe(
      sandbox.keys.officialAccountAppid
    )
    // The reopened order's next step is its own, not the closed order's.
    const reopenedData = updated.data as WechatpaySessionData
    expect(reopenedData.payment_action).toMatchObject({
      kind: "jsapi",
      params: reopenedData.request_payment,
    })
    expect(reopenedData.payment_action).not.toEqual(
      (reopened.data as WechatpaySessionData).payment_action
    )
  })

  it("returns an h5_url for mobile browsers", async () => {
    const created = await initiate(5, "h5", { client_ip: "203.0.113.9" })
    const data = created.data as WechatpaySessionData
    expect(data.h5_url).toContain(`/pay/${created.id}`)
    expect(data.payment_action).toEqual({
      kind: "redirect",
      url: data.h5_url,
      expires_at: new Date(data.time_expire).toISOString(),
    })
  })

  it("closes an unpaid order, twice without complaint, and refuses to cancel a paid one", async () => {
    const created = await initiate(6, "native")
    await provider.cancelPayment({ data: created.data })
    await provider.cancelPayment({ data: created.data })
    expect((await provider.getPaymentStatus({ data: created.data })).status).toBe("canceled")

    const paid = await initiate(7, "native")
    await sandbox.pay(paid.id)
    await expect(provider.cancelPayment({ data: paid.data })).rejects.toThrow("不能取消")
  })

  it("refunds partially and fully, and a retried refund is the same refund", async () => {
    const created = await initiate(8, "native", {}, 1000)
    await sandbox.pay(created.id)
    const first = await provider.refundPayment({ amount: 500, data: created.data })
    const firstRefunds = (first.data as WechatpaySessionData).refunds!
    expect(firstRefunds).toHaveLength(1)
    expect(firstRefunds[0]).toMatchObject({ amount: 50000, status: "SUCCESS" })

    // The same call again (a retry whose answer was lost) must not refund twice.
    const retried = await provider.refundPayment({ amount: 500, data: created.data })
    expect((retried.data as WechatpaySessionData).refunds![0].refund_id).toBe(
      firstRefunds[0].refund_id
    )

    const rest = await provider.refundPayment({ amount: 500, data: first.data })
    expect((rest.data as WechatpaySessionData).refunds).toHaveLength(2)
    await expect(provider.refundPayment({ amount: 1, data: rest.data })).rejects.toThrow(
      "超过订单可退金额"
    )
  })

  it("opens a new WeChat order when the amount changes, and keeps the order when it does not", async () => {
    const created = await initiate(9, "native", {}, 699)
    const same = await provider.updatePayment({
      amount: 699,
      currency_code: "cny",
      data: created.data,
    })
    expect((same.data as WechatpaySessionData).out_trade_no).toBe(created.id)
    const changed = await provider.updatePayment({
      amount: 799,
      currency_code: "cny",
      data: created.data,
    })
    expect(changed.data as WechatpaySessionData).toMatchObject({
      out_trade_no: `${created.id}-2`,
      total: 79900,
      attempt: 2,
    })
    expect((await provider.getPaymentStatus({ data: created.data })).status).toBe("canceled")
  })

  it("refuses other currencies", async () => {
    await expect(
      provider.initiatePayment({
        amount: 10,
        currency_code: "usd",
        data: { session_id: session(10) },
      })
    ).rejects.toThrow("CNY")
  })

  it("retries the callback on WeChat's schedule until the shop answers 2xx", async () => {
    shopStatus = 500
    const before = callbacks.length
    const created = await initiate(11, "native")
    await sandbox.pay(created.id)
    await waitForCallback(before + 3)
    shopStatus = 204
    await waitForCallback(before + 4)
    // The sandbox records a delivery once the shop's answer is back, a moment after
    // the shop saw the request: wait for that record rather than race it.
    const attemptsOf = () => sandbox.deliveries.filter((d) => d.out_trade_no === created.id)
    for (let i = 0; i < 100 && !attemptsOf().some((d) => d.status === 204); i++)
      await new Promise((r) => setTimeout(r, 50))
    const attempts = attemptsOf()
    expect(attempts.slice(0, 3).map((d) => d.status)).toEqual([500, 500, 500])
    expect(attempts.some((d) => d.status === 204)).toBe(true)
  })

  it("answers a request with a forged merchant signature with 401 SIGN_ERROR", async () => {
    const { generateKeyPairSync } = await import("crypto")
    const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey
    const body = JSON.stringify({ mchid: sandbox.keys.mchid })
    const response = await fetch(`${sandbox.url}/v3/pay/transactions/out-trade-no/PS1/close`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: authorizationHeader(
          {
            mchid: sandbox.keys.mchid,
            serialNo: sandbox.keys.merchantSerialNo,
            privateKey: stranger,
          },
          "POST",
          "/v3/pay/transactions/out-trade-no/PS1/close",
          body
        ),
      },
      body,
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: "SIGN_ERROR" })
  })

  it("follows a refund WeChat answers PROCESSING until it settles, by its REFUND.* callback and by query", async () => {
    const config = resolveWechatpayConfig()
    const client = new WechatpayClient(config)
    const created = await initiate(20, "native", {}, 300)
    await sandbox.pay(created.id)
    sandbox.setRefundMode("PROCESSING")
    try {
      const refunded = await provider.refundPayment({ amount: 100, data: created.data })
      const [entry] = (refunded.data as WechatpaySessionData).refunds!
      expect(entry).toMatchObject({ amount: 10000, status: "PROCESSING" })
      expect((await queryRefund(client, entry.out_refund_no)).status).toBe("PROCESSING")

      await sandbox.settleRefund(entry.out_refund_no, "ABNORMAL")
      expect((await queryRefund(client, entry.out_refund_no)).status).toBe("ABNORMAL")
      await expect(sandbox.settleRefund(entry.out_refund_no, "SUCCESS")).rejects.toThrow(
        "退款单已处理"
      )
      let callback: Callback | undefined
      for (let i = 0; i < 100 && !callback; i++) {
        callback = callbacks.find((c) => c.body.includes('"REFUND.ABNORMAL"'))
        if (!callback) await new Promise((r) => setTimeout(r, 50))
      }
      const notice = readRefundNotification(config, callback!.headers, callback!.body)
      expect(notice).toMatchObject({
        out_trade_no: created.id,
        out_refund_no: entry.out_refund_no,
        status: "ABNORMAL",
        amount: { refund: 10000, total: 30000 },
      })
      const tampered = callback!.body.replace('"REFUND.ABNORMAL"', '"REFUND.SUCCESS"')
      expect(readRefundNotification(config, callback!.headers, tampered)).toBeNull()

      // A CLOSED refund never left: the order can be refunded by that much again.
      const second = await provider.refundPayment({ amount: 200, data: refunded.data })
      const closing = (second.data as WechatpaySessionData).refunds![1]
      await sandbox.settleRefund(closing.out_refund_no, "CLOSED")
      expect(sandbox.refundsOf(created.id).map((r) => [r.amount.refund, r.status])).toEqual([
        [10000, "ABNORMAL"],
        [20000, "CLOSED"],
      ])
      await expect(
        provider.refundPayment({ amount: 200, data: second.data })
      ).resolves.toBeDefined()
    } finally {
      sandbox.setRefundMode("SUCCESS")
    }
  })

  it("never reports a session paid again once the app refunded it for a cart that could not be placed", async () => {
    const created = await initiate(21, "native")
    await sandbox.pay(created.id)
    expect((await provider.getPaymentStatus({ data: created.data })).status).toBe("captured")
    const voided = {
      ...created.data,
      unplaced_refund: {
        out_refund_no: unplacedRefundNoFor(created.id),
        amount: 69900,
        reason: "可用余额不足",
      },
    }
    expect((await provider.authorizePayment({ data: voided })).status).toBe("canceled")
    expect(unplacedRefundNoFor(created.id)).toBe(`${created.id}_VOID`)
  })
})
