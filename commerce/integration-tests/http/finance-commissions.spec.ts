import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import ExcelJS from "exceljs"
import seed from "../../src/scripts/seed"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { cartReadyForPayment } from "../helpers/checkout"
import { eventually } from "../helpers/eventually"
import { PDFDocument } from "pdf-lib"
import {
  formatFen,
  lineColumn,
} from "../../src/api/admin/finance/commissions/[id]/statement/commission-statement-pdf"
import { readReportPdf } from "../../src/lib/reports/read-report-pdf"
import {
  refreshFinanceRollupDay,
  refreshFinanceRollupRun,
  refreshFinanceRollups,
} from "../../src/workflows/finance/finance-rollup"
import { refreshLedgerMonth } from "../../src/workflows/finance/ledger-rollup"
import { monthDays } from "../../src/workflows/finance/steps/read-commission-statement-step"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

type Headers = { headers: Record<string, string> }
type Account = Record<
  | "accrued"
  | "reversed"
  | "matured"
  | "withdrawn"
  | "pending"
  | "available"
  | "outstanding"
  | "opening_outstanding",
  number
> & { affiliate_id: string; code: string; member: string }

/** Today in Beijing, and the month it is in. */
const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
const month = today.slice(0, 7)
const PERIOD = `from=${month}-01&to=${today}`

