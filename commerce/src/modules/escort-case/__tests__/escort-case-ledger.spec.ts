import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { ESCORT_CASE_MODULE } from ".."
import { EscortCase } from "../models/escort-case"
import { EscortCaseNote } from "../models/escort-case-note"
import { EscortInsuranceClaim } from "../models/escort-insurance-claim"
import { EscortInsurancePolicy } from "../models/escort-insurance-policy"
import { GuaranteeFundEntry } from "../models/guarantee-fund-entry"
import EscortCaseModuleService from "../service"

jest.setTimeout(60_000)

const dispute = (n: number) => ({
  source: "dispute" as const,
  source_id: `escdsp_${n}`,
  booking_id: `escbk_${n}`,
  customer_id: "cus_1",
  escort_id: "esc_1",
  summary: "会员申诉：陪诊员迟到一小时",
  actor_id: null,
})

moduleIntegrationTestRunner<EscortCaseModuleService>({
  moduleName: ESCORT_CASE_MODULE,
  moduleModels: [
    EscortCase,
    EscortCaseNote,
    GuaranteeFundEntry,
    EscortInsurancePolicy,
    EscortInsuranceClaim,
  ],
  resolve: "./src/modules/escort-case",
  // The migration, not the models: the ledger's sign check, unconditional unique key and
  // append-only trigger live only there.
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { insurer: null },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = (text: string, params: unknown[] = []) =>
      MikroOrmWrapper.forkManager().execute(text, params)

    it("opens one case per source however often it is asked, with an opening line on its timeline", async () => {
      const [first, again] = await Promise.all([
        service.openCase(dispute(1)),
        service.openCase(dispute(1)),
      ])
      expect([first.created, again.created].sort()).toEqual([false, true])
      expect(first.case.id).toBe(again.case.id)
      expect(first.case.status).toBe("open")
      const notes = await service.caseNotes(first.case.id)
      expect(notes.map((n) => [n.kind, n.status, n.body])).toEqual([
        ["opened", "open", "会员申诉：陪诊员迟到一小时"],
      ])
    })

    it("moves open → investigating → upheld → closed; no skipping, no deciding twice", async () => {
      const { case: row } = await service.openCase(dispute(2))
      await expect(
        service.closeCase({ case_id: row.id, note: null, actor_id: "user_a" })
      ).rejects.toThrow("请先认定（成立或不成立）再结案")
      const assigned = await service.assignCase({
        case_id: row.id,
        owner_id: "user_owner",
        actor_id: "user_a",
      })
      expect(assigned).toMatchObject({ status: "investigating", owner_id: "user_owner" })
      await service.noteCase({ case_id: row.id, body: "已联系陪诊员核实", actor_id: "user_a" })

      const decisions = await Promise.allSettled([
        service.decideCase({
          case_id: row.id,
          outcome: "upheld",
          compensation_fen: 5000,
          note: "迟到属实",
          actor_id: "user_a",
        }),
        service.decideCase({
          case_id: row.id,
          outcome: "dismissed",
          compensation_fen: null,
          note: "不成立",
          actor_id: "user_b",
        }),
      ])
      expect(decisions.map((d) => d.status).sort()).toEqual(["fulfilled", "rejected"])
      const rejected = decisions.find((d) => d.status === "rejected") as PromiseRejectedResult
      expect(rejected.reason.message).toBe("该事件已认定，不能重复处理")

      const closed = await service.closeCase({
        case_id: row.id,
        note: "已赔付",
        actor_id: "user_a",
      })
      expect(closed.status).toBe("closed")
      await expect(
        service.assignCase({ case_id: row.id, owner_id: "user_x", actor_id: "user_a" })
      ).rejects.toThrow("该事件已结案")
      const kinds = (await service.caseNotes(row.id)).map((n) => n.kind)
      expect(kinds.slice(0, 3)).toEqual(["opened", "assigned", "note"])
      expect(kinds).toHaveLength(5)
      expect(kinds.at(-1)).toBe("closed")
    })

    it("derives the balance from signed entries; a repeated key writes once, even at once", async () => {
      await service.recordFundEntry({
        kind: "fund_in",
        amount_fen: 100000,
        idempotency_key: "fund_in:2026-12",
        note: "平台注资",
        created_by: "user_fin",
      })
      const paid = await Promise.all(
        [1, 2, 3].map(() =>
          service.recordFundEntry({
            kind: "compensation_paid",
            amount_fen: 19900,
            idempotency_key: "case:esccase_1:compensation",
            case_id: "esccase_1",
            note: "先行赔付",
          })
        )
      )
      expect(paid.filter((p) => p.created)).toHaveLength(1)
      expect(new Set(paid.map((p) => p.entry.id)).size).toBe(1)
      expect(paid[0].entry.amount_fen).toBe(-19900)
      await service.recordFundEntry({
        kind: "recovery_from_escort",
        amount_fen: 11940,
        idempotency_key: "case:esccase_1:recovery_from_escort",
        case_id: "esccase_1",
        note: "陪诊员收入冲减",
      })
      await service.recordFundEntry({
        kind: "recovery_from_insurer",
        amount_fen: 7960,
        idempotency_key: "claim:esccl_1:paid",
        case_id: "esccase_1",
        note: "保险理赔到账",
      })
      expect(await service.fundSummary()).toEqual({
        balance_fen: 100000 - 19900 + 11940 + 7960,
        by_kind: {
          fund_in: 100000,
          compensation_paid: -19900,
          recovery_from_escort: 11940,
          recovery_from_insurer: 7960,
        },
      })
      const { entries, count } = await service.fundEntries({ case_id: "esccase_1" })
      expect(count).toBe(3)
      expect(entries.map((e) => e.kind).sort()).toEqual([
        "compensation_paid",
        "recovery_from_escort",
        "recovery_from_insurer",
      ])
      await expect(
        service.recordFundEntry({
          kind: "fund_in",
          amount_fen: 0,
          idempotency_key: "zero",
          note: "零",
        })
      ).rejects.toThrow("金额须为正整数（分）")
    })

    it("keeps the ledger append-only: an entry can be neither changed nor removed", async () => {
      const { entry } = await service.recordFundEntry({
        kind: "fund_in",
        amount_fen: 500,
        idempotency_key: "fund_in:append-only",
        note: "注资",
      })
      await expect(
        sql(`update guarantee_fund_entry set amount_fen = 1 where id = ?`, [entry.id])
      ).rejects.toThrow(/append-only/)
      await expect(
        sql(`delete from guarantee_fund_entry where id = ?`, [entry.id])
      ).rejects.toThrow(/append-only/)
      await expect(
        sql(
          `insert into guarantee_fund_entry (id, kind, amount_fen, idempotency_key, note)
           values ('gfent_bad', 'compensation_paid', 100, 'bad-sign', 'x')`
        )
      ).rejects.toThrow(/guarantee_fund_entry_sign_check/)
    })

    it("moves an insurance claim forward only; a repeated callback changes nothing", async () => {
      const policy = await service.keepPolicy({
        booking_id: "escbk_9",
        provider: "signed_json",
        policy_no: "PL0001",
        premium_fen: 300,
        coverage_fen: 5_000_000,
      })
      const again = await service.keepPolicy({ ...policy, policy_no: "PL0002" })
      expect(again.policy_no).toBe("PL0001")
      await service.keepClaim({
        case_id: "esccase_9",
        policy_id: policy.id,
        provider: "signed_json",
        claim_no: "CL0001",
        amount_fen: 19900,
        status: "filed",
      })
      const paid = {
        provider: "signed_json",
        claim_no: "CL0001",
        status: "paid" as const,
        paid_fen: 15000,
        reason: null,
      }
      expect((await service.moveClaim(paid))!.changed).toBe(true)
      expect((await service.moveClaim(paid))!.changed).toBe(false)
      const late = await service.moveClaim({ ...paid, status: "approved", paid_fen: null })
      expect(late).toMatchObject({ changed: false, claim: { status: "paid", paid_fen: 15000 } })
      expect(await service.moveClaim({ ...paid, claim_no: "CL-unknown" })).toBeNull()
    })
  },
})
