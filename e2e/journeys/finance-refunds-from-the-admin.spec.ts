import type { Browser, BrowserContext, Page } from "playwright-core"
import { launchBrowser, screenshot } from "../support/browser"
import { fenOf } from "../support/checkout"
import { call, commerce } from "../support/commerce-api"
import { buyOnPc, type PcMethod } from "../support/pc-payments"
import {
  adminContext,
  signInToAdminAs,
  staffToken,
  staffWithRole,
  type StaffMember,
} from "../support/staff"

const alipaySandboxUrl = () => `http://localhost:${process.env.ALIPAY_SANDBOX_PORT || 19410}`

const PROVIDERS: Record<PcMethod, string> = {
  支付宝: "pp_alipay_alipay",
  银联支付: "pp_unionpay_unionpay",
}

type Payment = {
  id: string
  amount: number
  provider_id: string
  data: Record<string, unknown>
  refunds: { amount: number }[]
}

/** "¥12.30" from fen, as Medusa's currency input takes it (yuan, two decimals, no ¥). */
const yuanText = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`

describe("财务 refunds orders paid by 支付宝 and 银联 from Medusa's admin", () => {
  let browser: Browser
  let staffWindow: BrowserContext
  let finance: StaffMember
  let financeToken: string

  beforeAll(async () => {
    browser = await launchBrowser()
    finance = await staffWithRole("finance", "finance-refunds")
    financeToken = await staffToken(finance)
    staffWindow = await adminContext(browser)
  })
  afterAll(async () => {
    await staffWindow?.close()
    await browser?.close()
  })

  /** The order's only payment, with its provider data, as the admin API answers it. */
  const paymentOf = async (orderId: string): Promise<Payment> => {
    const admin = { token: financeToken, admin: true }
    const { order } = await call<{
      order: { payment_collections: { payments: { id: string }[] }[] }
    }>(`/admin/orders/${orderId}?fields=id,*payment_collections.payments`, admin)
    const [first] = order.payment_collections.flatMap((collection) => collection.payments)
    const { payment } = await call<{ payment: Payment }>(
      `/admin/payments/${first.id}?fields=id,amount,provider_id,data,*refunds`,
      admin
    )
    return payment
  }

  /** On the order's page: the payment's ⋯ menu, 退款, the amount, 保存; answers the toast. */
  const refundInAdmin = async (page: Page, orderId: string, provider: string, fen: number) => {
    await page.goto(`${commerce()}/app/orders/${orderId}`, { waitUntil: "networkidle" })
    const row = page.locator("div.grid", { hasText: provider }).last()
    await row.waitFor({ timeout: 30_000 })
    await row.getByRole("button").last().click()
    await page.getByRole("menuitem", { name: "退款" }).click()
    const drawer = page.getByRole("dialog")
    const amount = drawer.locator('input[name="amount"]')
    await amount.waitFor()
    await amount.fill(yuanText(fen))
    await drawer.getByRole("button", { name: "保存" }).click()
    const toast = page.locator("[data-sonner-toast]").last()
    await toast.waitFor({ timeout: 30_000 })
    return { toast: (await toast.innerText()).trim(), drawer }
  }

  const refundsJourney = async (method: PcMethod, who: string) => {
    const provider = PROVIDERS[method]
    const paid = await buyOnPc(browser, { handle: "sports-gene-test", method, who })
    await paid.page.context().close()
    const before = await paymentOf(paid.orderId)
    expect(before.provider_id).toBe(provider)
    expect(Math.round(before.amount * 100)).toBe(paid.fen)

    const page = await staffWindow.newPage()
    await signInToAdminAs(page, finance)

    // Part of it first.
    const part = Math.floor(paid.fen / 3)
    const first = await refundInAdmin(page, paid.orderId, provider, part)
    expect(first.toast).toMatch(/^退款金额 .*成功$/)
    expect(fenOf(first.toast.replace(/^退款金额\s*|\s*成功$/g, ""))).toBe(part)
    await page.getByText("部分已退款").first().waitFor({ timeout: 30_000 })
    await screenshot(page, `fin-01-${who}-partly-refunded`)

    // More than is left: refused in Chinese, and nothing moves.
    const rest = paid.fen - part
    const over = await refundInAdmin(page, paid.orderId, provider, rest + 1)
    expect(over.toast).toMatch(/[\u4e00-\u9fff]/)
    expect(over.toast).toContain("退款金额超过")
    expect(over.toast).toContain(`¥${yuanText(rest)}`)
    await screenshot(page, `fin-02-${who}-over-refund-refused`)
    expect((await paymentOf(paid.orderId)).refunds.map((r) => Math.round(r.amount * 100))).toEqual([
      part,
    ])

    // Then the rest.
    const second = await refundInAdmin(page, paid.orderId, provider, rest)
    expect(second.toast).toMatch(/成功$/)
    await page.getByText("已退款", { exact: true }).first().waitFor({ timeout: 30_000 })
    await screenshot(page, `fin-03-${who}-refunded`)
    await page.close()

    const after = await paymentOf(paid.orderId)
    expect(after.refunds.map((r) => Math.round(r.amount * 100)).sort((a, b) => a - b)).toEqual(
      [part, rest].sort((a, b) => a - b)
    )
    return { paid, payment: after, part, rest }
  }

  it("支付宝: part, a refused over-refund, then the rest; the sandbox has both refunds", async () => {
    const { paid, payment, part, rest } = await refundsJourney("支付宝", "refund-alipay")
    const outTradeNo = String(payment.data.out_trade_no)
    const trade = (await fetch(`${alipaySandboxUrl()}/sandbox/trades/${outTradeNo}`).then((r) =>
      r.json()
    )) as {
      total: number
      refunded: number
      status: string
      refunds: Record<string, { amount: number }>
    }
    expect(trade.total).toBe(paid.fen)
    expect(trade.refunded).toBe(paid.fen)
    expect(trade.status).toBe("TRADE_CLOSED")
    expect(
      Object.values(trade.refunds)
        .map((refund) => refund.amount)
        .sort((a, b) => a - b)
    ).toEqual([part, rest].sort((a, b) => a - b))
  })

  it("银联: part, a refused over-refund, then the rest; UnionPay confirmed both refunds", async () => {
    const { payment, part, rest } = await refundsJourney("银联支付", "refund-unionpay")
    // The provider records each 04 (退货) it sent and what UnionPay's query answered for it.
    const refunds = payment.data.refunds as { amount: number; status: string; order_id: string }[]
    expect(refunds.map((refund) => refund.amount)).toEqual([part, rest])
    expect(new Set(refunds.map((refund) => refund.order_id)).size).toBe(2)
    expect(refunds.map((refund) => refund.status)).toEqual(["SUCCESS", "SUCCESS"])
  })
})
