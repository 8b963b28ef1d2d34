import ExcelJS from "exceljs"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { launchBrowser, screenshot } from "../support/browser"
import { call, commerce, post } from "../support/commerce-api"
import { buyInMiniprogram } from "../support/miniprogram-checkout"
import { lastMonthMoment, ledgerOfPeriod, seedLastMonthMoney } from "../support/finance-last-month"
import { buyOnPc } from "../support/pc-payments"
import {
  adminContext,
  signInToAdminAs,
  staffToken,
  staffWithRole,
  type StaffMember,
} from "../support/staff"

// Every order here is of a kit no other journey buys, so the product filter narrows
// 财务统计 to what this journey paid and refunded, on top of what an earlier run of it left
// (read first; nothing on a fresh stack).
const HANDLE = "ancestry-gene-test"

/** Today's date in Beijing, as the period picker's date inputs take it. */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

type Totals = { orders: number; paid: number; refunded: number; net: number }
type Summary = {
  totals: Totals & Record<string, number>
  groups: ({ key: string | null; label: string } & Totals)[]
}

/** "¥1,234.50" → 123450 (fen). */
const fenOf = (shown: string) => Math.round(Number(shown.replace(/[¥,\s]/g, "")) * 100)

/** The figure's card on 财务统计: its name, this period's value, the change, 查看明细. */
const card = (page: Page, name: string) =>
  page
    .locator("div.p-3.shadow-elevation-card-rest")
    .filter({ has: page.getByText(name, { exact: true }) })

async function cardValue(page: Page, name: string) {
  return (await card(page, name).locator("p").nth(1).innerText()).trim()
}

/** Closes the drill-down drawer, then 下载 Excel: the file's name and the workbook read back. */
async function closeAndDownloadWorkbook(page: Page) {
  await page.keyboard.press("Escape")
  await page.getByRole("dialog").waitFor({ state: "hidden" })
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载 Excel" }).click(),
  ])
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await download.path())
  return { filename: download.suggestedFilename(), workbook }
}

