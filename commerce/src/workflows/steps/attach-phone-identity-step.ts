import type { ProviderIdentityDTO } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type AttachPhoneIdentityStepInput = {
  auth_identity_id: string
  customer_id: string
  /** +86 form, as the phone auth provider stores it. */
  phone: string
}

type Undo = {
  created?: string
  moved?: { id: string; from: string }
  orphan?: Pick<ProviderIdentityDTO, "entity_id" | "auth_identity_id" | "user_metadata">
}

export const PHONE_TAKEN_MESSAGE = "该手机号已绑定其他账号，请更换手机号，或使用该手机号登录原账号"

/**
 * Makes `phone` a sign-in of the member's own auth identity, so a later sign-in by
 * phone code opens this account instead of registering a new one. A number that
 * signs in to another member is refused (CONFLICT); a number left behind by a
 * sign-in that never became a member is taken over. A member who already had a
 * number moves it, so one member keeps one number.
 */
export const attachPhoneIdentityStep = createStep(
  "attach-phone-identity",
  async (input: AttachPhoneIdentityStepInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const undo: Undo = {}
    const [holder] = await auth.listProviderIdentities({
      provider: "phone",
      entity_id: input.phone,
    })
    if (holder) {
      const holderIdentity = await auth.retrieveAuthIdentity(holder.auth_identity_id as string)
      const owner = holderIdentity.app_metadata?.customer_id
      if (holderIdentity.id === input.auth_identity_id || owner === input.customer_id) {
        return new StepResponse(undefined, undo)
      }
      if (owner) throw new MedusaError(MedusaError.Types.CONFLICT, PHONE_TAKEN_MESSAGE)
      await auth.deleteProviderIdentities([holder.id])
      undo.orphan = {
        entity_id: holder.entity_id,
        auth_identity_id: holder.auth_identity_id,
        user_metadata: holder.user_metadata,
      }
    }

    const [own] = await auth.listProviderIdentities({
      provider: "phone",
      auth_identity_id: input.auth_identity_id,
    })
    if (own) {
      await auth.updateProviderIdentities({ id: own.id, entity_id: input.phone })
      undo.moved = { id: own.id, from: own.entity_id }
    } else {
      const created = await auth.createProviderIdentities({
        provider: "phone",
        entity_id: input.phone,
        auth_identity_id: input.auth_identity_id,
        user_metadata: { phone: input.phone },
      })
      undo.created = created.id
    }
    return new StepResponse(undefined, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const auth = container.resolve(Modules.AUTH)
    if (undo.created) await auth.deleteProviderIdentities([undo.created])
    if (undo.moved)
      await auth.updateProviderIdentities({ id: undo.moved.id, entity_id: undo.moved.from })
    if (undo.orphan) await auth.createProviderIdentities({ provider: "phone", ...undo.orphan })
  }
)
