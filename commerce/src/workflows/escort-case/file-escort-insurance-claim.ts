import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_CASE_MODULE } from "../../modules/escort-case"
import type EscortCaseModuleService from "../../modules/escort-case/service"

export type FileEscortInsuranceClaimInput = {
  case_id: string
  amount_fen: number
  description: string
  staff_id: string
}

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)

/**
 * Files a claim on the booking's policy for an upheld case, once per case (the case id is
 * the insurer's idempotency key and the claim is kept once per case).
 */
const fileEscortInsuranceClaimStep = createStep(
  "file-escort-insurance-claim",
  async (input: FileEscortInsuranceClaimInput, { container }) => {
    const cases = container.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
    const insurer = cases.insurer()
    if (!insurer) throw conflict("未配置保险公司，不能申请理赔")
    const row = await cases.case(input.case_id)
    if (row.status !== "upheld" && !(row.status === "closed" && row.compensation_fen)) {
      throw conflict("事件认定成立后才能申请保险理赔")
    }
    const existing = await cases.claimOfCase(row.id)
    if (existing) throw conflict("该事件已申请过保险理赔")
    const policy = await cases.policyOfBooking(row.booking_id)
    if (!policy) throw conflict("该订单没有保单，不能申请理赔")
    if (input.amount_fen > policy.coverage_fen) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `理赔金额不能超过保额 ¥${(policy.coverage_fen / 100).toFixed(2)}`
      )
    }
    const filed = await insurer.fileClaim({
      case_id: row.id,
      policy_no: policy.policy_no,
      amount_fen: input.amount_fen,
      description: input.description,
    })
    const claim = await cases.keepClaim({
      case_id: row.id,
      policy_id: policy.id,
      provider: insurer.id,
      claim_no: filed.claim_no,
      amount_fen: input.amount_fen,
      status: "filed",
    })
    await cases.noteCase({
      case_id: row.id,
      kind: "claim_filed",
      body: `已向保险公司申请理赔 ¥${(input.amount_fen / 100).toFixed(2)}（保单 ${policy.policy_no}，理赔号 ${claim.claim_no}）`,
      actor_id: input.staff_id,
    })
    return new StepResponse(claim)
  }
)

export const fileEscortInsuranceClaimWorkflow = createWorkflow(
  "file-escort-insurance-claim",
  (input: FileEscortInsuranceClaimInput) =>
    new WorkflowResponse(fileEscortInsuranceClaimStep(input))
)
