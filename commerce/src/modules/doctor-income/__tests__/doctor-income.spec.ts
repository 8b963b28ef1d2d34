import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { DOCTOR_INCOME_MODULE } from ".."
import { DoctorEarning } from "../models/doctor-earning"
import { DoctorIncomeSetting } from "../models/doctor-income-setting"
import { DoctorPayoutAccount } from "../models/doctor-payout-account"
import { DoctorWithdrawal } from "../models/doctor-withdrawal"
import DoctorIncomeModuleService from "../service"
import type { NewDoctorEarning } from "../types"

jest.setTimeout(60_000)

const DONE = new Date("2026-12-01T02:00:00Z")
const hours = (n: number) => new Date(DONE.getTime() + n * 3_600_000)

const consultationEarning = (overrides: Partial<NewDoctorEarning> = {}): NewDoctorEarning => ({
  source_type: "consultation",
  source_id: "cons_1",
  doctor_id: "doc_1",
  kind: "text",
  price_fen: 3000,
  share_percent: 70,
  amount_fen: 2100,
  earned_at: DONE,
  release_at: hours(72),
  ...overrides,
})

moduleIntegrationTestRunner<DoctorIncomeModuleService>({
  moduleName: DOCTOR_INCOME_MODULE,
  moduleModels: [DoctorEarning, DoctorWithdrawal, DoctorIncomeSetting, DoctorPayoutAccount],
  resolve: "./src/modules/doctor-income",
  testSuite: ({ service }) => {
    it("records one earning per source, also when two completions race", async () => {
      const [first, second] = await Promise.all([
        service.recordEarning(consultationEarning()),
        service.recordEarning(consultationEarning({ amount_fen: 9999 })),
      ])
      expect([first.created, second.created].sort()).toEqual([false, true])
      expect(first.earning.id).toBe(second.earning.id)
      expect(second.earning.amount_fen).toBe(first.earning.amount_fen)
      // The same id under another kind of work is another source.
      const report = await service.recordEarning(
        consultationEarning({
          source_type: "assessment",
          kind: "assessment",
          price_fen: 0,
          share_percent: null,
          amount_fen: 20000,
        })
      )
      expect(report.created).toBe(true)
      // Either racer may win (2100 or 9999): the total holds the winner's amount once.
      expect(await service.totals("doc_1")).toEqual({
        pending_fen: first.earning.amount_fen + 20000,
        available_fen: 0,
        withdrawn_fen: 0,
        requested_fen: 0,
      })
    })

    it("holds income pending until the hold has passed, then makes it available", async () => {
      await service.recordEarning(consultationEarning())
      expect(await service.releaseDue(hours(71))).toEqual([])
      expect((await service.totals("doc_1")).available_fen).toBe(0)
      expect(await service.releaseDue(hours(72))).toHaveLength(1)
      const earning = await service.earningOf("consultation", "cons_1")
      expect(earning).toMatchObject({ status: "available" })
      expect(await service.totals("doc_1")).toMatchObject({ pending_fen: 0, available_fen: 2100 })
    })

    it("reverses a refunded consultation's share, once however often the refund is replayed", async () => {
      await service.recordEarning(consultationEarning())
      // Half refunded: the doctor keeps 70% of the ¥15 the platform kept.
      const half = await service.reverseEarning({
        source_type: "consultation",
        source_id: "cons_1",
        refund_fen: 1500,
      })
      expect(half?.after).toEqual({ reversed_fen: 1050, status: "pending" })
      expect(
        await service.reverseEarning({
          source_type: "consultation",
          source_id: "cons_1",
          refund_fen: 1500,
        })
      ).toBeNull()
      expect((await service.totals("doc_1")).pending_fen).toBe(1050)
      const full = await service.reverseEarning({
        source_type: "consultation",
        source_id: "cons_1",
        refund_fen: 3000,
      })
      expect(full?.after).toEqual({ reversed_fen: 2100, status: "reversed" })
      expect(await service.releaseDue(hours(100))).toEqual([])
      expect(await service.totals("doc_1")).toMatchObject({ pending_fen: 0, available_fen: 0 })
      // A compensation puts the last reversal back.
      await service.undoReversal(full!)
      expect(await service.earningOf("consultation", "cons_1")).toMatchObject({
        status: "pending",
        reversed_fen: 1050,
      })
    })

    it("leaves a negative balance when a refund comes after the money was paid out", async () => {
      await service.recordEarning(consultationEarning())
      await service.releaseDue(hours(72))
      const withdrawal = await service.requestWithdrawal("doc_1", 2100)
      await service.moveWithdrawal(withdrawal.id, { kind: "pay", staff_id: "u1", reference: "B1" })
      await service.reverseEarning({
        source_type: "consultation",
        source_id: "cons_1",
        refund_fen: 3000,
      })
      expect(await service.totals("doc_1")).toEqual({
        pending_fen: 0,
        available_fen: -2100,
        withdrawn_fen: 2100,
        requested_fen: 0,
      })
      await expect(service.requestWithdrawal("doc_1", 1)).rejects.toThrow("可提现余额不足")
    })

    it("accepts exactly one of two concurrent withdrawals, and one open at a time", async () => {
      await service.recordEarning(consultationEarning())
      await service.recordEarning(consultationEarning({ source_id: "cons_2" }))
      await service.releaseDue(hours(72))
      const results = await Promise.allSettled([
        service.requestWithdrawal("doc_1", 1000),
        service.requestWithdrawal("doc_1", 1000),
      ])
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"])
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult
      expect(refused.reason.message).toBe("已有一笔提现申请待处理，请等财务处理后再申请")
      expect(await service.totals("doc_1")).toMatchObject({
        available_fen: 3200,
        requested_fen: 1000,
      })
    })

    it("refuses more than the available balance, pending income included", async () => {
      await service.recordEarning(consultationEarning())
      await expect(service.requestWithdrawal("doc_1", 100)).rejects.toThrow(
        "可提现余额不足：当前可提现 ¥0.00，申请 ¥1.00"
      )
    })

    it("pays or rejects a requested withdrawal once; a rejection gives the money back", async () => {
      await service.recordEarning(consultationEarning())
      await service.releaseDue(hours(72))
      const first = await service.requestWithdrawal("doc_1", 2100)
      const rejected = await service.moveWithdrawal(first.id, {
        kind: "reject",
        staff_id: "u1",
        reason: "开户名与医生姓名不一致",
      })
      expect(rejected).toMatchObject({ changed: true, withdrawal: { status: "rejected" } })
      await expect(
        service.moveWithdrawal(first.id, { kind: "pay", staff_id: "u1", reference: "B1" })
      ).rejects.toThrow("该提现申请当前为「已驳回」，只有待打款或已审核的申请可以这样处理")
      expect((await service.totals("doc_1")).available_fen).toBe(2100)

      const second = await service.requestWithdrawal("doc_1", 2000)
      const paid = await service.moveWithdrawal(second.id, {
        kind: "pay",
        staff_id: "u1",
        reference: "B2",
      })
      expect(paid.withdrawal).toMatchObject({ status: "paid", reference: "B2" })
      // A retried pay with the same reference answers the paid withdrawal.
      const again = await service.moveWithdrawal(second.id, {
        kind: "pay",
        staff_id: "u1",
        reference: "B2",
      })
      expect(again.changed).toBe(false)
      expect(await service.totals("doc_1")).toEqual({
        pending_fen: 0,
        available_fen: 100,
        withdrawn_fen: 2000,
        requested_fen: 0,
      })
    })

    it("starts one WeChat transfer of an approved withdrawal and settles it once; a failure gives the money back", async () => {
      await service.recordEarning(consultationEarning())
      await service.releaseDue(hours(72))
      const first = await service.requestWithdrawal("doc_1", 2100)
      await service.moveWithdrawal(first.id, { kind: "approve", staff_id: "u1" })
      const bill = { withdrawal_id: first.id, staff_id: "u1", out_bill_no: "docwd-bill-1" }
      const starts = await Promise.allSettled([
        service.startWechatTransfer(bill),
        service.startWechatTransfer(bill),
      ])
      expect(starts.map((s) => s.status).sort()).toEqual(["fulfilled", "rejected"])
      await expect(service.requestWithdrawal("doc_1", 1)).rejects.toThrow(
        "已有一笔提现申请待处理，请等财务处理后再申请"
      )
      expect((await service.withdrawalOfTransfer("docwd-bill-1"))?.id).toBe(first.id)
      const failed = { withdrawal_id: first.id, succeeded: false, state: "FAIL", reason: null }
      const settled = await Promise.all([
        service.settleWechatTransfer(failed),
        service.settleWechatTransfer(failed),
      ])
      expect(settled.map((r) => r.changed).sort()).toEqual([false, true])
      expect(settled[0].withdrawal).toMatchObject({ status: "failed", method: "wechat" })
      expect((await service.totals("doc_1")).available_fen).toBe(2100)
    })

    it("keeps operations' settings in place of the env defaults", async () => {
      expect((await service.settings()).share_percent.text).toBe(70)
      const saved = await service.saveSettings({
        share_percent: { text: 75, phone: 70, video: 65 },
        assessment_fee_fen: 15000,
        group_session_fee_fen: 25000,
        hold_hours: 48,
      })
      expect(saved).toEqual({
        share_percent: { text: 75, phone: 70, video: 65 },
        assessment_fee_fen: 15000,
        group_session_fee_fen: 25000,
        hold_hours: 48,
      })
    })
  },
})