describe("财务 closes a period in 财务统计", () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  let finance: StaffMember
  let financeToken: string
  let productId: string
  const run = Date.now().toString(36)

  beforeAll(async () => {
    browser = await launchBrowser()
    finance = await staffWithRole("finance", "finance-close")
    financeToken = await staffToken(finance)
    const { products } = await call<{ products: { id: string }[] }>(
      `/store/products?handle=${HANDLE}&fields=id`
    )
    productId = products[0].id
  })
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined)
    await browser?.close()
  })

  const asFinance = () => ({ token: financeToken, admin: true })
  const period = () => `from=${beijingToday()}&to=${beijingToday()}&product_id=${productId}`
  const summary = (groupBy?: string) =>
    call<Summary>(
      `/admin/finance/summary?${period()}${groupBy ? `&group_by=${groupBy}` : ""}`,
      asFinance()
    )
  /** A breakdown as { key: [orders, paid, refunded] }. */
  const breakdown = async (groupBy: string) =>
    Object.fromEntries(
      (await summary(groupBy)).groups.map((g) => [
        `${g.key}:${g.label}`,
        [g.orders, g.paid, g.refunded],
      ])
    ) as Record<string, number[]>
  /** How many rows lie behind a figure (the drill-down's and the workbook's 明细). */
  const entryCount = async (figure: string) =>
    (
      await call<{ count: number }>(
        `/admin/finance/entries?${period()}&figure=${figure}&limit=1`,
        asFinance()
      )
    ).count

  it("web and mini-program orders, a partial refund: totals, channels, drill-down and the workbook", async () => {
    const before = {
      totals: (await summary()).totals,
      channel: await breakdown("channel"),
      method: await breakdown("payment_method"),
      paidRows: await entryCount("paid"),
      refundedRows: await entryCount("refunded"),
    }
    // Three real checkouts: 支付宝 and 银联 on the web (PC), WeChat Pay in the mini-program.
    const alipay = await buyOnPc(browser, {
      handle: HANDLE,
      method: "支付宝",
      who: `close-ali-${run}`,
    })
    contexts.push(alipay.page.context())
    const unionpay = await buyOnPc(browser, {
      handle: HANDLE,
      method: "银联支付",
      who: `close-union-${run}`,
    })
    contexts.push(unionpay.page.context())
    const miniprogram = await buyInMiniprogram(`close-mp-${run}`, HANDLE)

    // Finance refunds part of the UnionPay order (Medusa's refund, through the provider).
    const refundFen = 5_000
    const { order: refundedOrder } = await call<{
      order: { display_id: number; payment_collections: { payments: { id: string }[] }[] }
    }>(
      `/admin/orders/${unionpay.orderId}?fields=id,display_id,*payment_collections.payments`,
      asFinance()
    )
    const [payment] = refundedOrder.payment_collections.flatMap((c) => c.payments)
    await post(`/admin/payments/${payment.id}/refund`, { amount: refundFen / 100 }, asFinance())

    const paidFen = alipay.fen + unionpay.fen + miniprogram.fen
    const expected = {
      orders: before.totals.orders + 3,
      paid: before.totals.paid + paidFen,
      refunded: before.totals.refunded + refundFen,
      net: before.totals.net + paidFen - refundFen,
    }

    // The API first: totals, and each channel and method on its own row.
    const { totals } = await summary()
    expect({
      orders: totals.orders,
      paid: totals.paid,
      refunded: totals.refunded,
      net: totals.net,
    }).toEqual(expected)
    /** What a breakdown row gained: [orders, paid, refunded]. */
    const gained = (now: Record<string, number[]>, then: Record<string, number[]>, key: string) =>
      (now[key] ?? [0, 0, 0]).map((value, i) => value - (then[key] ?? [0, 0, 0])[i])
    const byChannel = await breakdown("channel")
    expect(Object.keys(byChannel).sort()).toEqual(
      expect.arrayContaining(["miniprogram:微信小程序", "web:网站（PC 与 H5）"])
    )
    expect(gained(byChannel, before.channel, "miniprogram:微信小程序")).toEqual([
      1,
      miniprogram.fen,
      0,
    ])
    expect(gained(byChannel, before.channel, "web:网站（PC 与 H5）")).toEqual([
      2,
      alipay.fen + unionpay.fen,
      refundFen,
    ])
    const byMethod = await breakdown("payment_method")
    expect(gained(byMethod, before.method, "pp_alipay_alipay:支付宝")).toEqual([1, alipay.fen, 0])
    expect(gained(byMethod, before.method, "pp_unionpay_unionpay:银联支付")).toEqual([
      1,
      unionpay.fen,
      refundFen,
    ])
    expect(gained(byMethod, before.method, "pp_wechatpay_wechatpay:微信支付")).toEqual([
      1,
      miniprogram.fen,
      0,
    ])

    // 财务 in the admin: 财务统计, today's period, the kit's product id.
    const context = await adminContext(browser)
    contexts.push(context)
    const page = await context.newPage()
    await signInToAdminAs(page, finance)
    await page.goto(`${commerce()}/app/finance`, { waitUntil: "networkidle" })
    await page.getByRole("heading", { name: "财务统计" }).waitFor()
    const [fromInput, toInput] = await page.locator('input[type="date"]').all()
    await fromInput.fill(beijingToday())
    await toInput.fill(beijingToday())
    await page.getByPlaceholder("商品 ID").fill(productId)
    await page.waitForFunction(
      (orders) => {
        const cards = [...document.querySelectorAll("div.p-3.shadow-elevation-card-rest")]
        const ordersCard = cards.find((c) => c.querySelector("p")?.textContent === "订单数")
        return ordersCard?.querySelectorAll("p")[1]?.textContent === String(orders)
      },
      expected.orders,
      { timeout: 30_000 }
    )
    expect(await cardValue(page, "订单数")).toBe(String(expected.orders))
    expect(fenOf(await cardValue(page, "实收"))).toBe(expected.paid)
    expect(fenOf(await cardValue(page, "退款"))).toBe(expected.refunded)
    expect(fenOf(await cardValue(page, "净收入"))).toBe(expected.net)
    await screenshot(page, "fin-10-finance-totals")

    // 按渠道 and 按支付方式 in the breakdown table.
    await page.getByRole("tab", { name: "按渠道" }).click()
    await page.getByRole("cell", { name: "微信小程序" }).waitFor()
    await page.getByRole("cell", { name: "网站（PC 与 H5）" }).waitFor()
    await page.getByRole("tab", { name: "按支付方式" }).click()
    for (const label of ["支付宝", "银联支付", "微信支付"]) {
      await page.getByRole("cell", { name: label, exact: true }).waitFor()
    }
    await screenshot(page, "fin-11-finance-by-method")

    // Drill into 实收: the three payments, each with its order.
    const displayIds = await Promise.all(
      [alipay.orderId, unionpay.orderId, miniprogram.orderId].map(async (id) => {
        const { order } = await call<{ order: { display_id: number } }>(
          `/admin/orders/${id}?fields=id,display_id`,
          asFinance()
        )
        return `#${order.display_id}`
      })
    )
    await card(page, "实收").getByRole("button", { name: "查看明细" }).click()
    const drawer = page.getByRole("dialog")
    await drawer.getByText("实收明细").waitFor()
    const paidRows = before.paidRows + 3
    const count = drawer.getByText(new RegExp(`^共 ${paidRows} 笔`))
    await count.waitFor({ timeout: 30_000 })
    const shownTotal = (await count.innerText()).replace(/^.*合计\s*/, "")
    expect(fenOf(shownTotal)).toBe(expected.paid)
    for (const displayId of displayIds) {
      await drawer.getByRole("cell", { name: displayId, exact: true }).waitFor()
    }
    await screenshot(page, "fin-12-finance-paid-entries")

    // The workbook: a real .xlsx with the summary, every breakdown and the rows behind them.
    const { filename, workbook } = await closeAndDownloadWorkbook(page)
    expect(filename).toMatch(/^(财务统计|finance)[-_].*\.xlsx$/)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "汇总",
      "按日",
      "按商品",
      "按分类",
      "按渠道",
      "按支付方式",
      "明细",
    ])
    const detail = workbook.getWorksheet("明细")!
    // Header and one row per payment and refund.
    expect(detail.rowCount).toBe(1 + paidRows + before.refundedRows + 1)
    expect(workbook.getWorksheet("汇总")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
  })

  it("上月: sales, refunds, commissions and payouts reconcile with each other, the ledger and the WeChat Pay bill; a drill-down and the workbook", async () => {
    // Last month in Beijing time, as 上月 picks it.
    const moment = lastMonthMoment()
    const first = new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), 1))
    const last = new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth() + 1, 0))
    const month = { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) }
    const monthSummary = (extra = "") =>
      call<Summary>(`/admin/finance/summary?from=${month.from}&to=${month.to}${extra}`, asFinance())
    const monthEntries = (figure: string) =>
      call<{ count: number; amount: number }>(
        `/admin/finance/entries?from=${month.from}&to=${month.to}&figure=${figure}&limit=1`,
        asFinance()
      )
    const before = (await monthSummary()).totals

    // A referred member's order paid by WeChat Pay in the mini-program, ¥10 of it refunded,
    // its commission matured, withdrawn and paid: through the real flows, then moved to the
    // 15th of last month.
    const money = await seedLastMonthMoney(run, HANDLE, financeToken, moment)
    expect(money.commissions).toBeGreaterThan(0)
    expect(money.payout).toBeGreaterThan(0)

    // The figures gained exactly this money, and reconcile with each other.
    const after = (await monthSummary()).totals
    expect({
      orders: after.orders - before.orders,
      paid: after.paid - before.paid,
      refunded: after.refunded - before.refunded,
      commissions: after.commissions - before.commissions,
      payouts: after.payouts - before.payouts,
    }).toEqual({
      orders: 1,
      paid: money.paid,
      refunded: money.refunded,
      commissions: money.commissions,
      payouts: money.payout,
    })
    expect(after.net).toBe(after.paid - after.refunded)
    // Commissions and payouts are the ledger's and the paid withdrawals' of the month.
    const ledger = await ledgerOfPeriod(month.from, month.to)
    expect({ commissions: after.commissions, payouts: after.payouts }).toEqual(ledger)
    // Every figure adds up to the rows behind it.
    for (const figure of ["paid", "refunded", "commissions", "payouts"] as const) {
      expect([figure, (await monthEntries(figure)).amount]).toEqual([figure, after[figure]])
    }

    // The WeChat Pay bill of that day: no difference, and its money is the day's WeChat Pay
    // money in 财务统计.
    const { run: reconciled } = await post<{
      run: {
        status: string
        difference_count: number
        totals: { bill_paid: number; bill_refunded: number; our_paid: number; our_refunded: number }
      }
    }>(
      "/admin/finance/reconciliation/runs",
      { bill_date: money.day, provider_id: "pp_wechatpay_wechatpay" },
      asFinance()
    )
    expect(reconciled).toMatchObject({ status: "completed", difference_count: 0 })
    const wechatDay = (
      await call<Summary>(
        `/admin/finance/summary?from=${money.day}&to=${money.day}&provider_id=pp_wechatpay_wechatpay`,
        asFinance()
      )
    ).totals
    expect(reconciled.totals).toMatchObject({
      bill_paid: wechatDay.paid,
      bill_refunded: wechatDay.refunded,
      our_paid: wechatDay.paid,
      our_refunded: wechatDay.refunded,
    })

    // 财务 in the admin picks 上月 and sees the same figures.
    const context = await adminContext(browser)
    contexts.push(context)
    const page = await context.newPage()
    await signInToAdminAs(page, finance)
    await page.goto(`${commerce()}/app/finance`, { waitUntil: "networkidle" })
    await page.getByRole("heading", { name: "财务统计" }).waitFor()
    await page.getByRole("button", { name: "上月", exact: true }).click()
    const [fromInput, toInput] = await page.locator('input[type="date"]').all()
    expect([await fromInput.inputValue(), await toInput.inputValue()]).toEqual([
      month.from,
      month.to,
    ])
    await page.waitForFunction(
      (payouts) => {
        const cards = [...document.querySelectorAll("div.p-3.shadow-elevation-card-rest")]
        const card = cards.find((c) => c.querySelector("p")?.textContent === "提现支付")
        const shown = card?.querySelectorAll("p")[1]?.textContent ?? ""
        return Math.round(Number(shown.replace(/[¥,\s]/g, "")) * 100) === payouts
      },
      after.payouts,
      { timeout: 30_000 }
    )
    expect(await cardValue(page, "订单数")).toBe(String(after.orders))
    expect(fenOf(await cardValue(page, "实收"))).toBe(after.paid)
    expect(fenOf(await cardValue(page, "退款"))).toBe(after.refunded)
    expect(fenOf(await cardValue(page, "净收入"))).toBe(after.paid - after.refunded)
    expect(fenOf(await cardValue(page, "佣金"))).toBe(ledger.commissions)
    expect(fenOf(await cardValue(page, "提现支付"))).toBe(ledger.payouts)
    await screenshot(page, "fin-14-last-month-totals")

    // Drill into 佣金: the ledger lines behind it add up to the card, this order's among them.
    const { order } = await call<{ order: { display_id: number } }>(
      `/admin/orders/${money.orderId}?fields=id,display_id`,
      asFinance()
    )
    await card(page, "佣金").getByRole("button", { name: "查看明细" }).click()
    const drawer = page.getByRole("dialog")
    await drawer.getByText("佣金明细").waitFor()
    const commissionRows = (await monthEntries("commissions")).count
    const count = drawer.getByText(new RegExp(`^共 ${commissionRows} 笔`))
    await count.waitFor({ timeout: 30_000 })
    expect(fenOf((await count.innerText()).replace(/^.*合计\s*/, ""))).toBe(ledger.commissions)
    await drawer
      .getByRole("cell", { name: `#${order.display_id}`, exact: true })
      .first()
      .waitFor()
    await screenshot(page, "fin-15-last-month-commissions")

    // The workbook of 上月: 汇总 holds the same figures.
    const { filename, workbook } = await closeAndDownloadWorkbook(page)
    expect(filename).toContain(month.from)
    const totalsSheet = workbook.getWorksheet("汇总")!
    const headers = (totalsSheet.getRow(1).values as unknown[]).map(String)
    const cell = (header: string) =>
      Number(totalsSheet.getRow(2).getCell(headers.indexOf(header)).value)
    const fen = (header: string) => Math.round(cell(header) * 100)
    expect({
      orders: cell("订单数"),
      paid: fen("实收（元）"),
      refunded: fen("退款（元）"),
      net: fen("净收入（元）"),
      commissions: fen("佣金（元）"),
      payouts: fen("提现支付（元）"),
    }).toEqual({
      orders: after.orders,
      paid: after.paid,
      refunded: after.refunded,
      net: after.paid - after.refunded,
      commissions: ledger.commissions,
      payouts: ledger.payouts,
    })
  })

  it("运营 is refused 财务统计 and its workbook, in Chinese", async () => {
    const operations = await staffWithRole("operations", "ops-close")
    const context = await adminContext(browser)
    contexts.push(context)
    const page = await context.newPage()
    await signInToAdminAs(page, operations)
    await page.goto(`${commerce()}/app/finance`, { waitUntil: "networkidle" })
    await page.getByText(/无权访问「收款、退款与提现」/).waitFor({ timeout: 30_000 })
    expect(await page.getByText("订单数", { exact: true }).count()).toBe(0)
    await screenshot(page, "fin-13-operations-refused")
    const exported = await page.request.get(
      `${commerce()}/admin/finance/export?from=${beijingToday()}&to=${beijingToday()}`
    )
    expect(exported.status()).toBe(403)
    expect((await exported.json()).message).toContain("无权访问")
    const token = await staffToken(operations)
    await expect(
      call(`/admin/finance/summary?from=${beijingToday()}&to=${beijingToday()}`, {
        token,
        admin: true,
      })
    ).rejects.toThrow(/403/)
  })
})
