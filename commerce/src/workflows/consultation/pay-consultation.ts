import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import { CONSULTATION_STATUS_LABELS } from "../../modules/consultation/rules/consultation-status"
import type ConsultationModuleService from "../../modules/consultation/service"
import type { ConsultationRow } from "../../modules/consultation/service"
import {
  payThroughOwnCart,
  yuan,
  type OwnCartPaymentAnswer,
  type OwnCartPaymentInput,
} from "../checkout/pay-through-own-cart"
import { CONSULTATION_LINE_KEY, consultationLockKey } from "./consultation-lock"

export type PayConsultationInput = OwnCartPaymentInput & { consultation_id: string }

const MODE_TITLES = { text: "图文问诊", phone: "电话问诊", video: "视频问诊" } as const

/**
 * The consultation's open cart, or a new one with one custom line (no catalogue variant: the
 * price is the doctor's, fixed when the consultation was opened). Nothing to ship.
 */
async function consultationCart(
  container: MedusaContainer,
  consultation: ConsultationRow,
  doctorName: string,
  regionId: string
): Promise<string> {
  if (consultation.cart_id) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "cart",
      fields: ["id", "completed_at"],
      filters: { id: consultation.cart_id },
    })
    if (data[0]?.completed_at) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "该问诊已支付，正在确认中，请稍后刷新")
    }
    if (data[0]) return consultation.cart_id
  }
  const customer = await container
    .resolve(Modules.CUSTOMER)
    .retrieveCustomer(consultation.customer_id)
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: regionId,
      customer_id: consultation.customer_id,
      email: customer.email ?? undefined,
      currency_code: "cny",
      items: [
        {
          title: `${MODE_TITLES[consultation.mode]}·${doctorName}`,
          quantity: 1,
          unit_price: yuan(Number(consultation.price_fen)),
          requires_shipping: false,
          metadata: { [CONSULTATION_LINE_KEY]: consultation.id },
        },
      ],
      metadata: { [CONSULTATION_LINE_KEY]: consultation.id },
    },
  })
  await container
    .resolve<ConsultationModuleService>(CONSULTATION_MODULE)
    .attachCart(consultation.id, cart.id)
  return cart.id
}

/**
 * `POST /store/consultations/:id/pay`: as an escort booking pays (checkout/pay-through-own-cart).
 * The order is placed by the provider's verified notification, or here when store credit
 * covers all; order.placed then moves the consultation to 待接诊.
 */
export async function payConsultation(
  container: MedusaContainer,
  input: PayConsultationInput
): Promise<OwnCartPaymentAnswer> {
  const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  await consultations.ownedConsultation(input.consultation_id, input.customer_id)
  return container.resolve(Modules.LOCKING).execute(
    consultationLockKey(input.consultation_id),
    async () => {
      const current = await consultations.ownedConsultation(
        input.consultation_id,
        input.customer_id
      )
      if (current.status !== "pending_payment") {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `问诊当前为「${CONSULTATION_STATUS_LABELS[current.status]}」，不需要支付`
        )
      }
      const doctor = await consultations.doctorRow(current.doctor_id)
      return payThroughOwnCart(container, {
        ...input,
        cartFor: (regionId) => consultationCart(container, current, doctor.name, regionId),
      })
    },
    { timeout: 10, expire: 120 }
  )
}
