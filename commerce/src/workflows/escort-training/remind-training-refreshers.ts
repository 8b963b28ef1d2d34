import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { NotificationChannel } from "../../notifications/channels"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { beijingDate, daysBetween } from "../../modules/escort-admission/rules/beijing-date"
import { ESCORT_TRAINING_MODULE } from "../../modules/escort-training"
import type EscortTrainingModuleService from "../../modules/escort-training/service"

/** How far ahead an escort is told their required certificate lapses (复训提醒). */
const REMIND_DAYS_AHEAD = 30

/**
 * The daily refresher reminder (run with the escort-admission credential check): texts an
 * escort once when the newest certificate of a required course lapses within 30 days (or
 * has lapsed), with the same 证件到期 text as the admission documents. Until they pass the
 * refresher the training gate keeps them from new tasks.
 */
export async function remindTrainingRefreshers(container: MedusaContainer, now = new Date()) {
  const training = container.resolve<EscortTrainingModuleService>(ESCORT_TRAINING_MODULE)
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const until = new Date(now.getTime() + REMIND_DAYS_AHEAD * 86_400_000)
  let reminded = 0
  for (const certificate of await training.certificatesDueForRefresher(until)) {
    if (!(await training.markRefresherReminded(certificate.id))) continue
    const [escort] = await escorts.listEscorts({ id: certificate.escort_id }, { take: 1 })
    if (!escort) continue
    const lastDay = beijingDate(new Date(new Date(certificate.expires_at).getTime() - 1))
    await container
      .resolve<INotificationModuleService>(Modules.NOTIFICATION)
      .createNotifications({
        to: escort.phone,
        channel: NotificationChannel.SMS,
        template: "escort-credential",
        data: {
          template: "escort-credential",
          params: {
            document: `《${certificate.course_title}》培训合格证`,
            expires_on: lastDay,
            days: String(Math.max(0, daysBetween(beijingDate(now), lastDay))),
          },
        },
        idempotency_key: `training-refresher:${certificate.id}`,
      })
      .then(() => reminded++)
      .catch((error: Error) =>
        logger.warn(
          `[escort-training] refresher reminder ${certificate.id} not texted: ${error.message}`
        )
      )
  }
  return { reminded }
}
