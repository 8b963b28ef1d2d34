import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import { MedusaError, PaymentActions } from "@medusajs/framework/utils"
import { createAlipaySandboxKeys, startAlipaySandbox, type AlipaySandbox } from "../../../sandbox"
import { AlipayClient, AlipayApiError } from "../../../lib/client"
import { resolveAlipayConfig } from "../../../lib/config"
import { AlipayProviderService, type AlipaySessionData } from "../service"

jest.setTimeout(60_000)

/** Stands in for the app's webhook: records what Alipay posts and answers `success`. */
async function recorder() {
  const received: string[] = []
  const server: Server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      received.push(body)
      res.end("success")
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/payment/alipay_alipay`
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) }
}

describe.each(["public_key", "certificate"] as const)(
  "Alipay provider against the sandbox (%s mode)",
  (mode) => {
    let sandbox: AlipaySandbox
    let hook: Awaited<ReturnType<typeof recorder>>
    let provider: AlipayProviderService
    let sessions = 0

    beforeAll(async () => {
      hook = await recorder()
      sandbox = await startAlipaySandbox({ keys: createAlipaySandboxKeys(mode) })
      const env = sandbox.env(hook.url)
      Object.assign(process.env, env)
      for (const key of [
        "ALIPAY_PUBLIC_KEY",
        "ALIPAY_APP_CERT",
        "ALIPAY_PUBLIC_CERT",
        "ALIPAY_ROOT_CERT",
      ]) {
        if (!(key in env)) delete process.env[key]
      }
      provider = new AlipayProviderService({}, {})
    })

    afterAll(async () => {
      await sandbox?.close()
      await hook?.close()
    })

    const initiate = async (amount: unknown = 649, channel = "pc_browser") => {
      const sessionId = `payses_01JTEST${mode === "certificate" ? "C" : "P"}${String(++sessions).padStart(6, "0")}`
      const { data } = await provider.initiatePayment({
        amount: amount as number,
        currency_code: "cny",
        data: { session_id: sessionId, channel },
      })
      return data as AlipaySessionData
    }

    it("signs a PC cashier form (page.pay) that the sandbox accepts, and a phone redirect (wap.pay)", async () => {
      const pc = await initiate(19.99)
      expect(pc.payment_action).toMatchObject({ kind: "form_post" })
      const action = pc.payment_action as {
        action: string
        fields: Record<string, string>
        expires_at: string
      }
      expect(action.fields.method).toBe("alipay.trade.page.pay")
      expect(JSON.parse(action.fields.biz_content)).toMatchObject({
        out_trade_no: pc.out_trade_no,
        total_amount: "19.99",
        product_code: "FAST_INSTANT_TRADE_PAY",
        time_expire: pc.time_expire,
      })
      const minutes = (Date.parse(action.expires_at) - Date.now()) / 60_000
      expect(minutes).toBeGreaterThan(29)
      expect(minutes).toBeLessThanOrEqual(30)
      expect((await sandbox.open(pc.payment_action)).total).toBe(1999)

      const phone = await initiate(0.07, "mobile_browser")
      expect(phone.payment_action.kind).toBe("redirect")
      const trade = await sandbox.open(phone.payment_action)
      expect(trade).toMatchObject({
        method: "alipay.trade.wap.pay",
        product_code: "QUICK_WAP_WAY",
        total: 7,
      })
    })

    it("refuses channels Alipay has no product for, and other currencies", async () => {
      await expect(
        provider.initiatePayment({
          amount: 1,
          currency_code: "cny",
          data: { session_id: "payses_X1", channel: "miniprogram" },
        })
      ).rejects.toThrow(MedusaError)
      await expect(
        provider.initiatePayment({
          amount: 1,
          currency_code: "usd",
          data: { session_id: "payses_X2" },
        })
      ).rejects.toThrow("CNY")
    })

    it("a paid trade: pending before, captured after; the notification verifies as SUCCESSFUL for the session", async () => {
      const session = await initiate(649)
      expect((await provider.authorizePayment({ data: session })).status).toBe("pending")
      await sandbox.open(session.payment_action)
      expect((await provider.authorizePayment({ data: session })).status).toBe("pending")
      const delivery = await sandbox.pay(session.out_trade_no)
      expect(delivery?.answer?.body).toBe("success")
      expect(hook.received).toContain(delivery!.notification.body)
      const authorized = await provider.authorizePayment({ data: session })
      expect(authorized.status).toBe("captured")
      expect(authorized.data).toMatchObject({ trade_status: "TRADE_SUCCESS" })
      await expect(provider.capturePayment({ data: session })).resolves.toBeTruthy()
      const result = await provider.getWebhookActionAndData({
        data: {},
        rawData: Buffer.from(delivery!.notification.body),
        headers: delivery!.notification.headers,
      })
      expect(result).toEqual({
        action: PaymentActions.SUCCESSFUL,
        data: { session_id: session.session_id, amount: 649 },
      })
    })

    it("refuses forged notifications and other apps' notifications", async () => {
      const session = await initiate(10)
      const trade = await sandbox.open(session.payment_action)
      await sandbox.pay(session.out_trade_no, { notify: false })
      const stranger = createAlipaySandboxKeys()
      const forged = sandbox.notificationFor(trade, {}, stranger.alipayPrivateKey)
      const otherApp = sandbox.notificationFor(trade, {
        app_id: "2021009999999999",
        auth_app_id: "2021009999999999",
      })
      for (const notification of [forged, otherApp]) {
        const result = await provider.getWebhookActionAndData({
          data: {},
          rawData: notification.body,
          headers: notification.headers,
        })
        expect(result).toEqual({ action: PaymentActions.NOT_SUPPORTED })
      }
      const genuine = await provider.getWebhookActionAndData({
        data: {},
        rawData: sandbox.notificationFor(trade).body,
        headers: {},
      })
      expect(genuine.action).toBe(PaymentActions.SUCCESSFUL)
    })

    it("refunds part, then the rest; a retried refund is the same refund", async () => {
      const session = await initiate(100)
      await sandbox.open(session.payment_action)
      await sandbox.pay(session.out_trade_no, { notify: false })
      const first = await provider.refundPayment({
        amount: 30.5,
        data: session,
        context: { idempotency_key: "ref_A" },
      } as never)
      const retried = await provider.refundPayment({
        amount: 30.5,
        data: first.data,
        context: { idempotency_key: "ref_A" },
      } as never)
      expect(sandbox.trade(session.out_trade_no)!.refunded).toBe(3050)
      expect((retried.data as AlipaySessionData).refunds).toHaveLength(1)
      const rest = await provider.refundPayment({
        amount: 69.5,
        data: retried.data,
        context: { idempotency_key: "ref_B" },
      } as never)
      expect((rest.data as AlipaySessionData).refunds).toEqual([
        expect.objectContaining({ amount: 3050, status: "REFUND_SUCCESS" }),
        expect.objectContaining({ amount: 6950, status: "REFUND_SUCCESS" }),
      ])
      expect(sandbox.trade(session.out_trade_no)).toMatchObject({
        refunded: 10000,
        status: "TRADE_CLOSED",
      })
      await expect(
        provider.refundPayment({
          amount: 0.01,
          data: rest.data,
          context: { idempotency_key: "ref_C" },
        } as never)
      ).rejects.toThrow("支付宝退款失败")
      // A refund report repeats the trade's status but records no payment.
      const reportOf = () =>
        hook.received
          .map((body) => new URLSearchParams(body))
          .find((p) => p.get("out_trade_no") === session.out_trade_no && p.get("out_biz_no"))
      while (!reportOf()) await new Promise((resolve) => setTimeout(resolve, 20))
      const report = reportOf()
      const result = await provider.getWebhookActionAndData({
        data: {},
        rawData: report!.toString(),
        headers: {},
      })
      expect(result.action).toBe(PaymentActions.NOT_SUPPORTED)
      expect(result.data?.session_id).toBe(session.session_id)
    })

    it("cancels: a trade never opened, an open one (closed at Alipay), never a paid one", async () => {
      const never = await initiate(5)
      await expect(provider.cancelPayment({ data: never })).resolves.toBeTruthy()
      const open = await initiate(5)
      await sandbox.open(open.payment_action)
      await provider.cancelPayment({ data: open })
      expect(sandbox.trade(open.out_trade_no)!.status).toBe("TRADE_CLOSED")
      await expect(provider.cancelPayment({ data: open })).resolves.toBeTruthy()
      expect((await provider.getPaymentStatus({ data: open })).status).toBe("canceled")
      await expect(sandbox.pay(open.out_trade_no)).rejects.toThrow("TRADE_CLOSED")
      const paid = await initiate(5)
      await sandbox.open(paid.payment_action)
      await sandbox.pay(paid.out_trade_no, { notify: false })
      await expect(provider.cancelPayment({ data: paid })).rejects.toThrow("已支付")
      await expect(provider.deletePayment({ data: paid })).resolves.toEqual({ data: paid })
    })

    it("an expired trade reads canceled and cannot be paid", async () => {
      const session = await initiate(8)
      await sandbox.open(session.payment_action)
      await sandbox.expire(session.out_trade_no)
      expect((await provider.authorizePayment({ data: session })).status).toBe("canceled")
      await expect(sandbox.pay(session.out_trade_no)).rejects.toThrow()
      await expect(sandbox.open(session.payment_action)).rejects.toThrow("ACQ.TRADE_HAS_CLOSE")
    })

    it("a changed amount closes the old trade and signs a new one for the same session", async () => {
      const session = await initiate(20)
      await sandbox.open(session.payment_action)
      const updated = await provider.updatePayment({
        amount: 25,
        currency_code: "cny",
        data: session,
      } as never)
      const next = updated.data as AlipaySessionData
      expect(next).toMatchObject({ session_id: session.session_id, attempt: 2, total: 2500 })
      expect(next.out_trade_no).toBe(`${session.session_id}_a2`)
      expect(sandbox.trade(session.out_trade_no)!.status).toBe("TRADE_CLOSED")
    })

    it("the sandbox refuses requests not signed with the app's key", async () => {
      const stranger = createAlipaySandboxKeys(mode)
      const env = sandbox.env(hook.url)
      const client = new AlipayClient(
        resolveAlipayConfig(
          {
            privateKey: stranger.appPrivateKey,
            ...(mode === "certificate" ? { appCert: sandbox.keys.appCert } : {}),
          },
          env
        )
      )
      const refused = await client.call("alipay.trade.query", { out_trade_no: "x" }).catch((e) => e)
      expect(refused).toBeInstanceOf(AlipayApiError)
      expect((refused as AlipayApiError).subCode).toBe("isv.invalid-signature")
    })
  }
)
