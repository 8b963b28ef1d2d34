import { MedusaError } from "@medusajs/framework/utils"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { isValidKitBarcode, normalizeKitBarcode } from "../../lib/kits/kit-barcode"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import type { ConsentKind, PersonDetails, Relation } from "../../modules/health-archive/types"
import {
  DomainEvent,
  DOMAIN_EVENT_OPTIONS,
  type KitStatusChangedEvent,
} from "../../lib/events/domain-events"

export type ActivateKitInput = {
  customer_id: string
  barcode: string
  person_id?: string
  person?: PersonDetails & { relation: Relation }
  consents: { kind: ConsentKind; version: string }[]
}

const archiveOf = (container: { resolve<T>(key: string): T }) =>
  container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)

const findActivatableKitStep = createStep(
  "find-activatable-kit",
  async (input: ActivateKitInput, { container }) => {
    const barcode = normalizeKitBarcode(input.barcode)
    if (!isValidKitBarcode(barcode)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "条码格式不正确：请核对采样管上以 GT 开头的 12 位条码"
      )
    }
    if (!input.consents.some((consent) => consent.kind === "testing")) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "请阅读并同意《基因检测知情同意书》后再激活"
      )
    }
    const kit = await archiveOf(container).kitByBarcode(barcode)
    // Someone else's barcode reads as unknown: a barcode must not reveal another order.
    if (!kit || kit.customer_id !== input.customer_id || kit.status === "cancelled") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `没有找到条码 ${barcode}：请核对后重新输入；检测盒为他人代购的，请用下单账号激活或联系客服`
      )
    }
    if (kit.status !== "ordered" && kit.status !== "shipped") {
      throw new MedusaError(MedusaError.Types.CONFLICT, `条码 ${barcode} 已激活，不能重复使用`)
    }
    return new StepResponse(kit)
  }
)

const resolveTestedPersonStep = createStep(
  "resolve-tested-person",
  async (input: ActivateKitInput, { container }) => {
    const archive = archiveOf(container)
    if (input.person_id) {
      const [known] = await archive.listTestSubjects({
        id: input.person_id,
        customer_id: input.customer_id,
      })
      if (!known)
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "请选择受检人，或填写新的受检人信息")
      return new StepResponse(known.id, null)
    }
    if (!input.person) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "请填写受检人信息")
    }
    const person = await archive.addTestSubject(input.customer_id, input.person)
    return new StepResponse(person.id, person.id)
  },
  async (createdId, { container }) => {
    if (createdId) await archiveOf(container).deleteTestSubjects(createdId)
  }
)

const recordConsentsStep = createStep(
  "record-kit-consents",
  async (
    input: { customer_id: string; kit_id: string; consents: ActivateKitInput["consents"] },
    { container }
  ) => {
    const signedAt = new Date()
    const unique = new Map(input.consents.map((consent) => [consent.kind, consent.version]))
    const rows = await archiveOf(container).createConsents(
      [...unique].map(([kind, version]) => ({
        customer_id: input.customer_id,
        kit_id: input.kit_id,
        kind,
        version,
        signed_at: signedAt,
      }))
    )
    return new StepResponse(
      rows,
      rows.map((row) => row.id)
    )
  },
  async (ids, { container }) => {
    if (ids?.length) await archiveOf(container).deleteConsents(ids)
  }
)

const markKitActivatedStep = createStep(
  "mark-kit-activated",
  async (input: { kit_id: string; customer_id: string; person_id: string }, { container }) => {
    try {
      const { kit, event_id } = await archiveOf(container).transitionKit(input.kit_id, "activate", {
        actor_type: "customer",
        actor_id: input.customer_id,
        patch: { person_id: input.person_id, activated_at: new Date() },
      })
      return new StepResponse({ kit, event_id })
    } catch (error) {
      // The kit was activatable a moment ago: a refusal now means a second activation won.
      if (MedusaError.isMedusaError(error) && error.type === MedusaError.Types.NOT_ALLOWED) {
        throw new MedusaError(MedusaError.Types.CONFLICT, "这个条码刚刚已激活，不能重复使用")
      }
      throw error
    }
  }
)

/**
 * A member binds a kit's barcode to the person tested and signs the consents. The
 * status update is conditional, so of two simultaneous activations one wins and the
 * other's person and consents are rolled back.
 */
export const activateKitWorkflow = createWorkflow("activate-kit", (input: ActivateKitInput) => {
  const kit = findActivatableKitStep(input)
  const personId = resolveTestedPersonStep(input)
  recordConsentsStep(
    transform({ input, kit }, ({ input, kit }) => ({
      customer_id: input.customer_id,
      kit_id: kit.id,
      consents: input.consents,
    }))
  )
  const activated = markKitActivatedStep(
    transform({ input, kit, personId }, ({ input, kit, personId }) => ({
      kit_id: kit.id,
      customer_id: input.customer_id,
      person_id: personId,
    }))
  )
  emitEventStep({
    eventName: DomainEvent.KIT_STATUS_CHANGED,
    options: DOMAIN_EVENT_OPTIONS,
    data: transform(
      { activated },
      ({ activated }): KitStatusChangedEvent => ({
        kit_id: activated.kit.id,
        event_id: activated.event_id,
      })
    ),
  })
  return new WorkflowResponse(transform({ activated }, ({ activated }) => activated.kit))
})
