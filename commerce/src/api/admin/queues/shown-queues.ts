import { MedusaError } from "@medusajs/framework/utils"
import { MATURATION_QUEUE } from "@health/medusa-plugin-affiliate"
import { QueueName } from "../../../lib/queue/jobs"

/** Ours, and those plugins run on our Redis and prefix: the affiliate commission maturation. */
export const SHOWN_QUEUES: string[] = [...Object.values(QueueName), MATURATION_QUEUE]

/** The queue a route names, or 404: only known queues, never a key someone makes up. */
export function shownQueue(name: string): string {
  if (!SHOWN_QUEUES.includes(name)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `队列 ${name} 不存在`)
  }
  return name
}
