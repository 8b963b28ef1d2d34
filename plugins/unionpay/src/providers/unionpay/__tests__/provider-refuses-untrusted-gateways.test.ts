import { mkdtempSync } from "fs"
import http from "http"
import type { AddressInfo } from "net"
import { tmpdir } from "os"
import path from "path"
import { createSandboxPki, loadOrCreateSandboxPki, providerEnv } from "../../../sandbox/pki"
import { signAsUnionpay } from "../../../sandbox/server"
import { UnionpayProviderService, type UnionpaySessionData } from "../service"

jest.setTimeout(60_000)

/**
 * A gateway that is not UnionPay (a man in the middle, a misrouted UNIONPAY_GATEWAY): its
 * answers claim success but are signed under another root, or not signed at all. The
 * provider must never read them as a payment.
 */
describe("the UnionPay provider against an untrusted gateway", () => {
  let gateway: http.Server
  let provider: UnionpayProviderService
  let answer: (fields: Record<string, string>) => string
  const env: Record<string, string> = {}
  const form = (fields: Record<string, string>) =>
    Object.entries(fields)
      .map(([k, v]) => `${k}=${v}`)
      .join("&")
  /** What UnionPay would answer a query for an order the shopper paid. */
  const paid = (request: Record<string, string>) => ({
    version: "5.1.0",
    encoding: "UTF-8",
    signMethod: "01",
    txnType: "00",
    txnSubType: "00",
    merId: request.merId,
    orderId: request.orderId,
    txnTime: request.txnTime,
    respCode: "00",
    origRespCode: "00",
    queryId: "202612061000001234567",
    txnAmt: "69900",
  })

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "upuntrusted-"))
    const pki = loadOrCreateSandboxPki(dataDir)
    const stranger = createSandboxPki(pki.merId)
    gateway = http.createServer((req, res) => {
      let body = ""
      req.on("data", (chunk) => (body += chunk))
      req.on("end", () => {
        const request = Object.fromEntries(new URLSearchParams(body))
        res.writeHead(200, { "content-type": "text/plain" })
        res.end(answer(request))
      })
    })
    await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve))
    const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`
    Object.assign(
      env,
      providerEnv(pki, dataDir, url, {
        notifyUrl: "http://shop.test/hooks/payment/unionpay_unionpay",
        frontUrl: "http://shop.test/checkout/result",
      })
    )
    Object.assign(process.env, env)
    provider = new UnionpayProviderService({}, {})
    answer = (request) => form(signAsUnionpay(paid(request), stranger))
  })

  afterAll(async () => {
    await new Promise((resolve) => gateway?.close(resolve))
    for (const key of Object.keys(env)) delete process.env[key]
  })

  const session = async () =>
    (
      await provider.initiatePayment({
        amount: 699,
        currency_code: "cny",
        data: { session_id: "payses_01JD8X6Z3K9QWERTYASDFGH777" },
      })
    ).data as UnionpaySessionData

  it("refuses a 'paid' answer signed by a certificate outside the configured chain", async () => {
    await expect(provider.getPaymentStatus({ data: await session() })).rejects.toThrow(
      "UnionPay answer failed verification: certificate not issued by the configured middle certificate"
    )
  })

  it("reads an unsigned answer only as a refusal, never as a payment", async () => {
    answer = (request) => form(paid(request))
    await expect(provider.capturePayment({ data: await session() })).rejects.toThrow(
      "银联拒绝了请求"
    )
  })
})
