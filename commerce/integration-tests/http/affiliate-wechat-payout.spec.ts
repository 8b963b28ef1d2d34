import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { startSandbox, type Sandbox } from "@health/medusa-plugin-wechatpay/sandbox"
import { randomUUID } from "crypto"
import http from "http"
import { PaymentsJob, type ReconcileTransferJob } from "../../src/lib/queue/jobs"
import { paymentsQueue } from "../../src/queues/payments-queue"
import seed from "../../src/scripts/seed"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { cartReadyForPayment } from "../helpers/checkout"
import { startWechatStandin } from "../helpers/wechat-standin"
import { eventually } from "../helpers/eventually"
import { wechatPaySandboxEnv } from "../helpers/wechatpay-sandbox-env"

jest.setTimeout(240_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
// The app reads WECHATPAY_* when it boots, so the sandbox's keys and address exist first.
const { port: SANDBOX_PORT, dataDir } = wechatPaySandboxEnv()

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let sandbox: Sandbox
    let forwarder: http.Server
    let standin: Awaited<ReturnType<typeof startWechatStandin>>
    let publishableKey: string
    let finance: Headers
    let operations: Headers
    const transferCallbacks: { status: number }[] = []
    const noThrow = { validateStatus: () => true }

    beforeAll(async () => {
      standin = await startWechatStandin()
      process.env.WECHAT_API_BASE = standin.url
      sandbox = await startSandbox({ port: SANDBOX_PORT, dataDir, timeScale: 0.001 })
      // WeChat posts transfer outcomes to this test's app (its port is only known now).
      forwarder = http.createServer((req, res) => {
        let body = ""
        req.on("data", (chunk) => (body += chunk))
        req.on("end", async () => {
          const headers = Object.fromEntries(
            Object.entries(req.headers).map(([k, v]) => [k, String(v)])
          )
          const answer = await fetch(`${api.defaults.baseURL}/hooks/wechatpay/transfer`, {
            method: "POST",
            headers: { ...headers, host: "" },
            body,
          })
          transferCallbacks.push({ status: answer.status })
          res.writeHead(answer.status)
          res.end()
        })
      })
      await new Promise<void>((resolve) => forwarder.listen(0, "127.0.0.1", resolve))
      sandbox.setNotifyUrl(`http://127.0.0.1:${(forwarder.address() as { port: number }).port}/`)

      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      finance = await adminHeaders(container, api as never, "finance@health.local", ["finance"])
      operations = await adminHeaders(container, api as never, "ops@health.local", ["operations"])
    })

    afterAll(async () => {
      standin?.process.kill()
      await sandbox?.close()
      await new Promise((resolve) => forwarder?.close(resolve))
    })

    /** A member who signed in with the mini-program and earned a commission, available. */
    async function wechatAffiliateWithBalance(name: string) {
      const { data } = await api.post("/auth/customer/wechat", { code: `wx-code-${name}.1` })
      const sharer = {
        headers: { "x-publishable-api-key": publishableKey, authorization: `Bearer ${data.token}` },
      }
      return affiliateWithBalance(sharer, name)
    }

    /**
     * `sharer` refers a buyer who pays offline; finance captures the payment and staff
     * complete the order, so the commission matures (an unpaid order's never does).
     */
    async function affiliateWithBalance(sharer: Headers, name: string) {
      const { code } = (await api.get("/store/affiliate/me", sharer)).data.affiliate
      const buyer = await registerCustomer(
        api as never,
        publishableKey,
        `buyer-${name}@example.com`
      )
      await api.post("/store/affiliate/bind", { code }, buyer)
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api as never,
        buyer,
        "tumor-risk-gene-test"
      )
      await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_system_default" },
        buyer
      )
      const { data: placed } = await api.post(`/store/carts/${cartId}/complete`, {}, buyer)
      const admin = await adminHeaders(getContainer(), api as never, `admin-${name}@health.local`)
      await eventually(
        async () => (await api.get("/store/affiliate/me", sharer)).data.affiliate.balances.pending,
        (pending) => pending > 0
      )
      const {
        data: [paid],
      } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "order",
          fields: ["payment_collections.payments.id"],
          filters: { id: placed.order.id },
        })
      const payment = (paid as any).payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      await api.post(`/admin/orders/${placed.order.id}/complete`, {}, admin)
      const { available } = await eventually(
        async () => (await api.get("/store/affiliate/me", sharer)).data.affiliate.balances,
        (balances) => balances.available > 0
      )
      return { sharer, available: available as number, admin }
    }

    async function approvedWechatWithdrawal(sharer: Headers, amount: number, admin: Headers) {
      const { data } = await api.post(
        "/store/affiliate/withdrawals",
        { amount, method: "wechat", request_key: randomUUID() },
        sharer
      )
      await api.post(`/admin/affiliate/withdrawals/${data.withdrawal.id}/approve`, {}, admin)
      return data.withdrawal.id as string
    }

    it("pays a WeChat withdrawal by 商家转账 once the member confirms, settling once", async () => {
      const { sharer, available, admin } = await wechatAffiliateWithBalance("lin")
      const withdrawalId = await approvedWechatWithdrawal(sharer, available, admin)

      // Only finance may move money; operations is refused.
      const refused = await api.post(
        "/admin/affiliate/wechat-transfers",
        { withdrawal_id: withdrawalId },
        { ...operations, ...noThrow }
      )
      expect(refused.status).toBe(403)
      const started = await api.post(
        "/admin/affiliate/wechat-transfers",
        { withdrawal_id: withdrawalId },
        finance
      )
      expect(started.status).toBe(202)
      expect(started.data.transfer).toMatchObject({ state: "WAIT_USER_CONFIRM" })
      const outBillNo = started.data.transfer.out_bill_no as string
      // Starting it again is refused: one withdrawal, one transfer.
      const twice = await api.post(
        "/admin/affiliate/wechat-transfers",
        { withdrawal_id: withdrawalId },
        { ...finance, ...noThrow }
      )
      expect(twice.status).toBe(400)
      expect(twice.data.message).toContain("不能发起微信转账")

      // The member sees the payout waiting, with what the mini-program's
      // wx.requestMerchantTransfer takes: the merchant, the AppID and the bill's package.
      const mine = (await api.get("/store/affiliate/withdrawals", sharer)).data.withdrawals
      expect(mine[0]).toMatchObject({ status: "paying", transfer_state: "WAIT_USER_CONFIRM" })
      expect(mine[0].transfer_package).toMatch(/^sandbox_pkg_/)
      expect(mine[0].transfer).toEqual({
        mch_id: sandbox.keys.mchid,
        app_id: sandbox.keys.appid,
        package: mine[0].transfer_package,
      })

      // The member's WeChat confirms with exactly those (the sandbox plays WeChat's client);
      // WeChat's callback settles it, and its retries change nothing.
      const confirm = (params: object) =>
        fetch(`${sandbox.url}/sandbox/transfer/confirm-package`, {
          method: "POST",
          body: JSON.stringify(params),
        }).then(async (response) => ({ status: response.status, ...(await response.json()) }))
      const { mch_id, app_id, package: pkg } = mine[0].transfer
      expect(await confirm({ mchId: mch_id, appId: app_id, package: pkg })).toMatchObject({
        status: 200,
        err_msg: "requestMerchantTransfer:ok",
      })
      const paid = await eventually(
        async () => (await api.get("/store/affiliate/withdrawals", sharer)).data.withdrawals[0],
        (w) => w.status === "paid"
      )
      expect(paid).toMatchObject({ status: "paid", transfer_package: null, transfer: null })
      // The bill the package opened was this withdrawal's.
      const delivered = await eventually(
        async () => sandbox.deliveries.filter((d) => d.out_trade_no === outBillNo),
        (list) => list.length > 0
      )
      expect(delivered).toEqual([expect.objectContaining({ status: 204 })])
      // A second confirmation finds nothing waiting.
      expect(await confirm({ mchId: mch_id, appId: app_id, package: pkg })).toMatchObject({
        status: 400,
        err_msg: "requestMerchantTransfer:fail",
      })
      expect(transferCallbacks.at(-1)?.status).toBe(204)
      const balances = (await api.get("/store/affiliate/me", sharer)).data.affiliate.balances
      expect(balances).toMatchObject({ available: 0, withdrawn: available })

      // A forged callback is refused with 401 and changes nothing.
      const forged = await fetch(`${api.defaults.baseURL}/hooks/wechatpay/transfer`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ event_type: "MCHTRANSFER.BILL.FINISHED" }),
      })
      expect(forged.status).toBe(401)
    })

    it("returns the money when WeChat reports the transfer failed", async () => {
      const { sharer, available, admin } = await wechatAffiliateWithBalance("zhou")
      const withdrawalId = await approvedWechatWithdrawal(sharer, available, admin)
      const started = await api.post(
        "/admin/affiliate/wechat-transfers",
        { withdrawal_id: withdrawalId },
        finance
      )
      await sandbox.confirmTransfer(started.data.transfer.out_bill_no, "FAIL")
      const failed = await eventually(
        async () => (await api.get("/store/affiliate/withdrawals", sharer)).data.withdrawals[0],
        (w) => w.status === "failed"
      )
      expect(failed.rejection_reason).toContain("金额已退回可提现余额")
      const balances = (await api.get("/store/affiliate/me", sharer)).data.affiliate.balances
      expect(balances).toMatchObject({ available, withdrawn: 0 })
    })

    it("settles by asking WeChat when the callback never arrives", async () => {
      const { sharer, available, admin } = await wechatAffiliateWithBalance("wu")
      const withdrawalId = await approvedWechatWithdrawal(sharer, available, admin)
      const started = await api.post(
        "/admin/affiliate/wechat-transfers",
        { withdrawal_id: withdrawalId },
        finance
      )
      const outBillNo = started.data.transfer.out_bill_no as string
      const check = paymentsQueue.handlers[PaymentsJob.RECONCILE_TRANSFER] as unknown as (
        job: ReconcileTransferJob,
        context: { container: unknown }
      ) => Promise<{ state: string; settled: boolean }>
      // Still waiting for the member: nothing to settle yet.
      expect(
        await check({ out_bill_no: outBillNo, checks: 0 }, { container: getContainer() })
      ).toEqual({
        state: "WAIT_USER_CONFIRM",
        settled: false,
      })
      // The member confirms but the callback is lost on the way.
      sandbox.setNotifyUrl("http://127.0.0.1:9/")
      await sandbox.confirmTransfer(outBillNo)
      expect(
        await check({ out_bill_no: outBillNo, checks: 1 }, { container: getContainer() })
      ).toEqual({
        state: "SUCCESS",
        settled: true,
      })
      const [withdrawal] = (await api.get("/store/affiliate/withdrawals", sharer)).data.withdrawals
      expect(withdrawal.status).toBe("paid")
      sandbox.setNotifyUrl(`http://127.0.0.1:${(forwarder.address() as { port: number }).port}/`)
    })

    it("refuses a transfer for a member who never used WeChat, and an unknown withdrawal", async () => {
      const member = await registerCustomer(api as never, publishableKey, "no-wechat@example.com")
      const { available, admin } = await affiliateWithBalance(member, "mail")
      const withdrawalId = await approvedWechatWithdrawal(member, available, admin)
      const refused = await api.post(
        "/admin/affiliate/wechat-transfers",
        { withdrawal_id: withdrawalId },
        { ...finance, ...noThrow }
      )
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("没有用微信小程序登录过")
      // Nothing changed: it is still approved, to be paid by bank instead.
      const mine = (await api.get("/store/affiliate/withdrawals", member)).data.withdrawals
      expect(mine[0].status).toBe("approved")

      const unknown = await api.post(
        "/admin/affiliate/wechat-transfers",
        { withdrawal_id: "afwd_missing" },
        { ...finance, ...noThrow }
      )
      expect(unknown.status).toBe(404)
    })
  },
})
