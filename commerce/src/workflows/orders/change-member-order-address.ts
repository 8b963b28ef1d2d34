import { acquireLockStep, releaseLockStep, updateOrderWorkflow } from "@medusajs/medusa/core-flows"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { APPOINTMENT_MODULE } from "../../modules/appointment"
import type AppointmentModuleService from "../../modules/appointment/service"
import { loadOrderCancellation } from "./load-order-cancellation"
import { memberOrderLockKey } from "./member-order-lock"
import { ORDER_PAYMENT_FIELDS, paymentStateOf } from "./order-payment-state"

export type MemberOrderAddress = {
  first_name: string
  last_name: string
  phone: string
  province: string
  city: string
  district: string
  street: string
  postal_code?: string | null
}

export type ChangeMemberOrderAddressInput = {
  order_id: string
  customer_id: string
  address: MemberOrderAddress
}

const inYueyang = (city: string) => /岳阳/.test(city)

/**
 * Under the lock: the order is the member's and nothing has shipped. An offline (岳阳)
 * order mailed to its address keeps it in 岳阳, as checkout requires; one collected at a
 * site may be mailed anywhere the site's city does not change.
 */
const ensureMemberMayEditStep = createStep(
  "ensure-member-may-edit-order",
  async (input: ChangeMemberOrderAddressInput, { container }) => {
    const { refusal } = await loadOrderCancellation(
      container,
      input.order_id,
      input.customer_id,
      "edit"
    )
    if (refusal) throw new MedusaError(MedusaError.Types.CONFLICT, refusal)
    if (inYueyang(input.address.city)) return new StepResponse(true)
    const {
      data: [order],
    } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: ORDER_PAYMENT_FIELDS,
      filters: { id: input.order_id },
    })
    if (!paymentStateOf(order as never).payment_offline) return new StepResponse(true)
    const appointments = await container
      .resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
      .listAppointments({ order_id: input.order_id }, { select: ["id"] })
    if (!appointments.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "线下支付仅限岳阳地区的订单，收货地址不能改到岳阳以外"
      )
    }
    return new StepResponse(true)
  }
)

/**
 * The member changes where the kit is sent, until it ships: Medusa's updateOrderWorkflow
 * records the change on the order (an order change the admin shows) and is undone with it.
 * The per-order lock keeps it from racing a cancel or the lab's first shipment check.
 */
export const changeMemberOrderAddressWorkflow = createWorkflow(
  "change-member-order-address",
  (input: ChangeMemberOrderAddressInput) => {
    const key = transform({ input }, ({ input }) => memberOrderLockKey(input.order_id))
    acquireLockStep({ key, timeout: 10, ttl: 120 })
    ensureMemberMayEditStep(input)
    updateOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        id: input.order_id,
        user_id: input.customer_id,
        shipping_address: {
          first_name: input.address.first_name,
          last_name: input.address.last_name,
          phone: input.address.phone,
          province: input.address.province,
          city: input.address.city,
          // As the address book stores it (storefront member-address): district in address_2.
          address_1: input.address.street,
          address_2: input.address.district || null,
          postal_code: input.address.postal_code ?? null,
        },
      })),
    })
    releaseLockStep({ key })
    return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.order_id })))
  }
)
