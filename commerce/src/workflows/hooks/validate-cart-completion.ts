import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import {
  returnCartStoreCredit,
  spendCartStoreCredit,
  type StoreCreditSpend,
} from "@health/medusa-plugin-affiliate/workflows"
import { readCollectionAppointment } from "../../lib/appointments/collection-appointment"
import { cmsReader } from "../../lib/cms/cms-reader"
import { offlinePaymentRefusal, paysOffline } from "../../lib/payments/offline-payment-rule"

type CartForCollectionCheck = {
  metadata?: Record<string, unknown> | null
  customer?: { id?: string | null; has_account?: boolean | null } | null
}

/**
 * A collection slot chosen at checkout must be a site, a day and a slot, on a member's
 * cart (it is booked for the member once the order is placed). Whether the slot is still
 * free or still ahead is not checked here: a WeChat Pay callback completes the cart after
 * the money is taken, so the order goes through and the member is asked to pick again.
 */
function collectionAppointmentRefusal(cart: CartForCollectionCheck): string | null {
  const reading = readCollectionAppointment(cart.metadata)
  if (!reading) return null
  if ("problem" in reading) return reading.problem
  const member = cart.customer?.has_account ?? false
  if (!member) return "现场采集需登录会员后预约时段，请先登录，或选择寄送采样盒"
  return null
}

/**
 * The city of the collection site chosen for 现场采集, for the offline-payment rule; null
 * without a choice, or when the CMS does not know the site (or cannot be read).
 */
async function chosenSiteCity(cart: CartForCollectionCheck): Promise<string | null> {
  const reading = readCollectionAppointment(cart.metadata)
  if (!reading || "problem" in reading) return null
  const site = await cmsReader.collectionSite(reading.choice.site_id).catch(() => null)
  return site?.city ?? null
}

// Medusa allows one handler per hook, so every rule checked at completion lives here.
// Checked when the cart is completed, so no client can skip them by calling the API directly.
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const siteCity = paysOffline(cart as never) ? await chosenSiteCity(cart as never) : null
    const refusal =
      offlinePaymentRefusal(cart as never, siteCity) ?? collectionAppointmentRefusal(cart as never)
    if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
    // Last: it spends the member's balance, which the compensation gives back.
    const spend = await spendCartStoreCredit(container, cart as never)
    return new StepResponse(spend, spend)
  },
  async (spend: StoreCreditSpend | undefined, { container }) => {
    await returnCartStoreCredit(container, spend ?? null)
  }
)
