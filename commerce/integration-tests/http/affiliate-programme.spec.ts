import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { matureAffiliateCommissions } from "@health/medusa-plugin-affiliate"
import {
  recordOrderCommissionsWorkflow,
  syncOrderPaymentWorkflow,
} from "@health/medusa-plugin-affiliate/workflows"
import { randomUUID } from "crypto"
import ExcelJS from "exceljs"
import seed from "../../src/scripts/seed"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { cartReadyForPayment } from "../helpers/checkout"
import { eventually } from "../helpers/eventually"

jest.setTimeout(240_000)

process.env.QUEUE_PREFIX ??= `test-${randomUUID()}`

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let admin: Headers
    const noThrow = { validateStatus: () => true }

    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      admin = await adminHeaders(container, api as never, "finance@health.local")
    })

    const me = async (who: Headers) => (await api.get("/store/affiliate/me", who)).data.affiliate

    /**
     * The buyer orders one kit and pays offline (岳阳, the system provider): the payment is
     * only authorised until finance captures it. `metadata` goes on the cart first, as the
     * web puts its ref cookie's `referral_code` there.
     */
    async function placeOrder(buyer: Headers, metadata?: Record<string, string>) {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api as never,
        buyer,
        "tumor-risk-gene-test"
      )
      if (metadata) await api.post(`/store/carts/${cartId}`, { metadata }, buyer)
      await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_system_default" },
        buyer
      )
      const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, buyer)
      expect(data.type).toBe("order")
      return data.order as { id: string; total: number; item_total: number }
    }

    /** The order's one payment, as finance sees it to capture or refund. */
    async function paymentOf(orderId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["payment_collections.payments.id", "payment_collections.payments.amount"],
        filters: { id: orderId },
      })
      return (order as any).payment_collections[0].payments[0] as { id: string; amount: number }
    }

    /** The kit's own 10% (its seeded affiliate_rates) of what was paid for it, in yuan. */
    const levelOneOf = (order: { item_total: number }) =>
      Math.floor((Math.round(order.item_total * 100) * 1000) / 10000) / 100

    it("runs the programme: link, binding, commissions, refund reversal, maturation and withdrawal", async () => {
      const a = await registerCustomer(api as never, publishableKey, "a@example.com")
      const b = await registerCustomer(api as never, publishableKey, "b@example.com")
      const c = await registerCustomer(api as never, publishableKey, "c@example.com")

      // Without signing in there is nothing to see.
      const anonymous = await api.get("/store/affiliate/me", {
        headers: { "x-publishable-api-key": publishableKey },
        ...noThrow,
      })
      expect(anonymous.status).toBe(401)

      const affiliateA = await me(a)
      expect(affiliateA.link).toBe(`http://localhost:8000/r/${affiliateA.code}`)
      expect(affiliateA.balances).toMatchObject({ pending: 0, available: 0, withdrawn: 0 })

      await api.post("/store/affiliate/bind", { code: affiliateA.code }, b)
      const affiliateB = await me(b)
      expect(affiliateB.referrer).toBe("王*")
      await api.post("/store/affiliate/bind", { code: affiliateB.code.toLowerCase() }, c)

      // Refusals are clear 4xx answers and change nothing.
      const self = await api.post(
        "/store/affiliate/bind",
        { code: affiliateA.code },
        { ...a, ...noThrow }
      )
      expect(self.status).toBe(400)
      expect(self.data.message).toContain("不能绑定自己的推荐码")
      const cycle = await api.post(
        "/store/affiliate/bind",
        { code: (await me(c)).code },
        { ...a, ...noThrow }
      )
      expect(cycle.status).toBe(400)
      expect(cycle.data.message).toContain("循环")
      const again = await api.post(
        "/store/affiliate/bind",
        { code: affiliateA.code },
        { ...c, ...noThrow }
      )
      expect(again.status).toBe(400)
      expect(again.data.message).toContain("已绑定推荐人")
      const unknown = await api.post(
        "/store/affiliate/bind",
        { code: "ZZZZ999" },
        { ...a, ...noThrow }
      )
      expect(unknown.status).toBe(404)
      const malformed = await api.post("/store/affiliate/bind", {}, { ...a, ...noThrow })
      expect(malformed.status).toBe(400)

      const team = (await api.get("/store/affiliate/team", a)).data
      expect(team.levels).toEqual([
        { level: 1, count: 1, members: [expect.objectContaining({ name: "王*" })] },
        { level: 2, count: 1, members: [expect.objectContaining({ name: "王*" })] },
      ])

      // C pays: B earns the kit's own 10% (its affiliate_rates) and A the programme's 4% of
      // what C paid for the kit (shipping excluded), pending.
      const order = await placeOrder(c)
      const paidForKit = Math.round(order.item_total * 100)
      const levelOneFen = Math.floor((paidForKit * 1000) / 10000)
      const levelOne = levelOneFen / 100
      const levelTwo = Math.floor((paidForKit * 400) / 10000) / 100
      const earnedB = await eventually(
        () => me(b),
        (aff) => aff.balances.pending > 0
      )
      expect(earnedB.balances.pending).toBe(levelOne)
      // Paid offline and not yet captured: B becomes 分销商 only once C has really paid.
      expect(earnedB.status).toBe("member")
      expect((await me(a)).balances.pending).toBe(levelTwo)

      const commissions = (await api.get("/store/affiliate/commissions", b)).data
      expect(commissions.commissions).toEqual([
        expect.objectContaining({
          kind: "commission",
          level: 1,
          rate_percent: 10,
          amount: levelOne,
        }),
      ])

      // Finance captures the payment: C's first paid order makes B a 分销商.
      const payment = await paymentOf(order.id)
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      const upgraded = await eventually(
        () => me(b),
        (aff) => aff.status === "distributor"
      )
      expect(upgraded.status).toBe("distributor")

      // A refund of half the order takes back half of each commission, once.
      const paidFen = Math.round(Number(payment.amount) * 100)
      const halfRefundFen = Math.round(paidFen / 2)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: halfRefundFen / 100 }, admin)
      const afterRefund = await eventually(
        () => me(b),
        (aff) => aff.balances.pending < levelOne
      )
      const remainingB = levelOneFen - Math.round((levelOneFen * halfRefundFen) / paidFen)
      expect(Math.round(afterRefund.balances.pending * 100)).toBe(remainingB)

      // Staff release the hold (the order completed); B withdraws and finance pays by bank.
      await api.post(`/admin/orders/${order.id}/complete`, {}, admin)
      const matured = await eventually(
        () => me(b),
        (aff) => aff.balances.available > 0
      )
      expect(Math.round(matured.balances.available * 100)).toBe(remainingB)
      expect(matured.balances.pending).toBe(0)

      await api.post("/admin/affiliate/settings", { min_withdrawal: 1 }, admin)
      const tooMuch = await api.post(
        "/store/affiliate/withdrawals",
        { amount: matured.balances.available + 1, method: "wechat", request_key: randomUUID() },
        { ...b, ...noThrow }
      )
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toContain("可提现余额不足")
      const noPayee = await api.post(
        "/store/affiliate/withdrawals",
        { amount: 1, method: "bank", request_key: randomUUID() },
        { ...b, ...noThrow }
      )
      expect(noPayee.status).toBe(400)

      const { data: requested } = await api.post(
        "/store/affiliate/withdrawals",
        {
          amount: matured.balances.available,
          method: "bank",
          payee: { holder: "王小明", bank: "中国银行岳阳分行", account_no: "6217000011112222" },
          request_key: randomUUID(),
        },
        b
      )
      expect(requested.withdrawal).toMatchObject({ status: "requested" })
      expect(requested.withdrawal.payee.account_no).toBe("**** 2222")

      const queue = (await api.get("/admin/affiliate/withdrawals?status=requested", admin)).data
      expect(queue.withdrawals.map((w: { id: string }) => w.id)).toEqual([requested.withdrawal.id])
      expect(queue.withdrawals[0].payee.account_no).toBe("6217000011112222")
      const id = requested.withdrawal.id
      const early = await api.post(
        `/admin/affiliate/withdrawals/${id}/pay`,
        {},
        { ...admin, ...noThrow }
      )
      expect(early.status).toBe(400)
      await api.post(`/admin/affiliate/withdrawals/${id}/approve`, {}, admin)
      const { data: paid } = await api.post(
        `/admin/affiliate/withdrawals/${id}/pay`,
        { payout_reference: "BOC-20261125-001" },
        admin
      )
      expect(paid.withdrawal.status).toBe("paid")
      const afterPayout = await me(b)
      expect(afterPayout.balances.available).toBe(0)
      expect(Math.round(afterPayout.balances.withdrawn * 100)).toBe(remainingB)

      // Members see commissions and reversals; bucket moves stay bookkeeping.
      const lines = (await api.get("/store/affiliate/commissions", b)).data.commissions
      expect(lines.map((line: { kind: string }) => line.kind)).toEqual(["reversal", "commission"])

      // Finance exports the ledger for Excel; staff see the tree.
      const exported = await api.get(
        `/admin/affiliate/ledger/export?affiliate_id=${afterPayout.id}`,
        {
          ...admin,
          responseType: "arraybuffer",
        }
      )
      expect(exported.headers["content-type"]).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      )
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Buffer.from(exported.data) as never)
      const sheet = workbook.getWorksheet("佣金流水")!
      expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual([
        "时间（北京时间）",
        "会员推荐码",
        "会员姓名",
      ])
      expect(sheet.getColumn(4).values).toContain("提现到账")
      expect(sheet.getColumn(2).values).toContain(afterPayout.code)
      const tree = (await api.get(`/admin/affiliate/affiliates/${affiliateA.id}`, admin)).data
      expect(tree.affiliate.team[0].members).toHaveLength(1)
      expect(tree.affiliate.team[1].members).toHaveLength(1)
      // Staff see who is in the tree, not just codes.
      expect(tree.affiliate.team[0].members[0].customer).toMatchObject({
        last_name: "王",
        email: "b@example.com",
      })
      expect(tree.affiliate.customer).toMatchObject({ email: "a@example.com" })
    })

    /** Staff credit a member's available balance (an adjustment entry), in fen. */
    async function creditBalance(who: Headers, fen: number) {
      const affiliate = await me(who)
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(
        `insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key)
         values (?, ?, 'available', 'adjustment', ?, ?)`,
        [`afle_${randomUUID()}`, affiliate.id, fen, randomUUID()]
      )
      return affiliate
    }

    it("pays all or part of an order from the balance, spends it once, and returns it on cancel", async () => {
      const d = await registerCustomer(api as never, publishableKey, "d@example.com")
      const e = await registerCustomer(api as never, publishableKey, "e@example.com")
      await creditBalance(d, 10000)

      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api as never,
        d,
        "tumor-risk-gene-test"
      )
      const before = (await api.get(`/store/carts/${cartId}`, d)).data.cart
      const refusals = [
        [{ amount: 100.01 }, d, 400, "可用余额不足：当前可用 ¥100.00"],
        [{ amount: -1 }, d, 400, "抵扣金额不能为负"],
        [{ amount: 1.234 }, d, 400, "金额最多两位小数"],
        [{ amount: 10 }, e, 404, "购物车不存在"],
      ] as const
      for (const [body, who, status, message] of refusals) {
        const refused = await api.post(`/store/carts/${cartId}/store-credit`, body, {
          ...who,
          ...noThrow,
        })
        expect([refused.status, refused.data.message]).toEqual([
          status,
          expect.stringContaining(message),
        ])
      }
      const anonymous = await api.post(
        `/store/carts/${cartId}/store-credit`,
        { amount: 10 },
        { headers: { "x-publishable-api-key": publishableKey }, ...noThrow }
      )
      // A member's cart does not exist for a visitor (the ownership guard answers first).
      expect(anonymous.status).toBe(404)

      // ¥100 from the balance; the rest is paid as usual. Setting it twice keeps one line.
      await api.post(`/store/carts/${cartId}/store-credit`, { amount: 60 }, d)
      const { data: applied } = await api.post(
        `/store/carts/${cartId}/store-credit`,
        { amount: 100 },
        d
      )
      expect(applied.cart.credit_lines).toHaveLength(1)
      expect(applied.cart.credit_line_total).toBe(100)
      expect(applied.cart.total).toBe(before.total - 100)
      const { data: collection } = await api.get(`/store/carts/${cartId}`, d)
      expect(collection.cart.payment_collection.amount).toBe(before.total - 100)
      expect(collection.cart.payment_collection.id).toBe(paymentCollectionId)

      await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_system_default" },
        d
      )
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, d)
      expect(completed.type).toBe("order")
      const order = completed.order
      expect(order.credit_line_total).toBe(100)
      expect(order.total).toBe(before.total - 100)
      expect((await me(d)).balances).toMatchObject({ available: 0, spent: 100 })
      // Completing the cart again changes nothing.
      await api.post(`/store/carts/${cartId}/complete`, {}, d)
      expect((await me(d)).balances).toMatchObject({ available: 0, spent: 100 })

      // A second cart wanting the same money is refused at completion, and spends nothing.
      await creditBalance(d, 5000)
      const second = await cartReadyForPayment(api as never, d, "tumor-risk-gene-test")
      await api.post(`/store/carts/${second.cartId}/store-credit`, { amount: 50 }, d)
      const third = await cartReadyForPayment(api as never, d, "tumor-risk-gene-test")
      await api.post(`/store/carts/${third.cartId}/store-credit`, { amount: 50 }, d)
      for (const cart of [second, third]) {
        await api.post(
          `/store/payment-collections/${cart.paymentCollectionId}/payment-sessions`,
          { provider_id: "pp_system_default" },
          d
        )
      }
      const race = await Promise.all(
        [second, third].map((cart) =>
          api.post(`/store/carts/${cart.cartId}/complete`, {}, { ...d, ...noThrow })
        )
      )
      const placed = race.filter((r) => r.data.type === "order")
      const refused = race.filter((r) => r.data.type !== "order")
      expect(placed).toHaveLength(1)
      expect(refused).toHaveLength(1)
      expect(refused[0].status).toBe(400)
      expect(refused[0].data.message).toContain("可用余额不足")
      expect((await me(d)).balances).toMatchObject({ available: 0, spent: 150 })

      // Cancelling the first order gives its ¥100 back, once.
      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin)
      const returned = await eventually(
        () => me(d),
        (aff) => aff.balances.available > 0
      )
      expect(returned.balances).toMatchObject({ available: 100, spent: 50 })

      // The whole order from the balance: no payment is needed at all.
      await creditBalance(e, 500000)
      const full = await cartReadyForPayment(api as never, e, "tumor-risk-gene-test")
      const { data: fullCart } = await api.get(`/store/carts/${full.cartId}`, e)
      const tooMuch = await api.post(
        `/store/carts/${full.cartId}/store-credit`,
        { amount: fullCart.cart.total + 1 },
        { ...e, ...noThrow }
      )
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toContain("抵扣金额不能超过应付金额")
      await api.post(`/store/carts/${full.cartId}/store-credit`, { amount: fullCart.cart.total }, e)
      const { data: free } = await api.post(`/store/carts/${full.cartId}/complete`, {}, e)
      expect(free.type).toBe("order")
      expect(free.order.total).toBe(0)
      expect((await me(e)).balances.spent).toBe(fullCart.cart.total)
    })

    it("tells a distributor what sharing each product earns, by the ledger's rule; others get nothing", async () => {
      const sharer = await registerCustomer(api as never, publishableKey, "sharer@example.com")
      const member = await registerCustomer(api as never, publishableKey, "member@example.com")
      await api.post(
        `/admin/affiliate/affiliates/${(await me(sharer)).id}`,
        { status: "distributor" },
        admin
      )
      const idOf = async (handle: string) =>
        (await api.get(`/store/products?handle=${handle}&fields=id`, sharer)).data.products[0]
          .id as string
      const tumor = await idOf("tumor-risk-gene-test")
      const child = await idOf("child-talent-gene-test")

      const { data } = await api.get(
        `/store/affiliate/share-earnings?product_id=${tumor}&product_id=${child}`,
        sharer
      )
      expect(data.distributor).toBe(true)
      expect(data.share_earnings).toEqual(
        expect.arrayContaining([
          // The kit's own 10% (seeded affiliate_rates) on its lowest price, ¥1,999.
          { product_id: tumor, price: 1999, rate_percent: 10, amount: 199.9 },
          // No rate of its own: the programme's level-1 8% of ¥1,299, fen rounded down.
          { product_id: child, price: 1299, rate_percent: 8, amount: 103.92 },
        ])
      )
      expect(data.share_earnings).toHaveLength(2)

      const plain = await api.get(`/store/affiliate/share-earnings?product_id=${tumor}`, member)
      expect(plain.data).toEqual({ distributor: false, share_earnings: [] })
      const malformed = await api.get("/store/affiliate/share-earnings?product_id=x';--", {
        ...sharer,
        ...noThrow,
      })
      expect(malformed.status).toBe(400)
      expect(malformed.data.message).toContain("商品编号格式不正确")
      const anonymous = await api.get(`/store/affiliate/share-earnings?product_id=${tumor}`, {
        headers: { "x-publishable-api-key": publishableKey },
        ...noThrow,
      })
      expect(anonymous.status).toBe(401)
    })

    it("matures an offline order's commissions, and upgrades its referrer, only once it is paid", async () => {
      const container = getContainer()
      await api.post("/admin/affiliate/settings", { hold_days: 0 }, admin)
      const x = await registerCustomer(api as never, publishableKey, "x@example.com")
      const y = await registerCustomer(api as never, publishableKey, "y@example.com")
      await api.post("/store/affiliate/bind", { code: (await me(x)).code }, y)

      const order = await placeOrder(y)
      const commission = levelOneOf(order)
      const pending = await eventually(
        () => me(x),
        (aff) => aff.balances.pending > 0
      )
      expect(pending.balances).toMatchObject({ pending: commission, available: 0 })

      // The hold (0 days) has passed, the sweep runs and staff complete the order: nobody
      // has paid, so nothing matures and X is not upgraded. (The order.completed
      // subscriber's work is run here too, so the check does not race it.)
      await matureAffiliateCommissions(container)
      await api.post(`/admin/orders/${order.id}/complete`, {}, admin)
      await syncOrderPaymentWorkflow(container).run({ input: { order_id: order.id } })
      await matureAffiliateCommissions(container)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const unpaid = await me(x)
      expect(unpaid.balances).toMatchObject({ pending: commission, available: 0 })
      expect(unpaid.status).toBe("member")

      // Another offline order that is never paid and is cancelled: its commission is reversed.
      const second = await placeOrder(y)
      await eventually(
        () => me(x),
        (aff) => aff.balances.pending > commission
      )
      await api.post(`/admin/orders/${second.id}/cancel`, {}, admin)
      const canceled = await eventually(
        () => me(x),
        (aff) => aff.balances.pending <= commission
      )
      expect(canceled.balances).toMatchObject({ pending: commission, available: 0 })

      // Finance captures the first order's payment: it is completed, so it matures at once.
      await api.post(`/admin/payments/${(await paymentOf(order.id)).id}/capture`, {}, admin)
      const paid = await eventually(
        () => me(x),
        (aff) => aff.balances.available > 0
      )
      expect(paid.balances).toMatchObject({ pending: 0, available: commission })
      expect(paid.status).toBe("distributor")
      await api.post("/admin/affiliate/settings", { hold_days: 15 }, admin)
    })

    it("binds a member to the code their first order's cart carries, so that order already pays", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const p = await registerCustomer(api as never, publishableKey, "p@example.com")
      const q = await registerCustomer(api as never, publishableKey, "q@example.com")
      const sharer = await me(p)

      const order = await placeOrder(q, { referral_code: sharer.code.toLowerCase() })
      const commission = levelOneOf(order)
      const earned = await eventually(
        () => me(p),
        (aff) => aff.balances.pending > 0
      )
      expect(earned.balances.pending).toBe(commission)
      expect((await me(q)).referrer).toBe("王*")

      // Bound once: a later order carrying someone else's code still pays P, not them.
      const other = await registerCustomer(api as never, publishableKey, "p2@example.com")
      const later = await placeOrder(q, { referral_code: (await me(other)).code })
      await recordOrderCommissionsWorkflow(container).run({ input: { order_id: later.id } })
      const twice = await eventually(
        () => me(p),
        (aff) => aff.balances.pending >= 2 * commission
      )
      expect(twice.balances.pending).toBe(2 * commission)
      expect((await me(other)).balances.pending).toBe(0)

      // The plugin's read-only links join affiliates, customers, ledger entries and orders.
      const {
        data: [customer],
      } = await query.graph({
        entity: "customer",
        fields: ["id", "affiliate.id", "affiliate.referrer_id"],
        filters: { email: "q@example.com" },
      })
      expect((customer as any).affiliate.referrer_id).toBe(sharer.id)
      const {
        data: [affiliate],
      } = await query.graph({
        entity: "affiliate",
        fields: ["id", "customer.email"],
        filters: { id: sharer.id },
      })
      expect((affiliate as any).customer.email).toBe("p@example.com")
      const {
        data: [withEntries],
      } = await query.graph({
        entity: "order",
        fields: ["id", "affiliate_ledger_entries.affiliate_id", "affiliate_ledger_entries.amount"],
        filters: { id: order.id },
      })
      expect((withEntries as any).affiliate_ledger_entries).toEqual([
        expect.objectContaining({
          affiliate_id: sharer.id,
          amount: Math.round(commission * 100),
        }),
      ])
      const { data: entries } = await query.graph({
        entity: "affiliate_ledger_entry",
        fields: ["id", "kind", "order.id", "order.customer_id"],
        filters: { affiliate_id: sharer.id },
      })
      expect(entries.map((entry: any) => [entry.kind, entry.order.id]).sort()).toEqual(
        [
          ["commission", order.id],
          ["commission", later.id],
        ].sort()
      )
      expect(entries.every((entry: any) => entry.order.customer_id === customer.id)).toBe(true)

      // A refused code never fails the order: one's own, an unknown one, or a member who
      // has ordered before. (The order.placed subscriber's work is run here, to not race it.)
      const refusals = [
        ["r@example.com", "own", false],
        ["s@example.com", "ZZZZ999", false],
        ["t@example.com", sharer.code, true],
      ] as const
      for (const [email, code, orderedBefore] of refusals) {
        const buyer = await registerCustomer(api as never, publishableKey, email)
        if (orderedBefore) await placeOrder(buyer)
        const referralCode = code === "own" ? (await me(buyer)).code : code
        const placed = await placeOrder(buyer, { referral_code: referralCode })
        await recordOrderCommissionsWorkflow(container).run({ input: { order_id: placed.id } })
        expect([email, (await me(buyer)).referrer]).toEqual([email, null])
      }
    })

    it("lets 运营 cancel an unpaid order but not a paid one, whose cancel would refund it", async () => {
      const operations = await adminHeaders(
        getContainer(),
        api as never,
        "ops-cancel@health.local",
        ["operations"]
      )
      const buyer = await registerCustomer(api as never, publishableKey, "cancel@example.com")
      const noThrow = { validateStatus: () => true }

      const unpaid = await placeOrder(buyer)
      const cancelled = await api.post(
        `/admin/orders/${unpaid.id}/cancel`,
        {},
        {
          ...operations,
          ...noThrow,
        }
      )
      expect(cancelled.status).toBe(200)

      const paid = await placeOrder(buyer)
      await api.post(`/admin/payments/${(await paymentOf(paid.id)).id}/capture`, {}, admin)
      for (const path of [`/admin/orders/${paid.id}/cancel`, `/admin/Orders/${paid.id}/CANCEL/`]) {
        const refused = await api.post(path, {}, { ...operations, ...noThrow })
        expect([refused.status, refused.data.message]).toEqual([
          403,
          "该订单已收款，取消会原路退款，需要「收款、退款与提现」的修改权限。请联系财务取消或退款。",
        ])
      }
      const { data } = await api.get(`/admin/orders/${paid.id}?fields=status`, admin)
      expect(data.order.status).not.toBe("canceled")
      // Staff who may move money and manage orders (here the super admin) still can.
      expect((await api.post(`/admin/orders/${paid.id}/cancel`, {}, admin)).status).toBe(200)
    })

    it("refuses a fourth level and keeps the ledger append-only in the database", async () => {
      const fourLevels = await api.post(
        "/admin/affiliate/settings",
        { rates_percent: [8, 4, 2, 1] },
        { ...admin, ...noThrow }
      )
      expect(fourLevels.status).toBe(400)
      expect(fourLevels.data.message).toContain("最多 3 级")
      const { data } = await api.post(
        "/admin/affiliate/settings",
        { rates_percent: [8, 4, 2] },
        admin
      )
      expect(data.settings).toMatchObject({ rates_percent: [8, 4, 2], levels: 3 })

      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(
        `insert into affiliate_ledger_entry (id, affiliate_id, bucket, kind, amount, idempotency_key)
         values ('afle_test', 'aff_test', 'available', 'adjustment', 100, 'test-adjustment')`
      )
      await expect(pg.raw("update affiliate_ledger_entry set amount = 1")).rejects.toThrow(
        "append-only"
      )
      await expect(pg.raw("delete from affiliate_ledger_entry")).rejects.toThrow("append-only")

      // Nothing is ever deleted: not a member, not a withdrawal, not a recorded payment.
      await pg.raw(
        `insert into affiliate (id, customer_id, code) values ('aff_keep', 'cus_keep', 'KEEP234')`
      )
      await pg.raw(
        `insert into affiliate_withdrawal (id, affiliate_id, amount, method, request_key)
         values ('afwd_keep', 'aff_keep', 1000, 'bank', 'keep-key')`
      )
      await pg.raw(
        `insert into affiliate_paid_order (id, order_id, paid_at) values ('afpo_keep', 'order_keep', now())`
      )
      const refusals = [
        ["delete from affiliate where id = 'aff_keep'", "affiliate rows are never deleted: DELETE"],
        [
          "update affiliate set deleted_at = now() where id = 'aff_keep'",
          "affiliate rows are never deleted: soft delete",
        ],
        [
          "delete from affiliate_withdrawal where id = 'afwd_keep'",
          "affiliate_withdrawal rows are never deleted: DELETE",
        ],
        [
          "update affiliate_withdrawal set deleted_at = now() where id = 'afwd_keep'",
          "affiliate_withdrawal rows are never deleted: soft delete",
        ],
        [
          "update affiliate_paid_order set paid_at = now() where id = 'afpo_keep'",
          "affiliate_paid_order is append-only: UPDATE",
        ],
        [
          "delete from affiliate_paid_order where id = 'afpo_keep'",
          "affiliate_paid_order is append-only: DELETE",
        ],
      ]
      for (const [sql, message] of refusals) {
        await expect(pg.raw(sql)).rejects.toThrow(message)
      }
      // They still change state as usual.
      await pg.raw("update affiliate set status = 'disabled' where id = 'aff_keep'")
      await pg.raw("update affiliate_withdrawal set status = 'rejected' where id = 'afwd_keep'")
      const kept = await pg.raw(
        `select (select status from affiliate where id = 'aff_keep' and deleted_at is null) as member,
                (select status from affiliate_withdrawal where id = 'afwd_keep') as withdrawal,
                (select count(*)::int from affiliate_paid_order where id = 'afpo_keep') as paid`
      )
      expect(kept.rows[0]).toEqual({ member: "disabled", withdrawal: "rejected", paid: 1 })
    })
  },
})
