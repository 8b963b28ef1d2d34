/** The container key of commerce's queue module (see modules/queue). */
export const QUEUE_MODULE = "queue"

/** Every named queue of the platform; a job's queue says which worker pool runs it. */
export const QueueName = {
  /** In-app inbox (消息中心) deliveries. */
  INBOX: "inbox",
  /** Cache revalidation of the storefronts after catalog changes. */
  STOREFRONT: "storefront",
  /** Payment housekeeping: missed WeChat Pay callbacks and expired unpaid sessions. */
  PAYMENTS: "payments",
  /** Lab report ingestion: one job per uploaded file. */
  HEALTH_ARCHIVE: "health-archive",
  /** Appointment reminders (delayed to the day before) and appointment notices. */
  APPOINTMENTS: "appointments",
  /** CMS webhooks: pushing a published article to the members it concerns. */
  CMS: "cms",
  /** Search indexing (products, and CMS entries from the CMS webhook). */
  SEARCH: "search",
} as const

export type QueueName = (typeof QueueName)[keyof typeof QueueName]
