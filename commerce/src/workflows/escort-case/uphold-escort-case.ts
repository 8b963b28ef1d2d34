import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ESCORT_CASE_MODULE } from "../../modules/escort-case"
import type EscortCaseModuleService from "../../modules/escort-case/service"
import type { EscortCaseRow, EscortCaseStatus } from "../../modules/escort-case/types"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import { resolveEscortDisputeWorkflow } from "../escort-income/resolve-escort-dispute"
import { escortCaseLockKey } from "./escort-case-lock"

export type UpholdEscortCaseInput = {
  case_id: string
  /** 先行赔付 to the member, in fen; 0 upholds without paying. */
  compensation_fen: number
  note: string
  staff_id: string
}

/** How the member was paid: the dispute refund's own answer, or offline by finance. */
export type CompensationPaid = {
  through: "none" | "offline" | "provider" | "store_credit" | "provider_and_store_credit"
  fen: number
  provider_fen: number
  store_credit_fen: number
  /** What the escort's income was reduced by (the dispute refund reverses their share). */
  escort_recovery_fen: number
}

const yuan = (fen: number) => (fen / 100).toFixed(2)

const decideUpheldStep = createStep(
  "decide-escort-case-upheld",
  async (input: UpholdEscortCaseInput, { container }) => {
    const cases = container.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
    const decided = await cases.decideCase({
      case_id: input.case_id,
      outcome: "upheld",
      compensation_fen: input.compensation_fen,
      note: input.note,
      actor_id: input.staff_id,
    })
    return new StepResponse(decided.case, { case_id: input.case_id, previous: decided.previous })
  },
  // Paying failed (an amount over what was paid, a provider down): the case is undecided
  // again, with a line on its timeline, so staff can uphold it with another amount.
  async (undo: { case_id: string; previous: EscortCaseStatus } | undefined, { container }) => {
    if (!undo) return
    await container
      .resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
      .undoDecision({ ...undo, reason: "赔付未完成，认定已撤回" })
  }
)

/**
 * Pays the member first. A complaint's case pays through the dispute's own resolution
 * (resolve-escort-dispute: back through the payment providers first, the rest to the store
 * credit that paid; it reverses the escort's share, which is the recovery from the escort).
 * A 报备 or alert has no dispute to refund through: finance pays it offline, as the dispute
 * path does for a booking paid by hand. Not undone: money that moved stays moved, and what
 * follows only appends idempotent ledger entries.
 */
const payCompensationStep = createStep(
  "pay-escort-case-compensation",
  async (input: { upheld: EscortCaseRow; staff_id: string; note: string }, { container }) => {
    const fen = input.upheld.compensation_fen ?? 0
    const none = { through: "none", fen: 0, provider_fen: 0, store_credit_fen: 0 } as const
    if (fen <= 0) return new StepResponse<CompensationPaid>({ ...none, escort_recovery_fen: 0 })
    if (input.upheld.source !== "dispute") {
      return new StepResponse<CompensationPaid>({
        ...none,
        through: "offline",
        fen,
        escort_recovery_fen: 0,
      })
    }
    const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    const dispute = await income.dispute(input.upheld.source_id)
    if (dispute.status !== "open") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "该申诉已在陪诊结算中处理过，不能再次赔付；请以赔付 0 元认定或驳回"
      )
    }
    const before = await income.earningOfBooking(input.upheld.booking_id)
    const { result } = await resolveEscortDisputeWorkflow(container).run({
      input: {
        dispute_id: dispute.id,
        outcome: "refund",
        refund_fen: fen,
        note: `事件认定成立，平台先行赔付。${input.note}`,
        staff_id: input.staff_id,
      },
    })
    const after = await income.earningOfBooking(input.upheld.booking_id)
    const recovered = Number(after?.reversed_fen ?? 0) - Number(before?.reversed_fen ?? 0)
    return new StepResponse<CompensationPaid>({
      ...result.refund,
      escort_recovery_fen: Math.max(recovered, 0),
    })
  }
)

/** The fund's entries for the payment, each under the case's own key: written once. */
const recordCompensationEntriesStep = createStep(
  "record-escort-case-compensation",
  async (
    input: { upheld: EscortCaseRow; paid: CompensationPaid; staff_id: string },
    { container }
  ) => {
    const cases = container.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
    const { upheld, paid } = input
    if (paid.fen <= 0) return new StepResponse(null)
    const ways =
      paid.through === "offline"
        ? "由财务线下支付"
        : [
            paid.provider_fen ? `原路退回 ¥${yuan(paid.provider_fen)}` : "",
            paid.store_credit_fen ? `退回账户余额 ¥${yuan(paid.store_credit_fen)}` : "",
          ]
            .filter(Boolean)
            .join("，")
    await cases.recordFundEntry({
      kind: "compensation_paid",
      amount_fen: paid.fen,
      idempotency_key: `case:${upheld.id}:compensation_paid`,
      case_id: upheld.id,
      note: `先行赔付会员 ¥${yuan(paid.fen)}（${ways}）`,
      created_by: input.staff_id,
    })
    if (paid.escort_recovery_fen > 0) {
      await cases.recordFundEntry({
        kind: "recovery_from_escort",
        amount_fen: paid.escort_recovery_fen,
        idempotency_key: `case:${upheld.id}:recovery_from_escort`,
        case_id: upheld.id,
        note: `陪诊员收入冲减 ¥${yuan(paid.escort_recovery_fen)}（陪诊结算中已扣）`,
        created_by: input.staff_id,
      })
    }
    await cases.noteCase({
      case_id: upheld.id,
      kind: "compensation",
      body: `已先行赔付 ¥${yuan(paid.fen)}（${ways}）`,
      actor_id: input.staff_id,
    })
    return new StepResponse(null)
  }
)

/**
 * Staff uphold a case (认定成立) with a compensation amount (POST /admin/escort-cases/:id/
 * uphold): the member is paid first from the guarantee fund, through the refund and store
 * credit paths, and the ledger records the payment and what the escort's income returns.
 * Under the case's lock and its conditional UPDATE, two upholds at once pay once; the
 * second is a 409.
 */
export const upholdEscortCaseWorkflow = createWorkflow(
  "uphold-escort-case",
  (input: UpholdEscortCaseInput) => {
    const key = transform({ input }, ({ input }) => escortCaseLockKey(input.case_id))
    acquireLockStep({ key, timeout: 15, ttl: 120 })
    const upheld = decideUpheldStep(input)
    const paid = payCompensationStep(
      transform({ upheld, input }, ({ upheld, input }) => ({
        upheld,
        staff_id: input.staff_id,
        note: input.note,
      }))
    )
    recordCompensationEntriesStep(
      transform({ upheld, paid, input }, ({ upheld, paid, input }) => ({
        upheld,
        paid,
        staff_id: input.staff_id,
      }))
    )
    releaseLockStep({ key })
    return new WorkflowResponse(
      transform({ upheld, paid }, ({ upheld, paid }) => ({ case: upheld, compensation: paid }))
    )
  }
)
