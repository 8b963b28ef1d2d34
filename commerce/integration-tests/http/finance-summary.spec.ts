import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import ExcelJS from "exceljs"
import seed from "../../src/scripts/seed"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { cartReadyForPayment } from "../helpers/checkout"
import { eventually } from "../helpers/eventually"
import {
  rebuildFinanceRollups,
  refreshFinanceRollupDay,
  refreshFinanceRollupRun,
  refreshFinanceRollups,
  rolledWholeMonthsOf,
} from "../../src/workflows/finance/finance-rollup"
import { refreshFinanceRollupHours } from "../../src/workflows/finance/hour-rollup"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

type Headers = { headers: Record<string, string> }
type Totals = Record<
  "orders" | "paid" | "refunded" | "net" | "store_credit" | "commissions" | "payouts",
  number
>
type Group = Totals & { key: string | null; label: string }

const METRICS = [
  "orders",
  "paid",
  "refunded",
  "net",
  "store_credit",
  "commissions",
  "payouts",
] as const

/** The month the seeded movements are moved into, in Beijing dates. */
const MONTH = "from=2026-11-01&to=2026-11-30"

const sumOf = (groups: Group[], metric: (typeof METRICS)[number]) =>
  groups.reduce((sum, group) => sum + group[metric], 0)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let admin: Headers
    let finance: Headers
    let operations: Headers
    const noThrow = { validateStatus: () => true }
    const sql = (query: string, bindings: (string | number | null | string[])[] = []) =>
      getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(query, bindings)
        .then((result: { rows: Record<string, unknown>[] }) => result.rows)

    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      admin = await adminHeaders(container, api as never, "root@health.local")
      finance = await adminHeaders(container, api as never, "cw@health.local", ["finance"])
      operations = await adminHeaders(container, api as never, "yy@health.local", ["operations"])
    })

    const me = async (who: Headers) => (await api.get("/store/affiliate/me", who)).data.affiliate

    /**
     * A kit bought in 岳阳 and paid offline (the system provider), optionally partly from the
     * balance, optionally with a second product in the same order.
     */
    async function placeOrder(
      buyer: Headers,
      handle: string,
      storeCreditYuan = 0,
      alsoHandle?: string
    ) {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(api as never, buyer, handle)
      if (alsoHandle) {
        const { data } = await api.get(
          `/store/products?handle=${alsoHandle}&fields=*variants`,
          buyer
        )
        await api.post(
          `/store/carts/${cartId}/line-items`,
          { variant_id: data.products[0].variants[0].id, quantity: 1 },
          buyer
        )
      }
      if (storeCreditYuan) {
        await api.post(`/store/carts/${cartId}/store-credit`, { amount: storeCreditYuan }, buyer)
      }
      await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_system_default" },
        buyer
      )
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, buyer)
      expect(data.type).toBe("order")
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["id", "payment_collections.payments.id", "payment_collections.payments.amount"],
        filters: { id: data.order.id },
      })
      const payment = (order as any).payment_collections[0].payments[0]
      return { id: data.order.id as string, paymentId: payment.id as string }
    }

    /** Medusa's own record of a payment: what was captured and refunded, in fen. */
    async function medusaPayment(paymentId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [payment],
      } = await query.graph({
        entity: "payment",
        fields: ["id", "amount", "captures.id", "captures.amount", "refunds.id", "refunds.amount"],
        filters: { id: paymentId },
      })
      const fen = (rows: { amount: number }[]) =>
        rows.reduce((sum, row) => sum + Math.round(Number(row.amount) * 100), 0)
      return {
        amount: Math.round(Number((payment as any).amount) * 100),
        captured: fen((payment as any).captures),
        refunded: fen((payment as any).refunds),
        captureIds: (payment as any).captures.map((c: { id: string }) => c.id) as string[],
        refundIds: (payment as any).refunds.map((r: { id: string }) => r.id) as string[],
      }
    }

    const at = (table: string, ids: string[], iso: string, column = "created_at") =>
      sql(`update ${table} set ${column} = ?::timestamptz where id = any(?)`, [iso, ids])

    it("totals a seeded month in fen, reconciles every breakdown, exports it and audits the reads", async () => {
      // Referrer B, buyer C bound to B (C's orders earn B commissions), member D with a balance.
      const b = await registerCustomer(api as never, publishableKey, "b@example.com")
      const c = await registerCustomer(api as never, publishableKey, "c@example.com")
      const d = await registerCustomer(api as never, publishableKey, "d@example.com")
      await api.post("/store/affiliate/bind", { code: (await me(b)).code }, c)
      const affiliateD = await me(d)
      await sql(
        `insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key)
         values (?, ?, 'available', 'adjustment', 10000, ?)`,
        [`afle_${randomUUID()}`, affiliateD.id, randomUUID()]
      )

      // 1: confirmed offline, then refunded in full. 2: confirmed, then half refunded.
      // 3: ¥10 from D's balance, the rest confirmed. 4: confirmed only after the month ended.
      // 5: never paid. 6: two products in one order, confirmed, a third refunded.
      const fullRefund = await placeOrder(c, "tumor-risk-gene-test")
      const partRefund = await placeOrder(c, "tumor-risk-gene-test")
      const withCredit = await placeOrder(d, "drug-metabolism-gene-test", 10)
      const lateCapture = await placeOrder(c, "tumor-risk-gene-test")
      const unpaid = await placeOrder(d, "drug-metabolism-gene-test")
      const mixed = await placeOrder(c, "tumor-risk-gene-test", 0, "drug-metabolism-gene-test")
      for (const order of [fullRefund, partRefund, withCredit, lateCapture, mixed]) {
        await api.post(`/admin/payments/${order.paymentId}/capture`, {}, admin)
      }
      const fullFen = (await medusaPayment(fullRefund.paymentId)).captured
      await api.post(
        `/admin/payments/${fullRefund.paymentId}/refund`,
        { amount: fullFen / 100 },
        admin
      )
      const partFen = (await medusaPayment(partRefund.paymentId)).captured
      const halfFen = Math.round(partFen / 2)
      await api.post(
        `/admin/payments/${partRefund.paymentId}/refund`,
        { amount: halfFen / 100 },
        admin
      )
      const mixedFen = (await medusaPayment(mixed.paymentId)).captured
      const thirdFen = Math.round(mixedFen / 3)
      await api.post(`/admin/payments/${mixed.paymentId}/refund`, { amount: thirdFen / 100 }, admin)

      // The refunds take back commissions: wait until the ledger shows every order's reversal.
      await eventually(
        () =>
          sql(
            `select count(distinct order_id)::int as n from affiliate_ledger_entry where kind = 'reversal'`
          ),
        (rows) => (rows[0].n as number) >= 3
      )

      // Move the month's movements onto Beijing dates of November 2026.
      const orders = [fullRefund, partRefund, withCredit, lateCapture, unpaid, mixed]
      await at(
        '"order"',
        orders.map((o) => o.id),
        "2026-11-05T02:00:00Z"
      )
      const payments = Object.fromEntries(
        await Promise.all(orders.map(async (o) => [o.id, await medusaPayment(o.paymentId)]))
      )
      // 00:30 on 1 November in Beijing is still 31 October in UTC: it belongs to November.
      await at("capture", payments[fullRefund.id].captureIds, "2026-10-31T16:30:00Z")
      await at("capture", payments[partRefund.id].captureIds, "2026-11-10T04:00:00Z")
      await at("capture", payments[withCredit.id].captureIds, "2026-11-12T04:00:00Z")
      // 00:30 on 1 December in Beijing: after the month, though still November in UTC.
      await at("capture", payments[lateCapture.id].captureIds, "2026-11-30T16:30:00Z")
      await at("refund", payments[fullRefund.id].refundIds, "2026-11-15T04:00:00Z")
      await at("refund", payments[partRefund.id].refundIds, "2026-11-16T04:00:00Z")
      await at("capture", payments[mixed.id].captureIds, "2026-11-18T04:00:00Z")
      await at("refund", payments[mixed.id].refundIds, "2026-11-19T04:00:00Z")
      // The ledger is append-only (a trigger refuses updates): set aside for this one move.
      await sql("alter table affiliate_ledger_entry disable trigger user")
      await sql(
        `update affiliate_ledger_entry set created_at = '2026-11-20T04:00:00Z'
          where kind in ('commission', 'reversal')`
      )
      await sql("alter table affiliate_ledger_entry enable trigger user")
      // Withdrawals: one paid in the month, one paid after it, one approved and not yet paid.
      const affiliateB = await me(b)
      for (const [status, amount, paidAt] of [
        ["paid", 1234, "2026-11-25T04:00:00Z"],
        ["paid", 500, "2026-12-02T04:00:00Z"],
        ["approved", 700, null],
      ] as const) {
        await sql(
          `insert into affiliate_withdrawal (id, affiliate_id, amount, method, status, request_key, paid_at)
           values (?, ?, ?, 'bank', ?, ?, ?::timestamptz)`,
          [`afwd_${randomUUID()}`, affiliateB.id, amount, status, randomUUID(), paidAt]
        )
      }

      // What Medusa's payments and the ledger say, computed without the report.
      const paid =
        payments[fullRefund.id].captured +
        payments[partRefund.id].captured +
        payments[withCredit.id].captured +
        payments[mixed.id].captured
      const refunded =
        payments[fullRefund.id].refunded +
        payments[partRefund.id].refunded +
        payments[mixed.id].refunded
      expect(refunded).toBe(fullFen + halfFen + thirdFen)
      const [ledger] = await sql(
        `select sum(amount) filter (where kind = 'commission')::int as accrued,
                sum(amount) filter (where kind = 'reversal')::int as reversed
           from affiliate_ledger_entry`
      )
      expect(ledger.accrued as number).toBeGreaterThan(0)
      expect(ledger.reversed as number).toBeLessThan(0)
      const expected: Totals = {
        orders: 6,
        paid,
        refunded,
        net: paid - refunded,
        store_credit: 1000,
        commissions: (ledger.accrued as number) + (ledger.reversed as number),
        payouts: 1234,
      }

      const { data: summary } = await api.get(`/admin/finance/summary?${MONTH}`, finance)
      expect(summary).toMatchObject({ totals: expected, groups: [] })
      // October 2–31 (30 days, like November) held nothing: every figure is new.
      expect(summary.previous).toEqual({
        from: "2026-10-02",
        to: "2026-10-31",
        totals: Object.fromEntries(METRICS.map((m) => [m, 0])),
      })
      expect(summary.change.paid).toEqual({ amount: paid, percent: null })

      // 1–30 December compares against 1–30 November, the whole seeded month; December itself
      // has the late capture and the second payout.
      const { data: december } = await api.get(
        "/admin/finance/summary?from=2026-12-01&to=2026-12-30",
        finance
      )
      expect(december.previous).toEqual({ from: "2026-11-01", to: "2026-11-30", totals: expected })
      expect(december.totals).toMatchObject({
        orders: 0,
        paid: payments[lateCapture.id].captured,
        payouts: 500,
      })
      expect(december.change.payouts).toEqual({ amount: 500 - 1234, percent: -59.5 })

      // Every day of the month, in Beijing dates; the days add up to the totals.
      const { data: byDay } = await api.get(`/admin/finance/summary?${MONTH}&group_by=day`, finance)
      expect(byDay.totals).toEqual(expected)
      expect(byDay.groups).toHaveLength(30)
      expect(byDay.groups[0]).toMatchObject({
        key: "2026-11-01",
        paid: payments[fullRefund.id].captured,
      })
      expect(byDay.groups.find((g: Group) => g.key === "2026-11-05")).toMatchObject({ orders: 6 })
      expect(byDay.groups.find((g: Group) => g.key === "2026-11-16")).toMatchObject({
        refunded: halfFen,
        net: -halfFen,
      })
      for (const metric of METRICS) expect(sumOf(byDay.groups, metric)).toBe(expected[metric])

      // By product: each order's money goes to its products (the two-product order's split by
      // their prices, to the fen); commissions by their ledger line's product; payouts to none.
      // An order counts once for each product in it, so only the amounts add up to the totals.
      const { data: byProduct } = await api.get(
        `/admin/finance/summary?${MONTH}&group_by=product`,
        finance
      )
      for (const metric of METRICS.filter((m) => m !== "orders")) {
        expect(sumOf(byProduct.groups, metric)).toBe(expected[metric])
      }
      const tumour = byProduct.groups.find((g: Group) => g.label.includes("肿瘤"))
      const drug = byProduct.groups.find((g: Group) => g.label.includes("药"))
      expect(tumour).toMatchObject({ orders: 4, store_credit: 0 })
      expect(drug).toMatchObject({ orders: 3, store_credit: 1000 })
      const mixedPaid = {
        tumour: tumour.paid - payments[fullRefund.id].captured - payments[partRefund.id].captured,
        drug: drug.paid - payments[withCredit.id].captured,
      }
      const mixedRefunded = { tumour: tumour.refunded - fullFen - halfFen, drug: drug.refunded }
      expect(mixedPaid.tumour + mixedPaid.drug).toBe(payments[mixed.id].captured)
      expect(mixedRefunded.tumour + mixedRefunded.drug).toBe(thirdFen)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [mixedOrder],
      } = await query.graph({
        entity: "order",
        fields: ["items.*"],
        filters: { id: mixed.id },
      })
      const valueOf = (productId: string) =>
        (mixedOrder as any).items
          .filter((item: { product_id: string }) => item.product_id === productId)
          .reduce(
            (sum: number, item: { unit_price: number; quantity: number }) =>
              sum + Number(item.unit_price) * Number(item.quantity),
            0
          )
      const tumourShare = valueOf(tumour.key) / (valueOf(tumour.key) + valueOf(drug.key))
      expect(tumourShare).toBeGreaterThan(0)
      expect(mixedPaid.drug).toBeGreaterThan(0)
      expect(Math.abs(mixedPaid.tumour - payments[mixed.id].captured * tumourShare)).toBeLessThan(1)
      expect(Math.abs(mixedRefunded.tumour - thirdFen * tumourShare)).toBeLessThan(1)
      // The ledger's own split: a reversal counts against the product of the commission it reverses.
      const ledgerByProduct = await sql(
        `select coalesce(e.product_id, c.product_id) as product_id, sum(e.amount)::int as amount
           from affiliate_ledger_entry e
           left join affiliate_ledger_entry c on c.id = e.reverses_entry_id
          where e.kind in ('commission', 'reversal') group by 1`
      )
      for (const row of ledgerByProduct) {
        expect(byProduct.groups.find((g: Group) => g.key === row.product_id)).toMatchObject({
          commissions: row.amount,
        })
      }
      expect(byProduct.groups.find((g: Group) => g.key === null)).toMatchObject({
        label: "未归属",
        payouts: 1234,
        paid: 0,
      })

      // By payment method and by member, the same money adds up again.
      const { data: byMethod } = await api.get(
        `/admin/finance/summary?${MONTH}&group_by=payment_method`,
        finance
      )
      expect(byMethod.groups[0]).toMatchObject({
        key: "pp_system_default",
        label: "线下支付",
        paid,
        refunded,
      })
      const { data: byMember } = await api.get(
        `/admin/finance/summary?${MONTH}&group_by=member`,
        finance
      )
      for (const group of ["channel", "category"]) {
        const { data } = await api.get(`/admin/finance/summary?${MONTH}&group_by=${group}`, finance)
        expect(data.totals).toEqual(expected)
        expect(data.groups.length).toBeGreaterThan(0)
      }
      for (const metric of METRICS) expect(sumOf(byMember.groups, metric)).toBe(expected[metric])
      const [{ customer_id: customerB }] = await sql(
        "select customer_id from affiliate where id = ?",
        [affiliateB.id]
      )
      expect(byMember.groups.find((g: Group) => g.key === customerB)).toMatchObject({
        payouts: 1234,
      })

      // Filters are totals in SQL: a product's (or category's) filter answers its breakdown row.
      const zero = Object.fromEntries(METRICS.map((m) => [m, 0]))
      const filtered = async (filter: string) =>
        (await api.get(`/admin/finance/summary?${MONTH}&${filter}`, finance)).data.totals as Totals
      const withoutKey = ({ key: _key, label: _label, ...totals }: Group) => totals
      expect(await filtered(`product_id=${drug.key}`)).toEqual(withoutKey(drug))
      const { data: byCategory } = await api.get(
        `/admin/finance/summary?${MONTH}&group_by=category`,
        finance
      )
      const category = byCategory.groups.find((g: Group) => g.key !== null)
      expect(await filtered(`category_id=${category.key}`)).toEqual(withoutKey(category))
      // Every order here was paid offline in 岳阳: the offline channel and the system provider
      // hold all the order money; payouts belong to no order, so no channel or provider.
      const orderMoney = { ...expected, payouts: 0 }
      expect(await filtered("channel=offline")).toEqual(orderMoney)
      expect(await filtered("provider_id=pp_system_default")).toEqual(orderMoney)
      expect(await filtered("channel=miniprogram")).toEqual(zero)
      expect(await filtered("order_status=pending")).toEqual(orderMoney)
      expect(await filtered("order_status=completed")).toEqual(zero)
      const { data: byChannel } = await api.get(
        `/admin/finance/summary?${MONTH}&group_by=channel`,
        finance
      )
      expect(byChannel.groups).toEqual([
        { key: "offline", label: "线下（岳阳）", ...orderMoney },
        { key: null, label: "未归属", ...zero, payouts: 1234, net: 0 },
      ])
      // A member: D's two orders (one paid partly from the balance, one never paid).
      const [{ customer_id: customerD }] = await sql(
        "select customer_id from affiliate where id = ?",
        [affiliateD.id]
      )
      expect(await filtered(`customer_id=${customerD}`)).toEqual({
        ...zero,
        orders: 2,
        paid: payments[withCredit.id].captured,
        net: payments[withCredit.id].captured,
        store_credit: 1000,
      })
      expect(await filtered(`customer_id=${customerD}&channel=web`)).toEqual(zero)

      // Drill-down: the rows behind each figure add up to it, each traceable to its order.
      const entriesOf = async (figure: string, extra = "", limit = 200, offset = 0) =>
        (
          await api.get(
            `/admin/finance/entries?${MONTH}&figure=${figure}&limit=${limit}&offset=${offset}${extra}`,
            finance
          )
        ).data
      const displayIds = new Set(
        (
          await sql('select display_id from "order" where id = any(?)', [orders.map((o) => o.id)])
        ).map((row) => Number(row.display_id))
      )
      for (const figure of [
        "orders",
        "paid",
        "refunded",
        "store_credit",
        "commissions",
        "payouts",
      ]) {
        const page = await entriesOf(figure)
        const total = expected[figure as keyof Totals]
        expect([figure, page.amount, page.count]).toEqual([figure, total, page.entries.length])
        expect(page.entries.reduce((sum: number, e: { amount: number }) => sum + e.amount, 0)).toBe(
          total
        )
        for (const entry of page.entries) {
          expect(entry.figure).toBe(figure)
          if (figure === "payouts") {
            expect(entry.order_display_id).toBeNull()
          } else {
            expect(displayIds.has(entry.order_display_id)).toBe(true)
          }
          // Members are masked: never a whole e-mail address or phone number.
          expect(entry.member).not.toMatch(/^[^*]+@[^*]+$/)
          expect(entry.member).toMatch(/\*/)
        }
      }
      const paidRows = await entriesOf("paid")
      expect(paidRows.entries.map((e: { id: string }) => e.id).sort()).toEqual(
        [fullRefund, partRefund, withCredit, mixed].flatMap((o) => payments[o.id].captureIds).sort()
      )
      expect(paidRows.entries[0]).toMatchObject({
        provider_id: "pp_system_default",
        provider_label: "线下支付",
        channel: "offline",
        happened_at: "2026-10-31T16:30:00.000Z",
      })
      // Pages follow one order: two pages of two are the first four rows.
      const firstTwo = await entriesOf("commissions", "", 2, 0)
      const nextTwo = await entriesOf("commissions", "", 2, 2)
      const allCommissions = await entriesOf("commissions")
      expect([...firstTwo.entries, ...nextTwo.entries]).toEqual(allCommissions.entries.slice(0, 4))
      expect(firstTwo.count).toBe(allCommissions.count)
      // Under a product filter the rows are that product's share, and add up to its row.
      const drugPaid = await entriesOf("paid", `&product_id=${drug.key}`)
      expect(drugPaid.amount).toBe(drug.paid)

      // The workbook holds the same figures, in yuan with two decimals.
      const exported = await api.get(`/admin/finance/export?${MONTH}&group_by=product`, {
        ...finance,
        responseType: "arraybuffer",
      })
      expect(exported.headers["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      )
      expect(exported.headers["content-disposition"]).toContain(
        `filename*=UTF-8''${encodeURIComponent("财务统计_2026-11-01_2026-11-30.xlsx")}`
      )
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Buffer.from(exported.data) as never)
      const totalsSheet = workbook.getWorksheet("汇总")!
      expect(totalsSheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
      expect((totalsSheet.getRow(1).values as unknown[]).slice(1, 5)).toEqual([
        "开始日期",
        "结束日期",
        "订单数",
        "实收（元）",
      ])
      expect((totalsSheet.getRow(2).values as unknown[]).slice(1)).toEqual([
        "2026-11-01",
        "2026-11-30",
        6,
        ...METRICS.slice(1).map((metric) => expected[metric] / 100),
      ])
      expect(totalsSheet.getCell("D2").numFmt).toBe('"¥"#,##0.00;-"¥"#,##0.00')
      const productSheet = workbook.getWorksheet("按商品")!
      expect(productSheet.rowCount).toBe(1 + byProduct.groups.length)
      const drugRow = productSheet.getColumn(2).values.indexOf(drug.label)
      expect(productSheet.getRow(drugRow).getCell(4).value).toBe(drug.paid / 100)

      // The period before, and the change, under the figures.
      expect((totalsSheet.getRow(3).values as unknown[]).slice(1, 4)).toEqual([
        "2026-10-02",
        "2026-10-31",
        0,
      ])
      expect(totalsSheet.getRow(4).getCell(4).value).toBe(paid / 100)
      // One sheet per breakdown, then every row behind the money figures.
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        "汇总",
        "按日",
        "按商品",
        "按分类",
        "按渠道",
        "按支付方式",
        "明细",
      ])
      for (const sheet of workbook.worksheets) {
        expect([sheet.name, sheet.views[0]]).toEqual([
          sheet.name,
          expect.objectContaining({ state: "frozen", ySplit: 1 }),
        ])
      }
      expect(workbook.getWorksheet("按日")!.rowCount).toBe(31)
      const detail = workbook.getWorksheet("明细")!
      const detailFen: Record<string, number> = {}
      let detailRows = 0
      detail.eachRow((row, index) => {
        if (index === 1) return
        detailRows++
        const label = String(row.getCell(1).value)
        detailFen[label] = (detailFen[label] ?? 0) + Math.round(Number(row.getCell(8).value) * 100)
      })
      expect(detailFen).toEqual({
        实收: expected.paid,
        退款: expected.refunded,
        余额抵扣: expected.store_credit,
        佣金: expected.commissions,
        提现支付: expected.payouts,
      })
      const moneyRows = await Promise.all(
        ["paid", "refunded", "store_credit", "commissions", "payouts"].map(
          async (figure) => (await entriesOf(figure)).count as number
        )
      )
      expect(detailRows).toBe(moneyRows.reduce((sum, n) => sum + n, 0))
      expect(detail.getCell("H2").numFmt).toBe('"¥"#,##0.00;-"¥"#,##0.00')

      // Every read is in the audit log, with the period asked for.
      const audited = await eventually(
        () =>
          sql(
            `select action, details from audit_entry where action like 'finance.%' order by created_at`
          ),
        (rows) => rows.some((row) => row.action === "finance.export")
      )
      expect(audited[0]).toMatchObject({
        action: "finance.summary",
        details: { from: "2026-11-01", to: "2026-11-30", group_by: null },
      })

      // At volume the finished days come from the daily rollup (#18 item 7). Rolled up, every
      // report, breakdown and filter answers exactly what the raw tables answered.
      const reports = [
        "",
        "&group_by=day",
        "&group_by=product",
        "&group_by=category",
        "&group_by=channel",
        "&group_by=payment_method",
        "&group_by=member",
        `&product_id=${drug.key}`,
        `&category_id=${category.key}`,
        "&channel=offline",
        "&provider_id=pp_system_default",
        "&order_status=pending",
        "&order_status=completed",
        `&customer_id=${customerD}`,
        "&group_by=product&channel=offline",
        "&group_by=member&limit=2&offset=1",
        "&group_by=product&limit=1",
      ]
      const readAll = () =>
        Promise.all(
          reports.map(
            async (extra) =>
              (await api.get(`/admin/finance/summary?${MONTH}${extra}`, finance)).data
          )
        )
      const rawReports = await readAll()
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const refreshed = await refreshFinanceRollups(knex)
      expect(refreshed).toEqual(expect.arrayContaining(["2026-11-01", "2026-11-30"]))
      // The rollup holds each day once, whatever ran before (the scheduled job may have).
      expect(await refreshFinanceRollups(knex)).toEqual([])
      const [month] = await sql(
        `select count(*)::int as days from finance_rollup_day
          where id between '2026-11-01' and '2026-11-30' and refreshed_at is not null and dirty_at is null`
      )
      expect(month.days).toBe(30)
      expect(await readAll()).toEqual(rawReports)
      // The reports do read the rollup: a figure changed there shows, and a refresh puts it back.
      await sql(
        `update finance_daily_rollup set amount = amount + 1
          where day = '2026-11-10' and metric = 'paid' and not split`
      )
      expect((await filtered("")).paid).toBe(expected.paid + 1)
      await refreshFinanceRollupDay(knex, "2026-11-10")
      expect((await filtered("")).paid).toBe(expected.paid)

      // A whole month split by product reads the monthly rollup (kept by the same refresh):
      // a figure changed there shows in the product breakdown, and a refresh of one of the
      // month's days recomputes the month from its days.
      const productPaid = async () =>
        sumOf(
          (await api.get(`/admin/finance/summary?${MONTH}&group_by=product`, finance)).data.groups,
          "paid"
        )
      expect(await productPaid()).toBe(expected.paid)
      await sql(
        `update finance_monthly_rollup set amount = amount + 1
          where ctid = (select ctid from finance_monthly_rollup
                         where month = '2026-11-01' and metric = 'paid' and amount > 0 limit 1)`
      )
      expect(await productPaid()).toBe(expected.paid + 1)
      await refreshFinanceRollupDay(knex, "2026-11-10")
      expect(await productPaid()).toBe(expected.paid)
      // A period that is not whole months reads its days, never a month's row.
      const partial = await api.get(
        "/admin/finance/summary?from=2026-11-02&to=2026-11-30&group_by=product",
        finance
      )
      const partialRaw = await api.get(
        "/admin/finance/summary?from=2026-11-02&to=2026-11-30&group_by=day",
        finance
      )
      expect(sumOf(partial.data.groups, "paid")).toBe(partialRaw.data.totals.paid)

      // The member breakdown is always paged (the first 50 unless asked): the top members by
      // money paid, the count of all of them, the totals still over everyone.
      const firstPage = (await api.get(`/admin/finance/summary?${MONTH}&group_by=member`, finance))
        .data
      const allMembers: Group[] = firstPage.groups
      expect(firstPage.page).toEqual({ offset: 0, limit: 50, count: allMembers.length })
      expect(allMembers.length).toBeGreaterThan(2)
      const secondPage = (
        await api.get(`/admin/finance/summary?${MONTH}&group_by=member&limit=2&offset=2`, finance)
      ).data
      expect(secondPage.groups).toEqual(allMembers.slice(2, 4))
      expect(secondPage.page).toEqual({ offset: 2, limit: 2, count: allMembers.length })
      expect(secondPage.totals).toEqual(
        (await api.get(`/admin/finance/summary?${MONTH}`, finance)).data.totals
      )
      const pastTheEnd = (
        await api.get(`/admin/finance/summary?${MONTH}&group_by=member&offset=100`, finance)
      ).data
      expect(pastTheEnd.groups).toEqual([])
      expect(pastTheEnd.page).toEqual({ offset: 100, limit: 50, count: allMembers.length })

      // A past day's money that changes marks its days dirty (here: the two-product order
      // completes); they are read raw until the job recomputes them, so never stale.
      await sql(`update "order" set status = 'completed' where id = ?`, [mixed.id])
      const dirty = await sql(
        "select id from finance_rollup_day where dirty_at is not null order by id"
      )
      expect(dirty.map((row) => row.id)).toEqual([
        "2026-11-05",
        "2026-11-18",
        "2026-11-19",
        "2026-11-20",
      ])
      const [mixedLedger] = await sql(
        `select sum(amount)::int as amount from affiliate_ledger_entry
          where order_id = ? and kind in ('commission', 'reversal')`,
        [mixed.id]
      )
      const mixedCompleted = {
        orders: 1,
        paid: payments[mixed.id].captured,
        refunded: thirdFen,
        net: payments[mixed.id].captured - thirdFen,
        store_credit: 0,
        commissions: mixedLedger.amount as number,
        payouts: 0,
      }
      expect(await filtered("order_status=completed")).toEqual(mixedCompleted)
      expect(await refreshFinanceRollups(knex)).toEqual(dirty.map((row) => row.id))
      expect(await filtered("order_status=completed")).toEqual(mixedCompleted)
      expect((await filtered("")).orders).toBe(6)

      // The member breakdown and a member's totals read the member rollup: a figure changed
      // there shows, and a refresh puts it back. (1–29 November: every capture of the month,
      // read from the days; a whole month reads the member monthly rollup, below.)
      const memberPaid = async (period = "from=2026-11-01&to=2026-11-29") =>
        sumOf(
          (await api.get(`/admin/finance/summary?${period}&group_by=member`, finance)).data.groups,
          "paid"
        )
      await sql(
        `update finance_member_daily_rollup set paid = paid + 1
          where day = '2026-11-10' and paid > 0`
      )
      expect(await memberPaid()).toBe(expected.paid + 1)
      await refreshFinanceRollupDay(knex, "2026-11-10")
      expect(await memberPaid()).toBe(expected.paid)
      // The whole month's member breakdown (every day rolled up, no filter) reads one row per
      // member from the member monthly rollup, kept by the same refresh: the same groups, in
      // the same order and pages, as summed from the days; a figure changed there shows, and
      // a refresh of one of the month's days recomputes the month.
      const monthRows = await sql(
        `select member_id, paid::int as paid from finance_member_monthly_rollup
          where month = '2026-11-01' order by paid desc, member_id`
      )
      const wholeMonth: Group[] = (
        await api.get(`/admin/finance/summary?${MONTH}&group_by=member`, finance)
      ).data.groups
      expect(wholeMonth.map((g) => [g.key, g.paid])).toEqual(
        monthRows.map((row) => [row.member_id, row.paid])
      )
      const monthPage = (
        await api.get(`/admin/finance/summary?${MONTH}&group_by=member&limit=2&offset=1`, finance)
      ).data
      expect(monthPage.groups).toEqual(wholeMonth.slice(1, 3))
      expect(monthPage.page).toEqual({ offset: 1, limit: 2, count: wholeMonth.length })
      await sql(
        `update finance_member_monthly_rollup set paid = paid + 1
          where ctid = (select ctid from finance_member_monthly_rollup
                         where month = '2026-11-01' and paid > 0 limit 1)`
      )
      expect(await memberPaid(MONTH)).toBe(expected.paid + 1)
      expect(await memberPaid()).toBe(expected.paid)
      await refreshFinanceRollupDay(knex, "2026-11-10")
      expect(await memberPaid(MONTH)).toBe(expected.paid)

      // A late refund recorded for 21 November after it was rolled up, and the ledger's
      // reversal of C's commission on it: the day is marked dirty and read raw, so every report
      // (the member breakdown and member totals among them) answers what the raw tables answer,
      // and again once the job has recomputed it.
      const [{ customer_id: customerC }] = await sql(
        "select customer_id from affiliate where id = ?",
        [(await me(c)).id]
      )
      await sql(
        `insert into refund (id, amount, raw_amount, payment_id, created_at, updated_at)
         values (?, 1.23, '{"value": "1.23", "precision": 20}', ?, '2026-11-21T04:00:00Z', now())`,
        [`ref_${randomUUID()}`, partRefund.paymentId]
      )
      await sql(
        `insert into affiliate_ledger_entry
           (id, affiliate_id, bucket, kind, amount, idempotency_key, order_id, buyer_customer_id, created_at)
         values (?, ?, 'pending', 'reversal', -50, ?, ?, ?, '2026-11-21T05:00:00Z')`,
        [`afle_${randomUUID()}`, affiliateB.id, randomUUID(), partRefund.id, customerC]
      )
      const lateDirty = await sql("select id from finance_rollup_day where dirty_at is not null")
      expect(lateDirty.map((row) => row.id)).toEqual(["2026-11-21"])
      const live = await readAll()
      expect(live[0].totals).toMatchObject({
        refunded: expected.refunded + 123,
        commissions: expected.commissions - 50,
      })
      const liveByMember: Group[] = live[reports.indexOf("&group_by=member")].groups
      expect(liveByMember.find((g) => g.key === customerC)).toMatchObject({
        refunded: expect.any(Number),
      })
      for (const metric of METRICS) {
        expect(sumOf(liveByMember, metric)).toBe(live[0].totals[metric])
      }
      // Every day read raw (all marked dirty), then every day rolled up again: the same answers.
      await sql("update finance_rollup_day set dirty_at = now()")
      expect(await readAll()).toEqual(live)
      await refreshFinanceRollups(knex)
      expect(await readAll()).toEqual(live)
      // The rebuild (rebuild-finance-rollups.ts) recomputes every day from the first with
      // money; twice over it counts nothing twice. The late refund's month now comes from the
      // member monthly rollup too, to the fen.
      const rollupRows = () =>
        sql(
          `select (select count(*)::int from finance_daily_rollup) as days,
                  (select count(*)::int from finance_member_daily_rollup) as member_days,
                  (select count(*)::int from finance_monthly_rollup) as months,
                  (select count(*)::int from finance_member_monthly_rollup) as member_months,
                  (select coalesce(sum(paid), 0)::int from finance_member_monthly_rollup) as member_paid`
        )
      const rebuilt = await rebuildFinanceRollups(knex)
      expect(rebuilt).toEqual(expect.arrayContaining(["2026-11-01", "2026-11-21", "2026-11-30"]))
      const once = await rollupRows()
      expect(await readAll()).toEqual(live)
      await rebuildFinanceRollups(knex)
      expect(await rollupRows()).toEqual(once)
      expect(await readAll()).toEqual(live)
      expect(await rolledWholeMonthsOf(knex, "2026-11-01", "2026-11-30")).toEqual({
        first: "2026-11-01",
        last: "2026-11-01",
      })

      // A member breakdown of a whole month and some days after it (a year's, in small) reads
      // the month from the member monthly rollup and the days from the member day rollup, and
      // answers what the raw tables answer.
      const wider = "from=2026-11-01&to=2026-12-05"
      const widerByMember = async (extra = "") =>
        (await api.get(`/admin/finance/summary?${wider}&group_by=member${extra}`, finance)).data
      const bothPages = () => Promise.all([widerByMember(), widerByMember("&limit=2&offset=1")])
      const widerRolled = await bothPages()
      const paidOfC = (summary: { groups: Group[] }) =>
        summary.groups.find((group) => group.key === customerC)!.paid
      await sql(
        `update finance_member_monthly_rollup set paid = paid + 1
          where month = '2026-11-01' and member_id = ?`,
        [customerC as string]
      )
      expect(paidOfC(await widerByMember())).toBe(paidOfC(widerRolled[0]) + 1)
      await refreshFinanceRollupDay(knex, "2026-11-10")
      expect(await bothPages()).toEqual(widerRolled)
      await sql("update finance_rollup_day set dirty_at = now()")
      expect(await bothPages()).toEqual(widerRolled)
      await refreshFinanceRollups(knex)
      expect(await bothPages()).toEqual(widerRolled)
    })

    it("counts the mini-program's H5 build as its own channel, apart from the web shop", async () => {
      // Two orders of one buyer in September 2026, paid online (Alipay) from phones: one from
      // the mini-program's H5 build (its checkout records it on the order, as
      // checkout-server-run.spec.ts shows), one from the web shop.
      const SEPTEMBER = "from=2026-09-01&to=2026-09-30"
      const buyer = await registerCustomer(api as never, publishableKey, "h5@example.com")
      const fromH5 = await placeOrder(buyer, "tumor-risk-gene-test")
      const fromWeb = await placeOrder(buyer, "drug-metabolism-gene-test")
      for (const order of [fromH5, fromWeb]) {
        await api.post(`/admin/payments/${order.paymentId}/capture`, {}, admin)
      }
      await sql(`update "order" set metadata = ?::jsonb where id = ?`, [
        JSON.stringify({ checkout_client: "miniprogram_h5" }),
        fromH5.id,
      ])
      // Captured offline above; an online payment is what leaves the channel to the client.
      await sql(`update payment set provider_id = 'pp_alipay_alipay' where id = any(?)`, [
        [fromH5.paymentId, fromWeb.paymentId],
      ])
      await at('"order"', [fromH5.id, fromWeb.id], "2026-09-10T04:00:00Z")
      const h5 = await medusaPayment(fromH5.paymentId)
      const web = await medusaPayment(fromWeb.paymentId)
      await at("capture", [...h5.captureIds, ...web.captureIds], "2026-09-10T04:05:00Z")

      const byChannel = async () =>
        (await api.get(`/admin/finance/summary?${SEPTEMBER}&group_by=channel`, finance)).data
      const channels = await byChannel()
      const money = (paid: number) => ({ orders: 1, paid, refunded: 0, net: paid })
      expect(channels.groups).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            key: "miniprogram_h5",
            label: "小程序 H5 版",
            ...money(h5.captured),
          }),
          expect.objectContaining({
            key: "web",
            label: "网站（PC 与 H5）",
            ...money(web.captured),
          }),
        ])
      )
      expect(channels.groups.some((g: Group) => g.key === "miniprogram")).toBe(false)
      const onlyH5 = await api.get(
        `/admin/finance/summary?${SEPTEMBER}&channel=miniprogram_h5`,
        finance
      )
      expect(onlyH5.data.totals).toMatchObject(money(h5.captured))
      // Rolled up, the channel is kept: the same answers from the rollups.
      // (September is before the first day the job rolled up: recomputed as a rebuild does.)
      await refreshFinanceRollupRun(
        getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION),
        "2026-09-01",
        "2026-09-30"
      )
      const [september] = await sql(
        `select count(*)::int as days from finance_rollup_day
          where id between '2026-09-01' and '2026-09-30' and refreshed_at is not null and dirty_at is null`
      )
      expect(september.days).toBe(30)
      const rolledChannels = await sql(
        `select distinct channel from finance_daily_rollup
          where day = '2026-09-10' and metric = 'paid' order by channel`
      )
      expect(rolledChannels.map((row) => row.channel)).toEqual(["miniprogram_h5", "web"])
      expect(await byChannel()).toEqual(channels)
    })

    it("refuses staff without the money area, and bad periods with a clear message", async () => {
      for (const path of ["summary", "export", "entries", "commissions"]) {
        const refused = await api.get(`/admin/finance/${path}?${MONTH}`, {
          ...operations,
          ...noThrow,
        })
        expect(refused.status).toBe(403)
      }
      const bad: [string, string][] = [
        ["to=2026-11-30", "字段 from：必填"],
        ["from=2026/11/01&to=2026-11-30", "开始日期格式应为 YYYY-MM-DD"],
        ["from=2026-02-30&to=2026-03-01", "开始日期不是有效的日期"],
        ["from=2026-12-01&to=2026-11-01", "开始日期不能晚于结束日期"],
        // Its previous period would start before year 1, which Postgres cannot store (was a 500).
        ["from=0001-01-01&to=0001-01-31", "开始日期须在 2000 至 2999 年之间"],
        ["from=2025-01-01&to=2026-01-02", "统计区间最长 366 天"],
        [`${MONTH}&group_by=week`, "字段 group_by：取值必须是 day、product、category"],
        [`${MONTH}&group_by=day&limit=10`, "只有按商品、分类、渠道、支付方式或会员的明细可以分页"],
        [`${MONTH}&group_by=member&limit=500`, "字段 limit：不能大于 200"],
      ]
      for (const [query, message] of bad) {
        for (const path of ["summary", "export"]) {
          const answer = await api.get(`/admin/finance/${path}?${query}`, {
            ...finance,
            ...noThrow,
          })
          expect([query, answer.status, answer.data.message]).toEqual([
            query,
            400,
            expect.stringContaining(message),
          ])
        }
      }
      const badEntries: [string, string][] = [
        [`${MONTH}`, "字段 figure：必填"],
        [`${MONTH}&figure=net`, "字段 figure"],
        [`${MONTH}&figure=paid&limit=1000`, "字段 limit：不能大于 200"],
        [`${MONTH}&figure=paid&offset=-1`, "字段 offset：不能小于 0"],
        [`${MONTH}&figure=paid&channel=shop`, "字段 channel"],
        [
          `${MONTH}&figure=paid&product_id=${encodeURIComponent("x' or 1=1")}`,
          "商品编号格式不正确",
        ],
        [`from=2026-12-01&to=2026-11-01&figure=paid`, "开始日期不能晚于结束日期"],
      ]
      for (const [query, message] of badEntries) {
        const answer = await api.get(`/admin/finance/entries?${query}`, { ...finance, ...noThrow })
        expect([query, answer.status, answer.data.message]).toEqual([
          query,
          400,
          expect.stringContaining(message),
        ])
      }
      // A leap year's 366 days is one period.
      const year = await api.get("/admin/finance/summary?from=2028-01-01&to=2028-12-31", finance)
      expect(year.data.totals.orders).toBe(0)
    })

    it("reads today's finished hours from the hourly rollup, never stale after a late refund or a status change", async () => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const HOUR = 3600_000
      const beijingDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10)
      // The day rollup takes yesterday an hour after Beijing's midnight (GRACE), and then the
      // hourly rollup no longer serves yesterday's hours. Between 00:55 and 01:07 Beijing time
      // the test could straddle that moment, so it waits it out (at most 12 minutes, one run in
      // 120); before it, the hour is yesterday's, after it one of today's.
      const beijingMinute = () => Math.floor(((Date.now() + 8 * HOUR) % (24 * HOUR)) / 60_000)
      if (beijingMinute() >= 55 && beijingMinute() < 67) {
        await new Promise((resolve) => setTimeout(resolve, (67 - beijingMinute()) * 60_000))
      }
      // The latest hour that ended over the hourly rollup's grace (5 min) ago, with a margin.
      const hourMs = Math.floor((Date.now() - 7 * 60_000) / HOUR) * HOUR - HOUR
      const hour = new Date(hourMs).toISOString()
      const inHour = (minutes: number) => new Date(hourMs + minutes * 60_000).toISOString()
      const period = `from=${beijingDay(hourMs)}&to=${beijingDay(Date.now())}`
      const reports = [
        "",
        "&group_by=day",
        "&group_by=product",
        "&group_by=category",
        "&group_by=channel",
        "&channel=offline",
        "&order_status=completed",
        // The member breakdown and a member's totals read the member hourly rollup.
        "&group_by=member",
      ]
      const readAll = () =>
        Promise.all(
          reports.map(
            async (extra) =>
              (await api.get(`/admin/finance/summary?${period}${extra}`, finance)).data
          )
        )
      // Every hour read raw: what the reports must answer.
      const readRaw = async () => {
        await sql("update finance_rollup_hour set dirty_at = now()")
        return readAll()
      }

      const buyer = await registerCustomer(api as never, publishableKey, "hours@example.com")
      const order = await placeOrder(buyer, "tumor-risk-gene-test", 0, "drug-metabolism-gene-test")
      await api.post(`/admin/payments/${order.paymentId}/capture`, {}, admin)
      const payment = await medusaPayment(order.paymentId)
      await at('"order"', [order.id], inHour(10))
      await at("capture", payment.captureIds, inHour(12))
      const [{ customer_id: buyerId }] = (await sql(
        `select customer_id from "order" where id = ?`,
        [order.id]
      )) as { customer_id: string }[]
      reports.push(`&customer_id=${buyerId}`)
      // A commission on the order and its partial reversal, both in the hour.
      const affiliateId = (await me(buyer)).id as string
      const commissionId = `afle_${randomUUID()}`
      for (const [id, kind, amount, minutes, reverses] of [
        [commissionId, "commission", 900, 20, null],
        [`afle_${randomUUID()}`, "reversal", -350, 40, commissionId],
      ] as const) {
        await sql(
          `insert into affiliate_ledger_entry
             (id, affiliate_id, bucket, kind, amount, idempotency_key, order_id, reverses_entry_id, created_at)
           values (?, ?, 'pending', ?, ?, ?, ?, ?, ?::timestamptz)`,
          [id, affiliateId, kind, amount, randomUUID(), order.id, reverses, inHour(minutes)]
        )
      }
      const raw = await readRaw()
      const buyerGroup = (summary: { groups: Group[] }) =>
        summary.groups.find((group) => group.key === buyerId)!
      expect(buyerGroup(raw[reports.indexOf("&group_by=member")])).toMatchObject({
        paid: payment.captured,
        commissions: 550,
      })
      expect(raw[0].totals.paid).toBeGreaterThanOrEqual(payment.captured)

      // The job rolls the finished hours up; the reports read them there, to the fen.
      await refreshFinanceRollups(knex)
      const [rolled] = await sql(
        "select refreshed_at is not null and dirty_at is null as clean from finance_rollup_hour where id = ?",
        [hour]
      )
      expect(rolled).toEqual({ clean: true })
      expect(await readAll()).toEqual(raw)
      await sql(
        `update finance_hourly_rollup set amount = amount + 1
          where ctid = (select ctid from finance_hourly_rollup
                         where hour = ? and metric = 'paid' and not split and amount > 0 limit 1)`,
        [hour]
      )
      expect((await readAll())[0].totals.paid).toBe(raw[0].totals.paid + 1)
      await refreshFinanceRollupHours(knex, hour, hour)
      expect(await readAll()).toEqual(raw)
      // The member breakdown reads the hour from the member hourly rollup too.
      await sql(
        `update finance_member_hourly_rollup set paid = paid + 1
          where ctid = (select ctid from finance_member_hourly_rollup
                         where hour = ? and member_id = ? and paid > 0 limit 1)`,
        [hour, buyerId]
      )
      const tampered = await readAll()
      expect(buyerGroup(tampered[reports.indexOf("&group_by=member")]).paid).toBe(
        payment.captured + 1
      )
      expect(tampered[reports.indexOf(`&customer_id=${buyerId}`)].totals.paid).toBe(
        raw[reports.indexOf(`&customer_id=${buyerId}`)].totals.paid + 1
      )
      await refreshFinanceRollupHours(knex, hour, hour)
      expect(await readAll()).toEqual(raw)

      // A refund recorded late into that hour marks it dirty: read raw, then rolled up again.
      const refundFen = Math.round(payment.captured / 4)
      await api.post(
        `/admin/payments/${order.paymentId}/refund`,
        { amount: refundFen / 100 },
        admin
      )
      const { refundIds } = await medusaPayment(order.paymentId)
      await at("refund", refundIds, inHour(30))
      const [marked] = await sql(
        "select dirty_at is not null as dirty from finance_rollup_hour where id = ?",
        [hour]
      )
      expect(marked).toEqual({ dirty: true })
      const afterRefund = await readAll()
      expect(afterRefund[0].totals.refunded).toBe(raw[0].totals.refunded + refundFen)
      await refreshFinanceRollups(knex)
      expect(await readAll()).toEqual(afterRefund)

      // The order completing changes the status its hour's money is filed under.
      await sql(`update "order" set status = 'completed' where id = ?`, [order.id])
      const completed = await readAll()
      expect(completed[reports.indexOf("&order_status=completed")].totals.paid).toBe(
        afterRefund[reports.indexOf("&order_status=completed")].totals.paid + payment.captured
      )
      await refreshFinanceRollups(knex)
      expect(await readAll()).toEqual(completed)
      expect(await readRaw()).toEqual(completed)

      // The current hour is never marked (always read raw): today's writes queue on no mark row.
      await at("refund", refundIds, new Date().toISOString())
      const current = await sql(
        "select id from finance_rollup_hour where id > now() - interval '1 hour'"
      )
      expect(current).toEqual([])
    }, 900_000)
  },
})
