import { MedusaError } from "@medusajs/framework/utils"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  generateKitBarcode,
  isValidKitBarcode,
  normalizeKitBarcode,
} from "../../lib/kits/kit-barcode"
import type { KitAction } from "../../lib/kits/kit-status"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import type { KitRow } from "../../modules/health-archive/types"
import {
  DomainEvent,
  DOMAIN_EVENT_OPTIONS,
  type KitStatusChangedEvent,
} from "../../lib/events/domain-events"
import { ensureOfflineOrderPaid } from "../orders/order-payment-state"

/** What the lab may not do before finance has an offline order's money. */
const NEEDS_CONFIRMED_PAYMENT: Partial<Record<StaffKitAction, string>> = {
  ship: "发货",
  receive: "签收样本",
}

/** The kit actions staff take in the admin. */
export type StaffKitAction = Extract<KitAction, "ship" | "receive" | "start_testing" | "reject">

export type AdvanceKitInput = {
  kit_id: string
  action: StaffKitAction
  staff_id: string
  barcode?: string
  carrier?: string
  tracking_number?: string
  reason?: string
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const advanceKitStep = createStep("advance-kit", async (input: AdvanceKitInput, { container }) => {
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const gated = NEEDS_CONFIRMED_PAYMENT[input.action]
  if (gated) {
    const [kit] = await archive.listKits({ id: input.kit_id }, { select: ["order_id"] })
    await ensureOfflineOrderPaid(container, kit?.order_id, gated)
  }
  const patch: Partial<KitRow> = {}
  let note: string | null = null
  if (input.action === "ship") {
    const barcode = input.barcode ? normalizeKitBarcode(input.barcode) : generateKitBarcode()
    if (!isValidKitBarcode(barcode))
      throw invalid(`条码 ${barcode} 格式不正确（GT + 10 位数字，末位为校验位）`)
    const holder = await archive.kitByBarcode(barcode)
    if (holder && holder.id !== input.kit_id) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `条码 ${barcode} 已分配给其他检测盒`)
    }
    patch.barcode = barcode
    patch.tracking_carrier = input.carrier?.trim() || null
    patch.tracking_number = input.tracking_number?.trim() || null
    note = patch.tracking_number
      ? `${patch.tracking_carrier ?? "快递"} ${patch.tracking_number}`
      : "条码已分配"
  }
  if (input.action === "reject") {
    const reason = input.reason?.trim()
    if (!reason) throw invalid("请填写退回原因，会员将看到这段说明")
    patch.rejection_reason = reason
    note = reason
  }
  try {
    const { kit, event_id } = await archive.transitionKit(input.kit_id, input.action, {
      actor_type: "staff",
      actor_id: input.staff_id,
      note,
      patch,
    })
    return new StepResponse({ kit, event_id })
  } catch (error) {
    // Two kits shipped with the same barcode at once: the unique index keeps one.
    if ((error as { code?: string }).code === "23505") {
      throw new MedusaError(MedusaError.Types.CONFLICT, `条码 ${patch.barcode} 已分配给其他检测盒`)
    }
    throw error
  }
})

/** Moves a kit one step as staff (ship, receive, start testing, reject) and tells the member. */
export const advanceKitWorkflow = createWorkflow("advance-kit", (input: AdvanceKitInput) => {
  const moved = advanceKitStep(input)
  emitEventStep({
    eventName: DomainEvent.KIT_STATUS_CHANGED,
    options: DOMAIN_EVENT_OPTIONS,
    data: transform(
      { moved },
      ({ moved }): KitStatusChangedEvent => ({ kit_id: moved.kit.id, event_id: moved.event_id })
    ),
  })
  return new WorkflowResponse(transform({ moved }, ({ moved }) => moved.kit))
})
