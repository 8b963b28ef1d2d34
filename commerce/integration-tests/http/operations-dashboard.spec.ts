import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { randomUUID } from "crypto"
import ExcelJS from "exceljs"
import seed from "../../src/scripts/seed"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { eventually } from "../helpers/eventually"
import { YUEYANG_ADDRESS, cartReadyForPayment } from "../helpers/checkout"
import { freePortSync } from "../helpers/free-port"

jest.setTimeout(300_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`
// No CMS answers here (nothing listens on the port): every site has the default places per slot.
process.env.CMS_URL = `http://127.0.0.1:${freePortSync()}`
process.env.APPOINTMENT_SLOT_CAPACITY = "4"

type Headers = { headers: Record<string, string> }

/** Today in Beijing. */
const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
const PERIOD = `from=${today}&to=${today}`

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let admin: Headers
    let finance: Headers
    let operations: Headers
    let lab: Headers
    const noThrow = { validateStatus: () => true }

    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      admin = await adminHeaders(container, api as never, "root@health.local")
      finance = await adminHeaders(container, api as never, "cw@health.local", ["finance"])
      operations = await adminHeaders(container, api as never, "yy@health.local", ["operations"])
      lab = await adminHeaders(container, api as never, "lab@health.local", ["lab"])
    })

    /** A kit paid offline, which only 岳阳 orders may use. */
    async function order(buyer: Headers, address: Record<string, string>) {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api as never,
        buyer,
        "tumor-risk-gene-test",
        address
      )
      // A mailed kit ships by courier: never the on-site collection option.
      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, buyer)
      const courier = options.shipping_options.find(
        (option: { name: string }) => !option.name.includes("现场")
      )
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: courier.id }, buyer)
      await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_system_default" },
        buyer
      )
      const { data, status } = await api.post(
        `/store/carts/${cartId}/complete`,
        {},
        {
          ...buyer,
          ...noThrow,
        }
      )
      expect({ status, message: data.message }).toEqual({ status: 200, message: undefined })
      expect(data.type).toBe("order")
      return data.order.id as string
    }

    it("answers sales and regions in fen and counts, audit-logged, for 运营 and 财务", async () => {
      const buyer = await registerCustomer(api as never, publishableKey, "dash@example.com")
      const paidId = await order(buyer, YUEYANG_ADDRESS)
      await order(buyer, YUEYANG_ADDRESS)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [paid],
      } = await query.graph({
        entity: "order",
        fields: ["payment_collections.payments.id", "payment_collections.payments.amount"],
        filters: { id: paidId },
      })
      const payment = (paid as any).payment_collections[0].payments[0]
      await api.post(`/admin/payments/${payment.id}/capture`, {}, finance)
      const fen = Math.round(Number(payment.amount) * 100)
      expect(fen).toBeGreaterThan(0)

      const { data } = await api.get(`/admin/dashboard/overview?${PERIOD}`, operations)
      expect(data.sales).toEqual([{ period: today, paid: fen, orders: 2 }])
      expect(data.regions).toEqual([{ province: "湖南省", orders: 2 }])

      const only = await api.get(`/admin/dashboard/overview?${PERIOD}&block=regions`, finance)
      expect(Object.keys(only.data)).toEqual(["regions"])

      // Two carts became orders after starting to pay; one was paid. Visits are not recorded.
      const { data: conversion } = await api.get(
        `/admin/dashboard/overview?${PERIOD}&block=conversion`,
        operations
      )
      expect(conversion.conversion.map((s: { count: number | null }) => s.count)).toEqual([
        null,
        2,
        2,
        2,
        1,
      ])
      expect(conversion.conversion[0].note).toContain("暂无访问数据")

      const empty = await api.get("/admin/dashboard/overview?from=2001-01-01&to=2001-01-31", admin)
      expect(empty.data).toEqual({
        sales: [],
        conversion: [
          expect.objectContaining({ step: "visits", count: null }),
          { step: "carts", label: "加入购物车", count: 0 },
          { step: "checkouts", label: "发起支付", count: 0 },
          { step: "orders", label: "提交订单", count: 0 },
          { step: "paid", label: "完成支付", count: 0 },
        ],
        members: [],
        affiliates: [],
        kits: { statuses: [], turnaround: { reports: 0, median_hours: null, p90_hours: null } },
        appointments: [],
        constitution: [],
        regions: [],
      })

      // The audit entry is written once each answer is sent: wait for all four reads.
      const logged = await eventually(
        () =>
          getContainer()
            .resolve(ContainerRegistrationKeys.PG_CONNECTION)
            .raw(`select count(*)::int n from audit_entry where action = 'dashboard.overview'`)
            .then((result: { rows: { n: number }[] }) => result.rows[0].n),
        (n) => n >= 4
      )
      expect(logged).toBe(4)
    })

    it("refuses a role without orders read and answers bad input 400 in Chinese", async () => {
      const refused = await api.get(`/admin/dashboard/overview?${PERIOD}`, { ...lab, ...noThrow })
      expect(refused.status).toBe(403)
      const reversed = await api.get("/admin/dashboard/overview?from=2026-02-01&to=2026-01-01", {
        ...admin,
        ...noThrow,
      })
      expect(reversed.status).toBe(400)
      expect(reversed.data.message).toContain("开始日期不能晚于结束日期")
      const bad = await api.get(`/admin/dashboard/overview?${PERIOD}&granularity=hour`, {
        ...admin,
        ...noThrow,
      })
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("granularity")
      const block = await api.get(`/admin/dashboard/overview?${PERIOD}&block=profit`, {
        ...admin,
        ...noThrow,
      })
      expect(block.status).toBe(400)
      expect(block.data.message).toContain("字段 block：取值必须是 sales、conversion")
      const exportBad = await api.get("/admin/dashboard/export?from=2026-02-30&to=2026-03-01", {
        ...finance,
        ...noThrow,
      })
      expect(exportBad.status).toBe(400)
      expect(exportBad.data.message).toContain("开始日期不是有效的日期")
      const exportRefused = await api.get(`/admin/dashboard/export?${PERIOD}`, {
        ...lab,
        ...noThrow,
      })
      expect(exportRefused.status).toBe(403)
    })

    describe("a seeded March 2026 (Beijing days 2026-03-01 … 03-31)", () => {
      const MARCH = "from=2026-03-01&to=2026-03-31"
      /** An instant given in Beijing time. */
      const bj = (local: string) => new Date(`${local}+08:00`).toISOString()
      let paidFen: number

      /** The period's rows; each test starts from the suite's snapshot, so seed per test. */
      async function seedMarch() {
        const container = getContainer()
        const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const insert = (table: string, rows: Record<string, unknown>[]) => knex(table).insert(rows)

        // Members: the first and last Beijing instant of March count, April's first does not.
        await insert("customer", [
          {
            id: "cus_h3_1",
            has_account: true,
            metadata: { signup_method: "phone" },
            created_at: bj("2026-03-01T00:00:00"),
          },
          {
            id: "cus_h3_2",
            has_account: true,
            metadata: { signup_method: "phone" },
            created_at: bj("2026-03-10T12:00:00"),
          },
          {
            id: "cus_h3_3",
            has_account: true,
            metadata: { signup_method: "wechat" },
            created_at: bj("2026-03-31T23:59:59"),
          },
          {
            id: "cus_h3_4",
            has_account: true,
            email: "h3@example.com",
            created_at: bj("2026-03-15T08:00:00"),
          },
          {
            id: "cus_h3_5",
            has_account: false,
            email: "guest@example.com",
            created_at: bj("2026-03-15T08:00:00"),
          },
          {
            id: "cus_h3_6",
            has_account: true,
            metadata: { signup_method: "phone" },
            created_at: bj("2026-04-01T00:00:00"),
          },
        ])

        // Commission: order A pays level 1 and 2, order B level 1, partly reversed later.
        const entry = (id: string, fields: Record<string, unknown>) => ({
          id,
          affiliate_id: "aff_h3",
          bucket: "pending",
          kind: "commission",
          idempotency_key: `h3:${id}`,
          created_at: bj("2026-03-05T10:00:00"),
          ...fields,
        })
        await insert("affiliate_ledger_entry", [
          entry("afle_h3_a1", {
            order_id: "order_h3_a",
            level: 1,
            amount: 800,
            base_amount: 10000,
          }),
          entry("afle_h3_a2", {
            order_id: "order_h3_a",
            level: 2,
            amount: 400,
            base_amount: 10000,
          }),
          entry("afle_h3_b1", {
            order_id: "order_h3_b",
            level: 1,
            amount: 1600,
            base_amount: 20000,
          }),
          entry("afle_h3_r1", {
            kind: "reversal",
            order_id: "order_h3_b",
            amount: -600,
            reverses_entry_id: "afle_h3_b1",
            created_at: bj("2026-04-02T10:00:00"),
          }),
          entry("afle_h3_m1", {
            kind: "maturation",
            order_id: "order_h3_a",
            amount: -800,
            created_at: bj("2026-03-20T10:00:00"),
          }),
          entry("afle_h3_c1", {
            order_id: "order_h3_c",
            level: 1,
            amount: 999,
            base_amount: 9990,
            created_at: bj("2026-02-28T23:59:59"),
          }),
        ])

        // A real paid order, paid on 2026-03-02 10:00 Beijing; its kits' reports were first
        // viewed 10, 20, 30 and 100 hours later: median 25 h, p90 30 + 0.7 × 70 = 79 h.
        const buyer = await registerCustomer(api as never, publishableKey, "dash-kits@example.com")
        const orderId = await order(buyer, YUEYANG_ADDRESS)
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [placed],
        } = await query.graph({
          entity: "order",
          fields: ["payment_collections.payments.id", "payment_collections.payments.amount"],
          filters: { id: orderId },
        })
        const payment = (placed as any).payment_collections[0].payments[0]
        await api.post(`/admin/payments/${payment.id}/capture`, {}, finance)
        paidFen = Math.round(Number(payment.amount) * 100)
        const paidAt = Date.parse(bj("2026-03-02T10:00:00"))
        const moved = await knex("capture")
          .where({ payment_id: payment.id })
          .update({ created_at: new Date(paidAt) })
        expect(moved).toBe(1)
        const kit = (id: string, status: string, created_at: string, order_id = orderId) => ({
          id,
          customer_id: "cus_h3_1",
          order_id,
          line_item_id: `li_${id}`,
          unit_index: 0,
          product_title: "肿瘤风险基因检测",
          status,
          created_at,
        })
        await insert("kit", [
          kit("kit_h3_1", "delivered", bj("2026-03-02T10:00:00")),
          kit("kit_h3_2", "delivered", bj("2026-03-02T10:00:00")),
          kit("kit_h3_3", "delivered", bj("2026-03-02T10:00:00")),
          kit("kit_h3_4", "delivered", bj("2026-03-02T10:00:00")),
          kit("kit_h3_5", "testing", bj("2026-03-03T10:00:00")),
          kit("kit_h3_6", "shipped", bj("2026-03-03T10:00:00")),
          // Ordered in February, report viewed in March, but its order was never paid.
          kit("kit_h3_7", "delivered", bj("2026-02-20T10:00:00"), "order_h3_unpaid"),
        ])
        const report = (kit_id: string, viewedAfterHours: number, sha = "a") => ({
          id: `rep_${kit_id}_${sha}`,
          kit_id,
          customer_id: "cus_h3_1",
          file_id: `file_${kit_id}`,
          key_id: "k1",
          size: 1,
          sha256: sha,
          summary_ciphertext: "x",
          viewed_at: new Date(paidAt + viewedAfterHours * 3600_000),
        })
        await insert("lab_report", [
          report("kit_h3_1", 10),
          // A corrected report viewed later does not move the first view.
          report("kit_h3_1", 50, "b"),
          report("kit_h3_2", 20),
          report("kit_h3_3", 30),
          report("kit_h3_4", 100),
          report("kit_h3_7", 5),
        ])

        // Appointments: cancelled ones and April's do not count.
        const appointment = (
          id: string,
          site: string,
          date: string,
          slot: string,
          status = "confirmed"
        ) => ({
          id,
          customer_id: `cus_${id}`,
          site_id: site,
          site_name: site === "site_yy" ? "岳阳采集点" : "长沙采集点",
          site_address: "—",
          date,
          slot,
          status,
        })
        await insert("appointment", [
          appointment("appt_h3_1", "site_yy", "2026-03-05", "09:00-10:00", "pending"),
          appointment("appt_h3_2", "site_yy", "2026-03-05", "09:00-10:00"),
          appointment("appt_h3_3", "site_yy", "2026-03-06", "09:00-10:00", "completed"),
          appointment("appt_h3_4", "site_yy", "2026-03-06", "09:00-10:00", "cancelled"),
          appointment("appt_h3_5", "site_yy", "2026-03-06", "10:00-11:00"),
          appointment("appt_h3_6", "site_cs", "2026-03-31", "09:00-10:00"),
          appointment("appt_h3_7", "site_cs", "2026-04-01", "09:00-10:00"),
        ])

        // Identifications are sealed: record them through the module, then date them.
        const constitution = container.resolve("constitution") as any
        const identify = async (primary: string, at: string | null) => {
          const { id } = await constitution.recordConstitutionAssessment({
            customer_id: "cus_h3_1",
            item_version: "ZYYXH/T157-2009",
            payload: { sex: "female", answers: {}, scores: {}, verdicts: {}, primary },
          })
          if (at) await knex("constitution_assessment").where({ id }).update({ created_at: at })
        }
        await identify("qixu", bj("2026-03-03T09:00:00"))
        await identify("qixu", bj("2026-03-31T22:00:00"))
        await identify("pinghe", bj("2026-03-15T09:00:00"))
        await identify("yinxu", null)
      }

      it("answers every block's exact figures for the period, and exports them", async () => {
        await seedMarch()
        const { data } = await api.get(`/admin/dashboard/overview?${MARCH}`, finance)
        expect(data.sales).toEqual([{ period: "2026-03-02", paid: paidFen, orders: 0 }])
        expect(data.conversion.map((s: { count: number | null }) => s.count)).toEqual([
          null,
          0,
          0,
          0,
          0,
        ])
        expect(data.members).toEqual([
          { channel: "phone", label: "手机验证码", members: 2 },
          { channel: "mini_program", label: "微信小程序", members: 1 },
          { channel: "web", label: "网站（邮箱注册）", members: 1 },
        ])
        expect(data.affiliates).toEqual([
          { level: 1, label: "一级", orders: 2, sales: 30000, commission: 2400, reversed: 600 },
          { level: 2, label: "二级", orders: 1, sales: 10000, commission: 400, reversed: 0 },
        ])
        expect(data.kits).toEqual({
          statuses: [
            { status: "delivered", label: expect.any(String), kits: 4 },
            { status: "shipped", label: expect.any(String), kits: 1 },
            { status: "testing", label: expect.any(String), kits: 1 },
          ],
          turnaround: { reports: 4, median_hours: 25, p90_hours: 79 },
        })
        expect(data.appointments).toEqual([
          {
            site_id: "site_yy",
            site_name: "岳阳采集点",
            slot: "09:00-10:00",
            booked: 3,
            capacity: 124,
            usage: 2.4,
          },
          {
            site_id: "site_yy",
            site_name: "岳阳采集点",
            slot: "10:00-11:00",
            booked: 1,
            capacity: 124,
            usage: 0.8,
          },
          {
            site_id: "site_cs",
            site_name: "长沙采集点",
            slot: "09:00-10:00",
            booked: 1,
            capacity: 124,
            usage: 0.8,
          },
        ])
        expect(data.constitution).toEqual([
          { type: "qixu", label: "气虚质", assessments: 2 },
          { type: "pinghe", label: "平和质", assessments: 1 },
        ])
        expect(data.regions).toEqual([])

        // One Beijing day: only the 5th's booking of each slot; the 2nd's kits and payment.
        const day = await api.get(
          "/admin/dashboard/overview?from=2026-03-05&to=2026-03-05",
          operations
        )
        expect(day.data.appointments).toEqual([
          {
            site_id: "site_yy",
            site_name: "岳阳采集点",
            slot: "09:00-10:00",
            booked: 2,
            capacity: 4,
            usage: 50,
          },
        ])
        expect(day.data.affiliates.map((a: { commission: number }) => a.commission)).toEqual([
          2400, 400,
        ])
        expect(day.data.kits.turnaround.reports).toBe(0)

        // The workbook: one sheet per block, header frozen, amounts in ¥, audit-logged.
        const exported = await api.get(`/admin/dashboard/export?${MARCH}`, {
          ...operations,
          responseType: "arraybuffer",
        })
        expect(exported.status).toBe(200)
        expect(exported.headers["content-disposition"]).toContain(
          encodeURIComponent("数据统计_2026-03-01_2026-03-31.xlsx")
        )
        const workbook = new ExcelJS.Workbook()
        await workbook.xlsx.load(exported.data)
        expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
          "销售与订单",
          "转化漏斗",
          "新增会员",
          "分销贡献",
          "检测盒",
          "预约",
          "体质分布",
          "地区分布",
        ])
        const affiliates = workbook.getWorksheet("分销贡献")!
        expect(affiliates.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
        expect((affiliates.getRow(2).values as unknown[]).slice(1)).toEqual(["一级", 2, 300, 24, 6])
        expect(affiliates.getRow(2).getCell(3).numFmt).toBe('"¥"#,##0.00;-"¥"#,##0.00')
        const kits = workbook.getWorksheet("检测盒")!
        const kitRows = kits
          .getSheetValues()
          .slice(2)
          .map((row) => (row as unknown[]).slice(1))
        expect(kitRows.slice(-2)).toEqual([
          ["出报告周期中位数（小时）", 25],
          ["出报告周期 90 分位（小时）", 79],
        ])
        const members = workbook.getWorksheet("新增会员")!
        expect((members.getRow(5).values as unknown[]).slice(1)).toEqual([
          "微信公众号",
          // No figure, not zero: the cell is empty.
          undefined,
          expect.stringContaining("暂无数据"),
        ])

        const one = await api.get(`/admin/dashboard/export?${MARCH}&block=constitution`, {
          ...finance,
          responseType: "arraybuffer",
        })
        const single = new ExcelJS.Workbook()
        await single.xlsx.load(one.data)
        expect(single.worksheets.map((sheet) => sheet.name)).toEqual(["体质分布"])
        expect((single.worksheets[0].getRow(2).values as unknown[]).slice(1)).toEqual(["气虚质", 2])

        const logged = await eventually(
          () =>
            getContainer()
              .resolve(ContainerRegistrationKeys.PG_CONNECTION)
              .raw(`select count(*)::int n from audit_entry where action = 'dashboard.export'`)
              .then((result: { rows: { n: number }[] }) => result.rows[0].n),
          (n) => n >= 2
        )
        expect(logged).toBe(2)
      })
    })
  },
})
