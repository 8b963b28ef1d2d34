import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { AFFILIATE_MODULE } from ".."
import AffiliateModuleService from "../service"
import { Affiliate } from "../models/affiliate"
import { LedgerEntry } from "../models/ledger-entry"
import { PaidOrder } from "../models/paid-order"
import { AffiliateSettings } from "../models/settings"
import { Withdrawal } from "../models/withdrawal"

jest.setTimeout(120_000)

const DAY = 24 * 60 * 60 * 1000
const line = (id: string, paid: number, rates_bp?: number[]) => ({
  line_item_id: id,
  product_id: `prod_${id}`,
  paid,
  rates_bp,
})

moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  moduleModels: [Affiliate, LedgerEntry, Withdrawal, AffiliateSettings, PaidOrder],
  resolve: "./src/modules/affiliate",
  testSuite: ({ service }) => {
    /** A refers B refers C: returns their affiliate records. */
    async function chainABC() {
      const a = await service.ensureAffiliate("cus_a")
      const b = await service.bindReferrer({ customer_id: "cus_b", code: a.code })
      const c = await service.bindReferrer({ customer_id: "cus_c", code: b.code })
      return { a, b, c }
    }

    /** C's order, paid at placement (WeChat Pay captures when the order is placed). */
    const placeOrder = (orderId: string, lines = [line("li_1", 100000)]) =>
      service.recordOrderCommissions({
        order_id: orderId,
        buyer_customer_id: "cus_c",
        lines,
        paid_at: new Date(),
      })

    /** C's offline (岳阳) order: placed with the payment only authorised. */
    const placeUnpaidOrder = (orderId: string, lines = [line("li_1", 100000)]) =>
      service.recordOrderCommissions({ order_id: orderId, buyer_customer_id: "cus_c", lines })

    const statusOf = async (affiliateId: string) =>
      (await service.listAffiliates({ id: affiliateId }))[0].status

    describe("referral binding", () => {
      it("gives every member a readable share code and binds a referrer once", async () => {
        const { a, b, c } = await chainABC()
        expect(a.code).toMatch(/^[2-9A-HJKMNP-Z]{7}$/)
        expect(new Set([a.code, b.code, c.code]).size).toBe(3)
        expect(c.referrer_id).toBe(b.id)
        expect(b.referrer_id).toBe(a.id)

        await expect(service.bindReferrer({ customer_id: "cus_c", code: a.code })).rejects.toThrow(
          "您已绑定推荐人"
        )
        expect((await service.ensureAffiliate("cus_c")).referrer_id).toBe(b.id)
      })

      it("refuses self-referral, cycles and unknown codes with clear messages", async () => {
        const { a, c } = await chainABC()
        await expect(service.bindReferrer({ customer_id: "cus_a", code: a.code })).rejects.toThrow(
          "不能绑定自己的推荐码"
        )
        // A is above C, so A binding to C would close a loop A → B → C → A.
        await expect(service.bindReferrer({ customer_id: "cus_a", code: c.code })).rejects.toThrow(
          "会形成循环"
        )
        await expect(
          service.bindReferrer({ customer_id: "cus_a", code: "ZZZZ999" })
        ).rejects.toThrow("推荐码 ZZZZ999 不存在")
        expect((await service.ensureAffiliate("cus_a")).referrer_id).toBeNull()
      })

      it("lists a member's team by level", async () => {
        const { a } = await chainABC()
        const team = await service.team(a.id, 2)
        expect(team.map((level) => level.members.map((m) => m.customer_id))).toEqual([
          ["cus_b"],
          ["cus_c"],
        ])
      })
    })

    describe("commissions", () => {
      it("pays 8% and 4% of what the buyer paid to two levels, pending, and upgrades the referrer", async () => {
        const { a, b } = await chainABC()
        await placeOrder("order_1")

        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 8000, available: 0 })
        expect(await service.balancesOf(a.id)).toMatchObject({ pending: 4000, available: 0 })
        const [upgraded] = await service.listAffiliates({ id: b.id })
        expect(upgraded.status).toBe("distributor")
        const [notUpgraded] = await service.listAffiliates({ id: a.id })
        expect(notUpgraded.status).toBe("member")
      })

      it("writes nothing twice when the order event is replayed, even concurrently", async () => {
        const { a, b } = await chainABC()
        await Promise.all([placeOrder("order_1"), placeOrder("order_1"), placeOrder("order_1")])
        await placeOrder("order_1")
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 8000 })
        expect(await service.balancesOf(a.id)).toMatchObject({ pending: 4000 })
        expect(await service.listLedgerEntries({ order_id: "order_1" })).toHaveLength(2)
      })

      it("uses a product's own rates and pays nothing for buyers without a referrer", async () => {
        const { a, b } = await chainABC()
        await placeOrder("order_1", [line("li_1", 10000, [1000, 500]), line("li_2", 10000)])
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 1000 + 800 })
        expect(await service.balancesOf(a.id)).toMatchObject({ pending: 500 + 400 })

        const result = await service.recordOrderCommissions({
          order_id: "order_2",
          buyer_customer_id: "cus_a",
          lines: [line("li_3", 10000)],
        })
        expect(result.entries).toHaveLength(0)
      })

      it("pays a third level when configured and refuses a fourth", async () => {
        const { a } = await chainABC()
        const root = await service.ensureAffiliate("cus_root")
        await service.bindReferrer({ customer_id: "cus_a", code: root.code })

        await placeOrder("order_2l")
        expect((await service.balancesOf(root.id)).pending).toBe(0)

        await service.updateSettings({ rates_bp: [800, 400, 200] })
        await placeOrder("order_3l")
        expect((await service.balancesOf(root.id)).pending).toBe(2000)
        expect((await service.balancesOf(a.id)).pending).toBe(8000)

        await expect(service.updateSettings({ rates_bp: [800, 400, 200, 100] })).rejects.toThrow(
          "分销层级最多 3 级"
        )
        expect((await service.settings()).rates_bp).toEqual([800, 400, 200])
      })

      it("skips a disabled affiliate's level without shifting it to the next person", async () => {
        const { a, b } = await chainABC()
        await service.setAffiliateStatus({ affiliate_id: b.id, status: "disabled" })
        await placeOrder("order_1")
        expect((await service.balancesOf(b.id)).pending).toBe(0)
        expect((await service.balancesOf(a.id)).pending).toBe(4000)
      })
    })

    describe("refunds", () => {
      it("reverses proportionally for a partial refund and completely for the rest", async () => {
        const { a, b } = await chainABC()
        await placeOrder("order_1")

        const half = { order_id: "order_1", refunded: 50000, paid: 100000, reason: "部分退款" }
        const first = await service.reverseOrderCommissions(half)
        expect(first.entries.map((e) => e.amount).sort()).toEqual([-2000, -4000])
        // WeChat retries, event replays: nothing more.
        expect((await service.reverseOrderCommissions(half)).entries).toHaveLength(0)
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 4000 })
        expect(await service.balancesOf(a.id)).toMatchObject({ pending: 2000 })

        await service.reverseOrderCommissions({ ...half, refunded: 100000 })
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 0 })
        expect(await service.balancesOf(a.id)).toMatchObject({ pending: 0 })
        // History is kept: 2 commissions and 4 reversals.
        expect(await service.listLedgerEntries({ order_id: "order_1" })).toHaveLength(6)
      })

      it("takes a refund after payout from the available balance, which goes negative", async () => {
        const { b } = await chainABC()
        await service.updateSettings({ min_withdrawal: 100 })
        await placeOrder("order_1")
        await service.matureOrderCommissions("order_1", { force: true })
        const withdrawal = await service.requestWithdrawal({
          customer_id: "cus_b",
          amount: 8000,
          method: "bank",
          request_key: "k1",
        })
        await service.reviewWithdrawal({
          withdrawal_id: withdrawal.id,
          action: "approve",
          staff_id: "u",
        })
        await service.reviewWithdrawal({
          withdrawal_id: withdrawal.id,
          action: "pay",
          staff_id: "u",
        })

        await service.reverseOrderCommissions({
          order_id: "order_1",
          refunded: 100000,
          paid: 100000,
          reason: "全额退款",
        })
        expect(await service.balancesOf(b.id)).toMatchObject({
          pending: 0,
          available: -8000,
          withdrawn: 8000,
        })
      })
    })

    describe("maturation", () => {
      it("keeps commissions pending during the hold, then the sweep makes them available once", async () => {
        const { b } = await chainABC()
        await placeOrder("order_1")
        await service.matureOrderCommissions("order_1")
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 8000, available: 0 })

        expect(await service.ordersDueForMaturation(new Date())).toEqual([])
        const later = new Date(Date.now() + 16 * DAY)
        expect(await service.ordersDueForMaturation(later)).toEqual(["order_1"])
        await service.matureOrderCommissions("order_1", { now: later })
        await service.matureOrderCommissions("order_1", { now: later })
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 0, available: 8000 })
        expect(await service.ordersDueForMaturation(later)).toEqual([])
      })

      it("matures only what a partial refund left", async () => {
        const { b } = await chainABC()
        await placeOrder("order_1")
        await service.reverseOrderCommissions({
          order_id: "order_1",
          refunded: 25000,
          paid: 100000,
          reason: "部分退款",
        })
        await service.matureOrderCommissions("order_1", { force: true })
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 0, available: 6000 })
      })
    })

    describe("payment", () => {
      it("never matures an unpaid order's commissions, nor upgrades anyone, until the capture", async () => {
        const { a, b } = await chainABC()
        await placeUnpaidOrder("order_off")
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 8000, available: 0 })
        expect(await statusOf(b.id)).toBe("member")

        // Neither the hold passing nor the order completing releases an unpaid commission.
        const muchLater = new Date(Date.now() + 100 * DAY)
        expect(await service.ordersDueForMaturation(muchLater)).toEqual([])
        expect(
          (await service.matureOrderCommissions("order_off", { now: muchLater })).entries
        ).toEqual([])
        expect(
          (await service.matureOrderCommissions("order_off", { force: true })).entries
        ).toEqual([])
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 8000, available: 0 })
        expect(await service.ordersAwaitingPayment()).toEqual(["order_off"])

        // Staff capture it ten days after placement: the 15-day hold counts from there.
        const capturedAt = new Date(Date.now() + 10 * DAY)
        await service.markOrderPaid({
          order_id: "order_off",
          buyer_customer_id: "cus_c",
          paid_at: capturedAt,
        })
        expect(await statusOf(b.id)).toBe("distributor")
        expect(await statusOf(a.id)).toBe("member")
        expect(await service.ordersAwaitingPayment()).toEqual([])
        const sixteenDaysAfterPlacement = new Date(Date.now() + 16 * DAY)
        expect(await service.ordersDueForMaturation(sixteenDaysAfterPlacement)).toEqual([])
        await service.matureOrderCommissions("order_off", { now: sixteenDaysAfterPlacement })
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 8000, available: 0 })

        // A replayed capture keeps the first capture time.
        await service.markOrderPaid({
          order_id: "order_off",
          buyer_customer_id: "cus_c",
          paid_at: new Date(Date.now() + 50 * DAY),
        })
        expect((await service.paidOrder("order_off"))?.paid_at).toEqual(capturedAt)

        const holdOver = new Date(capturedAt.getTime() + 15 * DAY)
        expect(await service.ordersDueForMaturation(holdOver)).toEqual(["order_off"])
        await service.matureOrderCommissions("order_off", { now: holdOver })
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 0, available: 8000 })
        expect(await service.balancesOf(a.id)).toMatchObject({ pending: 0, available: 4000 })
      })

      it("matures a completed order when it is paid, at once, and not before", async () => {
        const { b } = await chainABC()
        await placeUnpaidOrder("order_off")
        await service.matureOrderCommissions("order_off", { force: true })
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 8000, available: 0 })

        const paid = await service.markOrderPaid({
          order_id: "order_off",
          buyer_customer_id: "cus_c",
          paid_at: new Date(),
          completed: true,
        })
        expect(paid.entries).toHaveLength(4)
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 0, available: 8000 })
      })

      it("reverses a never-paid order's commissions when it is cancelled", async () => {
        const { a, b } = await chainABC()
        await placeUnpaidOrder("order_off")
        await service.reverseOrderCommissions({
          order_id: "order_off",
          refunded: 1,
          paid: 1,
          reason: "订单取消",
        })
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 0, available: 0 })
        expect(await service.balancesOf(a.id)).toMatchObject({ pending: 0, available: 0 })
        expect(await service.ordersAwaitingPayment()).toEqual([])
        expect(await statusOf(b.id)).toBe("member")
      })

      it("upgrades on the payment even when it is recorded before the first-order binding", async () => {
        const a = await service.ensureAffiliate("cus_a")
        const b = await service.bindReferrer({ customer_id: "cus_b", code: a.code })
        // WeChat's capture can reach the plugin before order.placed binds D with that order.
        await service.markOrderPaid({
          order_id: "order_wx",
          buyer_customer_id: "cus_d",
          paid_at: new Date(),
        })
        expect(await statusOf(b.id)).toBe("member")
        await service.bindReferrer({ customer_id: "cus_d", code: b.code })
        await service.recordOrderCommissions({
          order_id: "order_wx",
          buyer_customer_id: "cus_d",
          lines: [line("li_1", 100000)],
        })
        expect(await statusOf(b.id)).toBe("distributor")
        await service.matureOrderCommissions("order_wx", { now: new Date(Date.now() + 16 * DAY) })
        expect(await service.balancesOf(b.id)).toMatchObject({ pending: 0, available: 8000 })
        expect(await service.balancesOf(a.id)).toMatchObject({ pending: 0, available: 4000 })
      })

      it("upgrades the referrer on the buyer's first paid order only", async () => {
        const { b } = await chainABC()
        await placeOrder("order_1")
        expect(await statusOf(b.id)).toBe("distributor")
        // Staff downgrade B; C's later orders do not undo that.
        await service.setAffiliateStatus({ affiliate_id: b.id, status: "member" })
        await placeOrder("order_2")
        expect(await statusOf(b.id)).toBe("member")
      })
    })

    describe("withdrawals", () => {
      async function availableForB(fen: number) {
        const { b } = await chainABC()
        await service.updateSettings({ min_withdrawal: 1000 })
        await placeOrder("order_1", [line("li_1", fen * 12.5)])
        await service.matureOrderCommissions("order_1", { force: true })
        expect((await service.balancesOf(b.id)).available).toBe(fen)
        return b
      }

      it("never overdraws under 20 parallel requests", async () => {
        const b = await availableForB(10000)
        const attempts = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            service.requestWithdrawal({
              customer_id: "cus_b",
              amount: 3000,
              method: "bank",
              request_key: `parallel-${i}`,
            })
          )
        )
        const granted = attempts.filter((a) => a.status === "fulfilled")
        expect(granted).toHaveLength(3)
        const refused = attempts.filter((a) => a.status === "rejected") as PromiseRejectedResult[]
        expect(refused.every((r) => String(r.reason.message).includes("可提现余额不足"))).toBe(true)
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 1000, withdrawing: 9000 })
      })

      it("makes a double-submitted request once, enforces the minimum, and returns rejected money", async () => {
        const b = await availableForB(10000)
        await expect(
          service.requestWithdrawal({
            customer_id: "cus_b",
            amount: 500,
            method: "bank",
            request_key: "x",
          })
        ).rejects.toThrow("最低提现金额为 ¥10.00")

        const request = {
          customer_id: "cus_b",
          amount: 4000,
          method: "bank" as const,
          request_key: "form-1",
        }
        const [one, two] = await Promise.all([
          service.requestWithdrawal(request),
          service.requestWithdrawal(request),
        ])
        expect(one.id).toBe(two.id)
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 6000, withdrawing: 4000 })

        await expect(
          service.reviewWithdrawal({ withdrawal_id: one.id, action: "pay", staff_id: "u" })
        ).rejects.toThrow("待审核")
        await expect(
          service.reviewWithdrawal({ withdrawal_id: one.id, action: "reject", staff_id: "u" })
        ).rejects.toThrow("请填写驳回原因")
        const rejected = await service.reviewWithdrawal({
          withdrawal_id: one.id,
          action: "reject",
          staff_id: "u",
          reason: "账户信息有误",
        })
        expect(rejected.status).toBe("rejected")
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 10000, withdrawing: 0 })
        await expect(
          service.reviewWithdrawal({
            withdrawal_id: one.id,
            action: "reject",
            staff_id: "u",
            reason: "再次",
          })
        ).rejects.toThrow("已驳回")
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 10000 })
      })

      it("settles a WeChat transfer once however often WeChat reports it, and returns a failed one", async () => {
        const b = await availableForB(10000)
        const request = (key: string, amount: number) =>
          service.requestWithdrawal({
            customer_id: "cus_b",
            amount,
            method: "wechat",
            request_key: key,
          })
        const paid = await request("wx-1", 3000)
        await expect(
          service.startTransfer({ withdrawal_id: paid.id, staff_id: "u", out_bill_no: "b1" })
        ).rejects.toThrow("不能发起微信转账")
        await service.reviewWithdrawal({ withdrawal_id: paid.id, action: "approve", staff_id: "u" })
        const paying = await service.startTransfer({
          withdrawal_id: paid.id,
          staff_id: "u",
          out_bill_no: "afwd1",
        })
        expect(paying).toMatchObject({ status: "paying", payout_reference: "afwd1" })
        await service.recordTransferState({
          withdrawal_id: paid.id,
          state: "WAIT_USER_CONFIRM",
          package_info: "pkg",
        })
        // WeChat retries its callback: three deliveries at once settle it once.
        const outcomes = await Promise.all(
          [1, 2, 3].map(() =>
            service.settleTransfer({ withdrawal_id: paid.id, succeeded: true, state: "SUCCESS" })
          )
        )
        expect(outcomes.filter((o) => o.changed)).toHaveLength(1)
        expect(outcomes[0].withdrawal.status).toBe("paid")
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 7000, withdrawn: 3000 })

        const failed = await request("wx-2", 2000)
        await service.reviewWithdrawal({
          withdrawal_id: failed.id,
          action: "approve",
          staff_id: "u",
        })
        await service.startTransfer({
          withdrawal_id: failed.id,
          staff_id: "u",
          out_bill_no: "afwd2",
        })
        const settled = await service.settleTransfer({
          withdrawal_id: failed.id,
          succeeded: false,
          state: "FAIL",
          reason: "TRANSFER_QUOTA_EXCEED",
        })
        expect(settled.withdrawal.status).toBe("failed")
        expect(settled.withdrawal.rejection_reason).toContain("金额已退回可提现余额")
        expect(await service.balancesOf(b.id)).toMatchObject({
          available: 7000,
          withdrawing: 0,
          withdrawn: 3000,
        })
      })

      it("lets checkouts and withdrawals share the balance without ever overdrawing", async () => {
        const b = await availableForB(10000)
        const spends = Array.from({ length: 10 }, (_, i) =>
          service.spendStoreCredit({ customer_id: "cus_b", cart_id: `cart_${i}`, amount: 3000 })
        )
        const withdrawal = service.requestWithdrawal({
          customer_id: "cus_b",
          amount: 3000,
          method: "bank",
          request_key: "with-spends",
        })
        const attempts = await Promise.allSettled([...spends, withdrawal])
        expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(3)
        const refused = attempts.filter((a) => a.status === "rejected") as PromiseRejectedResult[]
        expect(refused.every((r) => /余额不足/.test(String(r.reason.message)))).toBe(true)
        const balances = await service.balancesOf(b.id)
        expect(balances.available).toBe(1000)
        expect(balances.spent + balances.withdrawing).toBe(9000)
      })

      it("keeps every balance equal to the sum of its entries", async () => {
        const b = await availableForB(10000)
        const w = await service.requestWithdrawal({
          customer_id: "cus_b",
          amount: 2500,
          method: "wechat",
          request_key: "w",
        })
        await service.reviewWithdrawal({ withdrawal_id: w.id, action: "approve", staff_id: "u" })
        await service.reviewWithdrawal({
          withdrawal_id: w.id,
          action: "pay",
          staff_id: "u",
          payout_reference: "BANK-001",
        })
        const entries = await service.listLedgerEntries({ affiliate_id: b.id })
        const sums: Record<string, number> = {}
        for (const entry of entries) sums[entry.bucket] = (sums[entry.bucket] ?? 0) + entry.amount
        expect(await service.balancesOf(b.id)).toEqual({
          pending: sums.pending ?? 0,
          available: sums.available ?? 0,
          withdrawing: sums.withdrawing ?? 0,
          withdrawn: sums.withdrawn ?? 0,
          spent: sums.spent ?? 0,
        })
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 7500, withdrawn: 2500 })
      })
    })

    describe("store credit", () => {
      async function availableForB(fen: number) {
        const { b } = await chainABC()
        await placeOrder("order_1", [line("li_1", fen * 12.5)])
        await service.matureOrderCommissions("order_1", { force: true })
        return b
      }

      it("spends once per cart, however often the cart is completed", async () => {
        const b = await availableForB(10000)
        const spend = { customer_id: "cus_b", cart_id: "cart_1", amount: 4000 }
        const [first, again] = await Promise.all([
          service.spendStoreCredit(spend),
          service.spendStoreCredit(spend),
        ])
        expect([first.created, again.created].sort()).toEqual([false, true])
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 6000, spent: 4000 })
        expect(await service.storeCreditHeldFor("cart_1")).toBe(4000)
        await expect(service.spendStoreCredit({ ...spend, amount: 5000 })).rejects.toThrow(
          "其他金额"
        )
        await expect(
          service.spendStoreCredit({ customer_id: "cus_b", cart_id: "cart_2", amount: 6001 })
        ).rejects.toThrow("可用余额不足：当前可用 ¥60.00")
        await expect(
          service.spendStoreCredit({ customer_id: "cus_b", cart_id: "cart_2", amount: 0 })
        ).rejects.toThrow("抵扣金额无效")
      })

      it("gives a failed completion's spend back once, and a retry can spend again", async () => {
        const b = await availableForB(10000)
        const spend = { customer_id: "cus_b", cart_id: "cart_1", amount: 4000 }
        const first = await service.spendStoreCredit(spend)
        const failed = { cart_id: "cart_1", reason_key: `failed:${first.attempt}` }
        expect(await service.returnStoreCredit(failed)).toBe(4000)
        expect(await service.returnStoreCredit(failed)).toBe(0)
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 10000, spent: 0 })

        const retry = await service.spendStoreCredit(spend)
        expect(retry).toMatchObject({ created: true, attempt: 1 })
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 6000, spent: 4000 })

        // The order is cancelled: the credit comes back, once, whatever the replays.
        const canceled = { cart_id: "cart_1", reason_key: "canceled:order_9" }
        await Promise.all([
          service.returnStoreCredit(canceled),
          service.returnStoreCredit(canceled),
        ])
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 10000, spent: 0 })
        const kinds = (await service.listLedgerEntries({ cart_id: "cart_1" })).map((e) => e.kind)
        expect(kinds.filter((k) => k === "store_credit")).toHaveLength(4)
        expect(kinds.filter((k) => k === "store_credit_return")).toHaveLength(4)
        expect(await service.returnStoreCredit({ cart_id: "unknown", reason_key: "x" })).toBe(0)
      })

      it("gives part of a cart's credit back once per occasion, never more than it holds", async () => {
        const b = await availableForB(10000)
        await service.spendStoreCredit({ customer_id: "cus_b", cart_id: "cart_1", amount: 4000 })
        const dispute = { cart_id: "cart_1", reason_key: "dispute:d1", amount: 1500 }
        const [one, two] = await Promise.all([
          service.returnStoreCredit(dispute),
          service.returnStoreCredit(dispute),
        ])
        expect([one, two].sort()).toEqual([0, 1500])
        expect(await service.storeCreditHeldFor("cart_1")).toBe(2500)
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 7500, spent: 2500 })
        await expect(
          service.returnStoreCredit({ cart_id: "cart_1", reason_key: "dispute:d2", amount: 2501 })
        ).rejects.toThrow("还可退回 ¥25.00")
        // The order is cancelled later: what is still held comes back, no more.
        expect(
          await service.returnStoreCredit({ cart_id: "cart_1", reason_key: "canceled:o1" })
        ).toBe(2500)
        expect(await service.balancesOf(b.id)).toMatchObject({ available: 10000, spent: 0 })
      })

      it("refuses a disabled affiliate's balance", async () => {
        const b = await availableForB(10000)
        await service.setAffiliateStatus({ affiliate_id: b.id, status: "disabled" })
        await expect(
          service.spendStoreCredit({ customer_id: "cus_b", cart_id: "cart_1", amount: 100 })
        ).rejects.toThrow("已停用")
      })
    })
  },
})