const PAYEE = { holder: "王小明", bank: "中国银行岳阳分行", account_no: "6217000011112222" }

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

    /** A kit bought in 岳阳, paid offline, captured by finance. */
    async function paidOrder(buyer: Headers) {
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
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, buyer)
      expect(data.type).toBe("order")
      const [payment] = await sql(
        `select p.id, p.amount from order_payment_collection opc
           join payment p on p.payment_collection_id = opc.payment_collection_id
          where opc.order_id = ?`,
        [data.order.id]
      )
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      return {
        id: data.order.id as string,
        displayId: Number(data.order.display_id),
        paymentId: payment.id as string,
        fen: Math.round(Number(payment.amount) * 100),
      }
    }

    it("accounts every affiliate's month from the ledger, shows the orders behind each figure and writes the statement", async () => {
      // A refers B, B refers C: C's orders earn B (level 1) and A (level 2).
      const a = await registerCustomer(api as never, publishableKey, "a@example.com")
      const b = await registerCustomer(api as never, publishableKey, "b@example.com")
      const c = await registerCustomer(api as never, publishableKey, "c@example.com")
      await api.post("/store/affiliate/bind", { code: (await me(a)).code }, b)
      await api.post("/store/affiliate/bind", { code: (await me(b)).code }, c)
      const affiliateA = await me(a)
      const affiliateB = await me(b)

      // Order 1 is half refunded (reversals); order 2 completes (its commissions mature).
      const refunded = await paidOrder(c)
      const completed = await paidOrder(c)
      await api.post(
        `/admin/payments/${refunded.paymentId}/refund`,
        { amount: Math.round(refunded.fen / 2) / 100 },
        admin
      )
      await eventually(
        () => sql(`select count(*)::int as n from affiliate_ledger_entry where kind = 'reversal'`),
        (rows) => (rows[0].n as number) >= 2
      )
      await api.post(`/admin/orders/${completed.id}/complete`, {}, admin)
      await eventually(
        () => me(b),
        (aff) => aff.balances.available > 0
      )
      // B withdraws ¥10 to a bank account; finance approves and pays it.
      await api.post("/admin/affiliate/settings", { min_withdrawal: 1 }, admin)
      const { data: requested } = await api.post(
        "/store/affiliate/withdrawals",
        { amount: 10, method: "bank", payee: PAYEE, request_key: randomUUID() },
        b
      )
      const withdrawalId = requested.withdrawal.id as string
      await api.post(`/admin/affiliate/withdrawals/${withdrawalId}/approve`, {}, admin)
      await api.post(`/admin/affiliate/withdrawals/${withdrawalId}/pay`, {}, admin)

      // The ledger's own figures per affiliate, computed without the report.
      const ledger = await sql(
        `select affiliate_id,
                coalesce(sum(amount) filter (where kind = 'commission'), 0)::int as accrued,
                coalesce(sum(amount) filter (where kind = 'reversal'), 0)::int as reversed,
                coalesce(sum(amount) filter (where kind = 'maturation' and bucket = 'available'), 0)::int as matured,
                coalesce(sum(amount) filter (where kind = 'withdrawal_paid' and bucket = 'withdrawn'), 0)::int as withdrawn,
                coalesce(sum(amount) filter (where bucket = 'pending'), 0)::int as pending,
                coalesce(sum(amount) filter (where bucket = 'available'), 0)::int as available
           from affiliate_ledger_entry group by affiliate_id`
      )
      const ledgerOf = (id: string) => ledger.find((row) => row.affiliate_id === id)!
      expect(ledgerOf(affiliateB.id)).toMatchObject({ withdrawn: 1000 })
      expect(ledgerOf(affiliateB.id).reversed as number).toBeLessThan(0)
      expect(ledgerOf(affiliateB.id).matured as number).toBeGreaterThan(0)

      const { data: page } = await api.get(`/admin/finance/commissions?${PERIOD}`, finance)
      expect(page.count).toBe(2)
      for (const affiliate of [affiliateA, affiliateB]) {
        const account = page.accounts.find((x: Account) => x.affiliate_id === affiliate.id)
        const row = ledgerOf(affiliate.id)
        expect(account).toMatchObject({
          code: affiliate.code,
          accrued: row.accrued,
          reversed: row.reversed,
          matured: row.matured,
          withdrawn: row.withdrawn,
          pending: row.pending,
          available: row.available,
          outstanding: (row.pending as number) + (row.available as number),
          opening_outstanding: 0,
        })
        expect(account.member).toMatch(/\*/)
      }
      // The balances B itself sees agree with finance's outstanding.
      const seenByB = (await me(b)).balances
      const accountB = page.accounts.find((x: Account) => x.affiliate_id === affiliateB.id)
      expect(Math.round((seenByB.pending + seenByB.available) * 100)).toBe(accountB.outstanding)
      // Totals are the sum of the affiliates, and agree with 财务统计's commissions and payouts.
      for (const figure of [
        "accrued",
        "reversed",
        "matured",
        "withdrawn",
        "outstanding",
      ] as const) {
        expect(page.totals[figure]).toBe(
          page.accounts.reduce((sum: number, x: Account) => sum + x[figure], 0)
        )
      }
      const { data: summary } = await api.get(`/admin/finance/summary?${PERIOD}`, finance)
      expect(summary.totals.commissions).toBe(page.totals.accrued + page.totals.reversed)
      expect(summary.totals.payouts).toBe(page.totals.withdrawn)
      // Payee bank details are never part of commission accounting.
      expect(JSON.stringify(page)).not.toMatch(/6217000011112222|王小明|中国银行/)

      // The orders behind each of B's figures.
      const entries = async (figure: string, paging = "") =>
        (
          await api.get(
            `/admin/finance/commissions/${affiliateB.id}/entries?${PERIOD}&figure=${figure}${paging}`,
            finance
          )
        ).data
      const accrued = await entries("accrued")
      expect(accrued.amount).toBe(accountB.accrued)
      expect(
        new Set(accrued.entries.map((e: { order_display_id: number }) => e.order_display_id))
      ).toEqual(new Set([refunded.displayId, completed.displayId]))
      expect(accrued.entries[0]).toMatchObject({ kind: "commission", level: 1 })
      expect(accrued.entries[0].product_title).toContain("肿瘤")
      const reversed = await entries("reversed")
      expect(reversed.amount).toBe(accountB.reversed)
      expect(reversed.entries.map((e: { order_display_id: number }) => e.order_display_id)).toEqual(
        [refunded.displayId]
      )
      const matured = await entries("matured")
      expect(matured.amount).toBe(accountB.matured)
      expect(matured.entries.map((e: { order_display_id: number }) => e.order_display_id)).toEqual([
        completed.displayId,
      ])
      const withdrawn = await entries("withdrawn")
      expect(withdrawn).toMatchObject({ amount: 1000, count: 1 })
      expect(withdrawn.entries[0].withdrawal_id).toBe(withdrawalId)
      const first = await entries("all", "&limit=1&offset=0")
      const all = await entries("all")
      expect(first.count).toBe(all.count)
      expect(first.entries).toEqual(all.entries.slice(0, 1))
      expect(await entries("all", "&limit=10&offset=500")).toMatchObject({
        entries: [],
        count: all.count,
        amount: all.amount,
      })
      // Past the last page: no rows, and still the count of all of them.
      const { data: beyond } = await api.get(
        `/admin/finance/commissions?${PERIOD}&offset=50`,
        finance
      )
      expect(beyond).toMatchObject({ accounts: [], count: 2, totals: page.totals })

      // The monthly statement: the same figures and every ledger line of B's month.
      const statement = await api.get(
        `/admin/finance/commissions/${affiliateB.id}/statement?month=${month}`,
        { ...finance, responseType: "arraybuffer" }
      )
      expect(statement.headers["content-disposition"]).toContain(
        `filename*=UTF-8''${encodeURIComponent(`分销对账单_${affiliateB.code}_${month}.xlsx`)}`
      )
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Buffer.from(statement.data) as never)
      const sheet = workbook.getWorksheet("对账单")!
      const valueOf = (label: string) => {
        const row = (sheet.getColumn(1).values as unknown[]).indexOf(label)
        return sheet.getRow(row).getCell(2).value
      }
      expect(valueOf("分销商推荐码")).toBe(affiliateB.code)
      expect(valueOf("本月新增佣金")).toBe(accountB.accrued / 100)
      expect(valueOf("本月退款冲回")).toBe(accountB.reversed / 100)
      expect(valueOf("本月提现到账")).toBe(10)
      expect(valueOf("期末未结清（待结算 + 可提现）")).toBe(accountB.outstanding / 100)
      const lines = workbook.getWorksheet("明细")!
      expect(lines.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
      let fen = 0
      lines.eachRow((row, index) => {
        if (index > 1) fen += Math.round(Number(row.getCell(4).value) * 100)
      })
      expect(lines.rowCount - 1).toBe(all.count)
      expect(fen).toBe(all.amount)

      // The same statement as a PDF: a valid file, zh-CN, the figures and a totals row whose
      // columns are the ledger's figures (the lines no figure counts under 其他变动).
      const pdf = await api.get(
        `/admin/finance/commissions/${affiliateB.id}/statement?month=${month}&format=pdf`,
        { ...finance, responseType: "arraybuffer" }
      )
      expect(pdf.headers["content-type"]).toBe("application/pdf")
      expect(pdf.headers["content-disposition"]).toContain(
        `filename*=UTF-8''${encodeURIComponent(`分销对账单_${affiliateB.code}_${month}.pdf`)}`
      )
      const pdfBytes = Buffer.from(pdf.data)
      const doc = await PDFDocument.load(pdfBytes)
      const { pages, text } = await readReportPdf(pdfBytes)
      expect(pages).toBe(doc.getPageCount())
      const pdfText = text.replace(/\s+/g, "")
      expect(pdfText).toContain(`分销商推荐码${affiliateB.code}`)
      expect(pdfText).toContain(`本月新增佣金${formatFen(accountB.accrued)}`)
      expect(pdfText).toContain(`本月退款冲回${formatFen(accountB.reversed)}`)
      expect(pdfText).toContain(`本月提现到账¥10.00`)
      expect(pdfText).toContain(`期末未结清（待结算+可提现）${formatFen(accountB.outstanding)}`)
      const other = all.entries
        .filter((e: { kind: string; bucket: string }) => lineColumn(e) === "other")
        .reduce((sum: number, e: { amount: number }) => sum + e.amount, 0)
      expect(pdfText).toContain(
        `合计${[accountB.accrued, accountB.reversed, accountB.matured, accountB.withdrawn, other]
          .map(formatFen)
          .join("")}`
      )
      expect(pdfText).toContain(`本月明细（${all.count}笔）`)
      // Members masked; payee bank details never printed.
      expect(pdfText).not.toMatch(/b@example\.com|c@example\.com|6217000011112222|王小明/)

      // Every read is audited with the affiliate and period asked for.
      const audited = await eventually(
        () =>
          sql(
            `select action, details from audit_entry where action like 'finance.commission%' order by created_at`
          ),
        (rows) => rows.filter((row) => row.action === "finance.commission_statement").length >= 2
      )
      expect(audited.map((row) => row.action)).toEqual(
        expect.arrayContaining(["finance.commissions", "finance.commission_entries"])
      )
      expect(audited.filter((row) => row.action === "finance.commission_statement")).toEqual([
        expect.objectContaining({
          details: { month, format: "xlsx", affiliate_id: affiliateB.id },
        }),
        expect.objectContaining({ details: { month, format: "pdf", affiliate_id: affiliateB.id } }),
      ])

      // At volume, finished months come from the ledger's monthly rollup (#18 item 7): rolled
      // up, 分销核算 answers exactly what the ledger answers, a late reversal included.
      {
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const monthBefore = (months: number) => {
          const [year, number] = month.split("-").map(Number)
          return new Date(Date.UTC(year, number - 1 - months, 1)).toISOString().slice(0, 7)
        }
        const [older, last] = [monthBefore(2), monthBefore(1)]
        const lastEnd = monthDays(last).to
        const bId = affiliateB.id as string
        // The ledger above moved back: commissions into the month before last, reversals
        // and maturations into last month, the rest stays in this month (the ledger is
        // append-only: its triggers set aside for the move, as the data of a past year would be).
        await sql("alter table affiliate_ledger_entry disable trigger user")
        await sql(
          `update affiliate_ledger_entry set created_at = ?::timestamptz where kind = 'commission'`,
          [`${older}-10T04:00:00Z`]
        )
        await sql(
          `update affiliate_ledger_entry set created_at = ?::timestamptz
            where kind in ('reversal', 'maturation')`,
          [`${last}-05T04:00:00Z`]
        )
        await sql("alter table affiliate_ledger_entry enable trigger user")

        const periods = [
          `from=${older}-01&to=${today}`,
          `from=${last}-01&to=${lastEnd}`,
          // Cut mid-month at the start: that month is read raw.
          `from=${older}-15&to=${lastEnd}`,
          `from=${older}-01&to=${today}&affiliate_id=${bId}`,
        ]
        const readAll = () =>
          Promise.all(
            periods.map(
              async (period) =>
                (await api.get(`/admin/finance/commissions?${period}`, finance)).data
            )
          )
        // Nothing rolled up yet: the ledger read raw, and its own sums agree.
        const raw = await readAll()
        const [ledger] = await sql(
          `select coalesce(sum(amount) filter (where kind = 'commission'), 0)::int as accrued,
                  coalesce(sum(amount) filter (where kind = 'reversal'), 0)::int as reversed,
                  coalesce(sum(amount) filter (where bucket in ('pending', 'available')), 0)::int as outstanding
             from affiliate_ledger_entry`
        )
        expect(raw[0].totals).toMatchObject(ledger)
        expect(raw[1].totals).toMatchObject({ accrued: 0, reversed: ledger.reversed })
        expect(raw[2].totals.accrued).toBe(0)

        await refreshFinanceRollups(knex)
        const months = await sql(
          `select id from finance_rollup_month
            where refreshed_at is not null and dirty_at is null order by id`
        )
        expect(months.map((row) => row.id)).toEqual(expect.arrayContaining([older, last]))
        expect(months.map((row) => row.id)).not.toContain(month)
        expect(await readAll()).toEqual(raw)
        // The report does read the rollup (last month's running totals end the whole period): a
        // figure changed there shows; a refresh puts it back.
        await sql(
          `update finance_affiliate_monthly_rollup set accrued = accrued + 1
            where month = ?::date and affiliate_id = ?`,
          [`${last}-01`, bId]
        )
        expect((await readAll())[0].totals.accrued).toBe(raw[0].totals.accrued + 1)
        await refreshLedgerMonth(knex, last)
        expect(await readAll()).toEqual(raw)

        // A reversal written late into last month marks the month dirty: read raw until the job
        // recomputes it, the figures are the ledger's.
        await sql(
          `insert into affiliate_ledger_entry
             (id, affiliate_id, bucket, kind, amount, idempotency_key, created_at)
           values (?, ?, 'pending', 'reversal', -321, ?, ?::timestamptz)`,
          [`afle_${randomUUID()}`, bId, randomUUID(), `${last}-20T04:00:00Z`]
        )
        const [marked] = await sql("select dirty_at from finance_rollup_month where id = ?", [last])
        expect(marked.dirty_at).not.toBeNull()
        const live = await readAll()
        expect(live[1].totals.reversed).toBe(raw[1].totals.reversed - 321)
        expect(live[0].totals.outstanding).toBe(raw[0].totals.outstanding - 321)
        // Every month read raw (all marked), then all rolled up again: the same answers.
        await sql("update finance_rollup_month set dirty_at = now()")
        expect(await readAll()).toEqual(live)
        await refreshFinanceRollups(knex)
        expect(await readAll()).toEqual(live)

        // Last month's statement, through the rollup, carries the same figures as 分销核算.
        const accountLast = live[1].accounts.find((x: Account) => x.affiliate_id === bId) as Account
        const statement = await api.get(
          `/admin/finance/commissions/${bId}/statement?month=${last}&format=pdf`,
          { ...finance, responseType: "arraybuffer" }
        )
        const { text } = await readReportPdf(Buffer.from(statement.data))
        const compact = text.replace(/\s+/g, "")
        expect(compact).toContain(`本月退款冲回${formatFen(accountLast.reversed)}`)
        expect(compact).toContain(
          `期末未结清（待结算+可提现）${formatFen(accountLast.outstanding)}`
        )

        // The current month (#18 item 7): its finished days come from the ledger's day rollup
        // and only today's lines (and a dirty day's) are read raw, always agreeing to the fen
        // with the ledger's own sums, a reversal and a line written today among them.
        // A finished day of this month (on the 1st, the day before yesterday, so that the day
        // rollup, not last month's running totals, holds it for a period of that day).
        const yesterday = new Date(Date.now() - (today.endsWith("-01") ? 40 : 16) * 3600_000)
          .toISOString()
          .slice(0, 10)
        const line = async (
          kind: string,
          amount: number,
          at: string,
          extra: { bucket?: string; reverses?: string } = {}
        ) => {
          const id = `afle_${randomUUID()}`
          await sql(
            `insert into affiliate_ledger_entry
               (id, affiliate_id, bucket, kind, amount, idempotency_key, reverses_entry_id, created_at)
             values (?, ?, ?, ?, ?, ?, ?, ?::timestamptz)`,
            [
              id,
              bId,
              extra.bucket ?? "pending",
              kind,
              amount,
              randomUUID(),
              extra.reverses ?? null,
              at,
            ]
          )
          return id
        }
        const accrual = await line("commission", 500, `${yesterday}T04:00:00Z`)
        await line("reversal", -200, `${yesterday}T05:00:00Z`, { reverses: accrual })
        await line("maturation", 300, `${yesterday}T06:00:00Z`, { bucket: "available" })
        await line("maturation", -300, `${yesterday}T06:00:00Z`)
        const todays = await line("commission", 700, new Date().toISOString())
        await line("reversal", -100, new Date().toISOString(), { reverses: todays })

        const dayPeriods = [
          `from=${month}-01&to=${today}`,
          `from=${yesterday}&to=${today}`,
          `from=${yesterday}&to=${yesterday}`,
          `from=${older}-01&to=${today}`,
          `from=${older}-15&to=${today}&affiliate_id=${bId}`,
        ]
        /** 分销核算's totals for a period, summed straight from the ledger. */
        const ledgerTotals = async (period: string) => {
          const query = new URLSearchParams(period)
          const t0 = new Date(`${query.get("from")}T00:00:00+08:00`).toISOString()
          const t1 = new Date(
            Date.parse(`${query.get("to")}T00:00:00+08:00`) + 24 * 3600_000
          ).toISOString()
          const [row] = await sql(
            `select
               coalesce(sum(amount) filter (where kind = 'commission' and created_at >= ?1), 0)::int as accrued,
               coalesce(sum(amount) filter (where kind = 'reversal' and created_at >= ?1), 0)::int as reversed,
               coalesce(sum(amount) filter (where kind = 'maturation' and bucket = 'available' and created_at >= ?1), 0)::int as matured,
               coalesce(sum(amount) filter (where kind = 'withdrawal_paid' and bucket = 'withdrawn' and created_at >= ?1), 0)::int as withdrawn,
               coalesce(sum(amount) filter (where bucket = 'pending'), 0)::int as pending,
               coalesce(sum(amount) filter (where bucket = 'available'), 0)::int as available,
               coalesce(sum(amount) filter (where bucket in ('pending', 'available') and created_at < ?1), 0)::int
                 as opening_outstanding
               from affiliate_ledger_entry
              where deleted_at is null and created_at < ?2 and (?3::text is null or affiliate_id = ?3)`
              .replace(/\?1/g, "?::timestamptz")
              .replace(/\?2/g, "?::timestamptz")
              .replace(/\?3/g, "?"),
            [...Array(4).fill(t0), t0, t1, query.get("affiliate_id"), query.get("affiliate_id")]
          )
          return { ...row, outstanding: (row.pending as number) + (row.available as number) }
        }
        const readDays = () =>
          Promise.all(
            dayPeriods.map(
              async (period) =>
                (await api.get(`/admin/finance/commissions?${period}`, finance)).data
            )
          )
        const agreesWithLedger = async () => {
          const reports = await readDays()
          for (const [i, period] of dayPeriods.entries()) {
            expect([period, reports[i].totals]).toEqual([period, await ledgerTotals(period)])
          }
          return reports
        }
        const beforeRollup = await agreesWithLedger()
        expect(beforeRollup[1].totals).toMatchObject({
          accrued: 1200,
          reversed: -300,
          matured: 300,
        })

        await refreshFinanceRollups(knex)
        // The day is rolled up even within the hour after midnight the job waits.
        await refreshFinanceRollupRun(knex, yesterday, yesterday)
        const [dayRow] = await sql(
          `select accrued::int, reversed::int, matured::int, pending::int, available::int
             from finance_affiliate_daily_rollup where day = ?::date and affiliate_id = ?`,
          [yesterday, bId]
        )
        expect(dayRow).toEqual({
          accrued: 500,
          reversed: -200,
          matured: 300,
          pending: 0,
          available: 300,
        })
        expect(await agreesWithLedger()).toEqual(beforeRollup)
        // The report does read the day from the day rollup (a figure changed there shows); a
        // refresh of the day puts it back.
        await sql(
          `update finance_affiliate_daily_rollup set accrued = accrued + 1
            where day = ?::date and affiliate_id = ?`,
          [yesterday, bId]
        )
        expect((await readDays())[2].totals.accrued).toBe(beforeRollup[2].totals.accrued + 1)
        await refreshFinanceRollupDay(knex, yesterday)
        expect(await agreesWithLedger()).toEqual(beforeRollup)

        // A reversal written late into the day marks the day dirty: read raw until the job
        // recomputes it, then from the rollup again, the ledger's figures throughout.
        await line("reversal", -45, `${yesterday}T09:00:00Z`, { reverses: accrual })
        const [dirty] = await sql("select dirty_at from finance_rollup_day where id = ?", [
          yesterday,
        ])
        expect(dirty.dirty_at).not.toBeNull()
        const late = await agreesWithLedger()
        expect(late[2].totals.reversed).toBe(beforeRollup[2].totals.reversed - 45)
        await refreshFinanceRollupRun(knex, yesterday, yesterday)
        expect(await agreesWithLedger()).toEqual(late)
      }
    })

    it("keeps commission accounting to finance and answers bad input with a clear message", async () => {
      for (const path of [
        `/admin/finance/commissions?${PERIOD}`,
        `/admin/finance/commissions/aff_missing/entries?${PERIOD}`,
        `/admin/finance/commissions/aff_missing/statement?month=${month}`,
      ]) {
        const refused = await api.get(path, { ...operations, ...noThrow })
        expect([path, refused.status]).toEqual([path, 403])
      }
      const bad: [string, number, string][] = [
        [`/admin/finance/commissions?from=${today}`, 400, "字段 to：必填"],
        [`/admin/finance/commissions?${PERIOD}&limit=0`, 400, "字段 limit：不能小于 1"],
        [`/admin/finance/commissions/aff_x/entries?${PERIOD}&figure=owed`, 400, "字段 figure"],
        [`/admin/finance/commissions/aff_x/statement?month=2026-13`, 400, "月份格式应为 YYYY-MM"],
        [
          `/admin/finance/commissions/aff_x/statement?month=${month}&format=doc`,
          400,
          "字段 format",
        ],
        [`/admin/finance/commissions/aff_missing/statement?month=${month}`, 404, "分销商不存在"],
      ]
      for (const [path, status, message] of bad) {
        const answer = await api.get(path, { ...finance, ...noThrow })
        expect([path, answer.status, answer.data.message]).toEqual([
          path,
          status,
          expect.stringContaining(message),
        ])
      }
    })
  },
})
