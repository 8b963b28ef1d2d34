import type { MedusaContainer } from "@medusajs/framework/types"
import { ESCORT_MODULE } from "../../modules/escort"
import { escortPaymentMinutes } from "../../modules/escort/rules/escort-cancellation"
import type EscortModuleService from "../../modules/escort/service"

/**
 * The sweep (payments queue, every minute): bookings unpaid for ESCORT_PAYMENT_MINUTES (30)
 * become 已取消. A payment that still arrives later is refunded by mark-escort-booking-paid.
 */
export async function expireUnpaidEscortBookings(
  container: MedusaContainer,
  now = new Date()
): Promise<{ expired: string[] }> {
  const before = new Date(now.getTime() - escortPaymentMinutes() * 60_000)
  const expired = await container.resolve<EscortModuleService>(ESCORT_MODULE).expireUnpaid(before)
  return { expired }
}
