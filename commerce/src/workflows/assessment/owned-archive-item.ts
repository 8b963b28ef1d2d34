import type { MedusaContainer } from "@medusajs/framework/types"
import { CONSTITUTION_MODULE } from "../../modules/constitution"
import type ConstitutionModuleService from "../../modules/constitution/service"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_MESSAGING_MODULE } from "../../modules/escort-messaging"
import type EscortMessagingModuleService from "../../modules/escort-messaging/service"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import type { ItemType } from "../../modules/assessment/rules/report-content"

/**
 * Whether the archive item exists and is the member's: a lab report, an upload, a
 * constitution result, or an escort service report (named by its booking).
 */
export async function isOwnedArchiveItem(
  container: MedusaContainer,
  customerId: string,
  item: { item_type: ItemType; item_id: string }
): Promise<boolean> {
  const archive = () => container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  switch (item.item_type) {
    case "report":
      return !!(await archive().listLabReports({ id: item.item_id, customer_id: customerId }))
        .length
    case "upload":
      return !!(await archive().listMemberUploads({ id: item.item_id, customer_id: customerId }))
        .length
    case "constitution": {
      const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
      const result = await constitution.constitutionAssessment(item.item_id)
      return result?.customer_id === customerId
    }
    case "escort_report": {
      const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
      const booking = await escorts.ownedBooking(item.item_id, customerId).catch(() => null)
      if (!booking) return false
      const messaging = container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
      return !!(await messaging.reportOf(booking.id))
    }
  }
}
