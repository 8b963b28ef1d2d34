import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { NotificationChannel } from "../../notifications/channels"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_ADMISSION_MODULE } from "../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../modules/escort-admission/service"
import { unmetRequirements } from "../../modules/escort-admission/rules/admission-requirements"
import { beijingDate, daysBetween } from "../../modules/escort-admission/rules/beijing-date"
import { expiryReminderDue } from "../../modules/escort-admission/rules/credential-expiry"
import { ADMISSION_DOCUMENT_LABELS } from "../../modules/escort-admission/rules/document-kinds"
import { suspendLapsedEscortWorkflow } from "./suspend-lapsed-escort"

/**
 * The daily credential check (escort-admission queue): texts escorts 30 and 7 days before a
 * certificate's last valid day, once each, and suspends every approved escort who no longer
 * meets the admission requirements (a lapsed 健康证). `now` is a parameter so tests and
 * operations can run it for a chosen day.
 */
export async function checkEscortCredentials(container: MedusaContainer, now = new Date()) {
  const admission = container.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const today = beijingDate(now)
  const in30Days = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000)
    .toISOString()
    .slice(0, 10)

  let reminded = 0
  for (const doc of await admission.documentsExpiringBy(in30Days)) {
    const due = expiryReminderDue(doc, today)
    if (!due || !(await admission.markReminded(doc.id, due))) continue
    const sent = await textEscort(container, doc.escort_id, `credential:${doc.id}:${due}`, {
      document: doc.title || ADMISSION_DOCUMENT_LABELS[doc.kind],
      expires_on: doc.expires_on!,
      days: String(daysBetween(today, doc.expires_on!)),
    }).catch((error: Error) => {
      logger.warn(`[escort-admission] reminder for ${doc.id} not texted: ${error.message}`)
      return false
    })
    if (sent) reminded++
  }

  let suspended = 0
  for (const application of await admission.approvedApplications()) {
    const unmet = unmetRequirements(await admission.admissionState(application.id), today)
    if (!unmet.length) continue
    const reason = `${unmet.map((requirement) => requirement.label).join("、")}未满足，已暂停接单`
    const { result } = await suspendLapsedEscortWorkflow(container).run({
      input: { application_id: application.id, escort_id: application.escort_id, reason },
    })
    if (!result) continue
    suspended++
    await textEscort(container, application.escort_id, `suspended:${application.id}:${today}`, {
      document: unmet.map((requirement) => requirement.label).join("、"),
      expires_on: today,
      days: "0",
    }).catch((error: Error) =>
      logger.warn(`[escort-admission] suspension of ${application.id} not texted: ${error.message}`)
    )
  }
  return { reminded, suspended }
}

async function textEscort(
  container: MedusaContainer,
  escortId: string,
  key: string,
  params: Record<string, string>
) {
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const [escort] = await escorts.listEscorts({ id: escortId }, { take: 1 })
  if (!escort) return false
  await container.resolve<INotificationModuleService>(Modules.NOTIFICATION).createNotifications({
    to: escort.phone,
    channel: NotificationChannel.SMS,
    template: "escort-credential",
    data: { template: "escort-credential", params },
    idempotency_key: key,
  })
  return true
}
