import { mkdtempSync } from "fs"
import http from "http"
import type { AddressInfo } from "net"
import { tmpdir } from "os"
import path from "path"
import { PaymentActions } from "@medusajs/framework/utils"
import { decodeForm, encodeForm } from "../../../lib/acp-form"
import { signAcp, withoutBlanks } from "../../../lib/acp-signature"
import { acpTime } from "../../../lib/beijing-time"
import { createSandboxPki } from "../../../sandbox/pki"
import { startSandbox, type Sandbox } from "../../../sandbox/server"
import { UnionpayProviderService, type UnionpaySessionData } from "../service"
import { createPrivateKey } from "crypto"

jest.setTimeout(60_000)

type Notification = { body: string; fields: Record<string, string> }

describe("the UnionPay provider against the protocol-true sandbox", () => {
  let sandbox: Sandbox
  let shop: http.Server
  let provider: UnionpayProviderService
  let env: Record<string, string>
  const notifications: Notification[] = []
  let shopAnswer = "ok"

  beforeAll(async () => {
    shop = http.createServer((req, res) => {
      let body = ""
      req.on("data", (chunk) => (body += chunk))
      req.on("end", () => {
        notifications.push({ body, fields: decodeForm(body) })
        res.writeHead(200, { "content-type": "text/plain" })
        res.end(shopAnswer)
      })
    })
    await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve))
    const notifyUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/hooks/payment/unionpay_unionpay`
    sandbox = await startSandbox({
      dataDir: mkdtempSync(path.join(tmpdir(), "upsandbox-")),
      timeScale: 0.001,
    })
    env = sandbox.providerEnv({ notifyUrl, frontUrl: "http://shop.test/checkout/result" })
    Object.assign(process.env, env)
    provider = new UnionpayProviderService({}, {})
  })

  afterAll(async () => {
    await sandbox?.close()
    await new Promise((resolve) => shop?.close(resolve))
    for (const key of Object.keys(env ?? {})) delete process.env[key]
  })

  const session = (n: number) => `payses_01JD8X6Z3K9QWERTYASDFGH${String(n).padStart(3, "0")}`
  const initiate = async (n: number, channel: string, amount: unknown = 699) => {
    const created = await provider.initiatePayment({
      amount: amount as number,
      currency_code: "cny",
      data: { session_id: session(n), channel },
    })
    return { created, data: created.data as UnionpaySessionData }
  }

  /** What the shopper's browser does: post the form, then click 付款 at the cashier. */
  const payAtCashier = async (data: UnionpaySessionData) => {
    const action = data.payment_action!
    const cashier = await fetch(action.action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: encodeForm(action.fields),
    })
    const page = await cashier.text()
    expect(cashier.status).toBe(200)
    expect(page).toContain("付款")
    expect(page).toContain(data.order_id)
    const paid = await fetch(`${sandbox.url}/gateway/cashier/pay`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: encodeForm({ orderId: data.order_id }),
    })
    return paid.text()
  }

  it("builds the signed front request for PC (channelType 07) as a form_post that expires in 30 minutes", async () => {
    const before = Date.now()
    const { created, data } = await initiate(1, "pc_browser")
    expect(created).toMatchObject({ id: "01JD8X6Z3K9QWERTYASDFGH001", status: "pending" })
    expect(data).toMatchObject({ channel: "pc_browser", total: 69900, order_id: created.id })
    const action = data.payment_action!
    expect(action.kind).toBe("form_post")
    expect(action.action).toBe(`${sandbox.url}/gateway/api/frontTransReq.do`)
    expect(action.fields).toMatchObject({
      version: "5.1.0",
      encoding: "UTF-8",
      signMethod: "01",
      txnType: "01",
      txnSubType: "01",
      bizType: "000201",
      accessType: "0",
      channelType: "07",
      merId: sandbox.pki.merId,
      orderId: created.id,
      txnAmt: "69900",
      currencyCode: "156",
      frontUrl: "http://shop.test/checkout/result",
      backUrl: env.UNIONPAY_NOTIFY_URL,
      txnTime: data.txn_time,
      payTimeout: data.pay_timeout,
    })
    expect(action.fields.certId).toMatch(/^\d+$/)
    expect(action.fields.txnTime).toBe(
      acpTime(new Date(Date.parse(action.expires_at) - 30 * 60_000))
    )
    const minutes = (Date.parse(action.expires_at) - before) / 60_000
    expect(minutes).toBeGreaterThan(29.9)
    expect(minutes).toBeLessThan(30.1)
  })

  it("mobile web is channelType 08; other channels and currencies are refused in Chinese", async () => {
    const { data } = await initiate(2, "mobile_browser")
    expect(data.payment_action!.fields.channelType).toBe("08")
    await expect(initiate(3, "miniprogram")).rejects.toThrow("银联支付只能在电脑或手机浏览器中使用")
    await expect(
      provider.initiatePayment({
        amount: 1,
        currency_code: "usd",
        data: { session_id: session(3) },
      })
    ).rejects.toThrow("仅支持人民币")
    await expect(initiate(3, "pc_browser", 0)).rejects.toThrow("支付金额必须大于 0")
    await expect(initiate(3, "pc_browser", 1.234)).rejects.toThrow("金额不正确")
  })

  it("is pending until the shopper pays at the cashier; the notification is signed and becomes captured", async () => {
    const { data } = await initiate(4, "pc_browser", "12.34")
    expect(await provider.getPaymentStatus({ data })).toMatchObject({ status: "pending" })
    const before = notifications.length
    const returned = await payAtCashier(data)
    // The shopper is returned to frontUrl with a signed front notification.
    expect(returned).toContain('action="http://shop.test/checkout/result"')
    expect(notifications.length).toBe(before + 1)
    const notice = notifications[before]
    expect(notice.fields).toMatchObject({
      orderId: data.order_id,
      txnAmt: "1234",
      respCode: "00",
      txnType: "01",
      merId: sandbox.pki.merId,
    })
    expect(notice.fields.signPubKeyCert).toContain("BEGIN CERTIFICATE")
    const event = await provider.getWebhookActionAndData({
      data: {},
      rawData: notice.body,
      headers: {},
    })
    expect(event).toEqual({
      action: PaymentActions.SUCCESSFUL,
      data: { session_id: session(4), amount: 12.34 },
    })
    const status = await provider.getPaymentStatus({ data })
    expect(status.status).toBe("captured")
    expect((status.data as UnionpaySessionData).query_id).toBe(notice.fields.queryId)
    expect(await provider.authorizePayment({ data })).toMatchObject({ status: "captured" })
    const captured = await provider.capturePayment({ data })
    expect((captured.data as UnionpaySessionData).query_id).toBe(notice.fields.queryId)
  })

  it("refuses forged, tampered and foreign-chain notifications", async () => {
    const { data } = await initiate(5, "pc_browser")
    const before = notifications.length
    await payAtCashier(data)
    const genuine = notifications[before].fields
    const ask = (fields: Record<string, string>) =>
      provider.getWebhookActionAndData({ data: {}, rawData: encodeForm(fields), headers: {} })
    expect((await ask(genuine)).action).toBe(PaymentActions.SUCCESSFUL)
    // More money claimed than the signature covers.
    expect(await ask({ ...genuine, txnAmt: "1" })).toEqual({ action: PaymentActions.NOT_SUPPORTED })
    expect(await ask({ ...genuine, signature: "" })).toEqual({
      action: PaymentActions.NOT_SUPPORTED,
    })
    // Signed correctly, by a certificate with UnionPay's name under a forger's own root.
    const rogue = createSandboxPki(sandbox.pki.merId)
    const unsigned = withoutBlanks({
      ...genuine,
      signature: "",
      signPubKeyCert: rogue.unionpaySign.certificate,
    })
    const forged = {
      ...unsigned,
      signature: signAcp(unsigned, createPrivateKey(rogue.unionpaySign.privateKey)),
    }
    expect(await ask(forged)).toEqual({ action: PaymentActions.NOT_SUPPORTED })
    // Genuinely signed, but for another merchant.
    expect(await ask(sandbox.sign({ ...genuine, merId: "898111111111111" }))).toEqual({
      action: PaymentActions.NOT_SUPPORTED,
    })
  })

  it('redelivers a notification not answered 200 "ok"', async () => {
    const { data } = await initiate(6, "pc_browser")
    shopAnswer = "fail"
    const before = notifications.length
    await payAtCashier(data)
    shopAnswer = "ok"
    for (let i = 0; i < 100 && notifications.length < before + 2; i++)
      await new Promise((r) => setTimeout(r, 20))
    expect(notifications.slice(before).map((n) => n.fields.orderId)).toEqual([
      data.order_id,
      data.order_id,
    ])
    expect(notifications[before].body).toBe(notifications[before + 1].body)
  })

  it("refunds partially, twice, never over the paid amount, and a retried refund moves no money twice", async () => {
    const { data } = await initiate(7, "pc_browser", 100)
    await payAtCashier(data)
    const paid = (await provider.getPaymentStatus({ data })).data as UnionpaySessionData
    const first = await provider.refundPayment({
      amount: 30,
      data: paid,
      context: { idempotency_key: "ref_01" },
    } as never)
    let refunded = first.data as UnionpaySessionData
    expect(refunded.refunds).toHaveLength(1)
    expect(refunded.refunds![0]).toMatchObject({ amount: 3000, status: "SUCCESS" })
    // Medusa retries the same refund (same refund id) with the data it had before.
    const retried = await provider.refundPayment({
      amount: 30,
      data: paid,
      context: { idempotency_key: "ref_01" },
    } as never)
    expect((retried.data as UnionpaySessionData).refunds).toHaveLength(1)
    const refundOrder = refunded.refunds![0].order_id
    expect(sandbox.transaction(refundOrder)!.txnAmt).toBe(3000)
    expect(sandbox.transaction(data.order_id)!.refunded).toBe(3000)
    // ...and with the data that already records it.
    expect(
      (
        await provider.refundPayment({
          amount: 30,
          data: refunded,
          context: { idempotency_key: "ref_01" },
        } as never)
      ).data
    ).toEqual(refunded)

    refunded = (
      await provider.refundPayment({
        amount: 70,
        data: refunded,
        context: { idempotency_key: "ref_02" },
      } as never)
    ).data as UnionpaySessionData
    expect(refunded.refunds!.map((r) => r.amount)).toEqual([3000, 7000])
    expect(sandbox.transaction(data.order_id)!.refunded).toBe(10000)
    await expect(
      provider.refundPayment({
        amount: 0.01,
        data: refunded,
        context: { idempotency_key: "ref_03" },
      } as never)
    ).rejects.toThrow("银联退款失败")
    expect(sandbox.transaction(data.order_id)!.refunded).toBe(10000)
  })

  it("reads a processing refund's status by query until UnionPay settles it", async () => {
    const { data } = await initiate(8, "mobile_browser", 50)
    await payAtCashier(data)
    sandbox.setRefundMode("PROCESSING")
    const paid = (await provider.getPaymentStatus({ data })).data as UnionpaySessionData
    const refunded = (
      await provider.refundPayment({
        amount: 50,
        data: paid,
        context: { idempotency_key: "ref_p1" },
      } as never)
    ).data as UnionpaySessionData
    sandbox.setRefundMode("SUCCESS")
    expect(refunded.refunds![0].status).toBe("PROCESSING")
    expect(
      ((await provider.retrievePayment({ data: refunded })).data as UnionpaySessionData).refunds![0]
        .status
    ).toBe("PROCESSING")
    await sandbox.settleRefund(refunded.refunds![0].order_id, "00")
    expect(
      ((await provider.retrievePayment({ data: refunded })).data as UnionpaySessionData).refunds![0]
        .status
    ).toBe("SUCCESS")
  })

  it("cancels an unpaid order, voids a payment made today (消费撤销, whole amount), and is then canceled", async () => {
    const unpaid = (await initiate(9, "pc_browser")).data
    const canceled = await provider.cancelPayment({ data: unpaid })
    expect((canceled.data as UnionpaySessionData).voided).toBeUndefined()

    const { data } = await initiate(10, "pc_browser", 88)
    await payAtCashier(data)
    const voided = (await provider.cancelPayment({ data })).data as UnionpaySessionData
    expect(voided.voided).toMatchObject({ order_id: `${data.order_id}V` })
    const voidTxn = sandbox.transaction(voided.voided!.order_id)!
    expect(voidTxn).toMatchObject({ txnType: "31", txnAmt: 8800, origRespCode: "00" })
    expect(await provider.getPaymentStatus({ data: voided })).toMatchObject({ status: "canceled" })
    // Voiding twice is a no-op; a voided payment cannot be refunded at UnionPay either.
    expect((await provider.cancelPayment({ data: voided })).data).toEqual(voided)
    await expect(
      provider.refundPayment({
        amount: 1,
        data: voided,
        context: { idempotency_key: "ref_v" },
      } as never)
    ).rejects.toThrow("银联退款失败")
  })

  it("is canceled (expired) once payTimeout passed unpaid, and the cashier refuses it", async () => {
    const { data } = await initiate(11, "pc_browser")
    const expired = { ...data, pay_timeout: acpTime(new Date(Date.now() - 60_000)) }
    expect(await provider.getPaymentStatus({ data: expired })).toMatchObject({ status: "canceled" })
    const fields = { ...data.payment_action!.fields, payTimeout: expired.pay_timeout }
    const resigned = {
      ...fields,
      signature: signAcp(
        withoutBlanks({ ...fields, signature: "" }),
        createPrivateKey(sandbox.pki.merchantSign.privateKey)
      ),
    }
    const cashier = await fetch(data.payment_action!.action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: encodeForm(resigned),
    })
    expect(cashier.status).toBe(400)
    expect(await cashier.text()).toContain("交易已超时")
  })

  it("the sandbox refuses a front request whose merchant signature does not verify", async () => {
    const { data } = await initiate(12, "pc_browser")
    const cashier = await fetch(data.payment_action!.action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: encodeForm({ ...data.payment_action!.fields, txnAmt: "1" }),
    })
    expect(cashier.status).toBe(400)
    expect(await cashier.text()).toContain("验证签名失败")
    expect(sandbox.transaction(data.order_id)).toBeUndefined()
  })

  it("a new order (attempt 2) when the amount changes, the same session otherwise", async () => {
    const { data } = await initiate(13, "pc_browser", 10)
    const same = await provider.updatePayment({ amount: 10, currency_code: "cny", data } as never)
    expect(same.data).toEqual(data)
    const changed = (
      await provider.updatePayment({ amount: 12, currency_code: "cny", data } as never)
    ).data as UnionpaySessionData
    expect(changed).toMatchObject({ order_id: `${data.order_id}A2`, attempt: 2, total: 1200 })
  })
})
