import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import type ConsultationModuleService from "../../modules/consultation/service"
import { DOCTOR_INCOME_MODULE } from "../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../modules/doctor-income/service"
import type { DoctorEarningReversal } from "../../modules/doctor-income/types"

const fen = (amount: unknown) => Math.round(Number(amount ?? 0) * 100)

/**
 * What the member got back for a consultation, in fen: the consultation's own refund
 * (a decline or a missed answer), or, after completion, what finance refunded on its order's
 * payments. The larger of the two: both record the same money when both exist.
 */
export async function consultationRefundFen(
  container: Pick<MedusaContainer, "resolve">,
  consultationId: string
): Promise<number> {
  const row = await container
    .resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    .ownedConsultation(consultationId)
  const own = row.status === "refunded" ? Number(row.refund_fen ?? row.price_fen) : 0
  if (!row.order_id) return own
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["payment_collections.payments.refunds.amount"],
    filters: { id: row.order_id },
  })
  type Refund = { amount?: unknown } | null
  type OrderRefunds = {
    payment_collections?: ({ payments?: ({ refunds?: Refund[] | null } | null)[] | null } | null)[]
  }
  const order = data[0] as OrderRefunds | undefined
  const refunds = (order?.payment_collections ?? []).flatMap((collection) =>
    (collection?.payments ?? []).flatMap((payment) => payment?.refunds ?? [])
  )
  const paidBack = refunds.reduce((sum: number, refund) => sum + fen(refund?.amount), 0)
  return Math.max(own, paidBack)
}

const reverseDoctorEarningStep = createStep(
  "reverse-doctor-earning",
  async (input: { consultation_id: string }, { container }) => {
    const refundFen = await consultationRefundFen(container, input.consultation_id)
    const reversal = refundFen
      ? await container.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE).reverseEarning({
          source_type: "consultation",
          source_id: input.consultation_id,
          refund_fen: refundFen,
        })
      : null
    return new StepResponse(reversal, reversal)
  },
  async (reversal: DoctorEarningReversal | null | undefined, { container }) => {
    if (reversal) {
      await container
        .resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
        .undoReversal(reversal)
    }
  }
)

/**
 * A consultation's money went back to the member: the doctor's earning keeps only the share
 * of what the platform kept (nothing after a full refund). Reads the refunds' total each
 * time, so a replayed event reverses nothing twice; after a withdrawal the doctor's balance
 * goes negative and later income pays it back.
 */
export const reverseDoctorEarningWorkflow = createWorkflow(
  "reverse-doctor-earning",
  (input: { consultation_id: string }) => new WorkflowResponse(reverseDoctorEarningStep(input))
)
