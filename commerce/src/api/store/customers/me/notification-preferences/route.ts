import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import {
  NOTIFICATION_PREFERENCES_KEY,
  notificationPreferencesOf,
} from "../../../../../lib/push/notification-preferences"
import type { NotificationPreferencesBodyType } from "./validators"

/** `{ notification_preferences: { inbox: true, sms, wechat } }` of the signed-in member. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customers = req.scope.resolve(Modules.CUSTOMER)
  const customer = await customers.retrieveCustomer(req.auth_context.actor_id)
  res.json({ notification_preferences: notificationPreferencesOf(customer.metadata) })
}

/** Switches SMS and/or WeChat pushes on or off; other metadata stays as it is. */
export async function POST(
  req: AuthenticatedMedusaRequest<NotificationPreferencesBodyType>,
  res: MedusaResponse
) {
  const customers = req.scope.resolve(Modules.CUSTOMER)
  const customer = await customers.retrieveCustomer(req.auth_context.actor_id)
  const current = notificationPreferencesOf(customer.metadata)
  const next = {
    sms: req.validatedBody.sms ?? current.sms,
    wechat: req.validatedBody.wechat ?? current.wechat,
  }
  await customers.updateCustomers(customer.id, {
    metadata: { ...(customer.metadata ?? {}), [NOTIFICATION_PREFERENCES_KEY]: next },
  })
  res.json({ notification_preferences: { inbox: true, ...next } })
}
