import type { JobsOptions } from "bullmq"

/**
 * The contract of commerce's BullMQ jobs: every queue, job name and payload, and the queue
 * service as its callers see it. BullMQ does what Medusa's events and Notification Module
 * do not: delayed reminders, the report ingest fan-out, sweeps, cms/search/storefront jobs.
 * Workflows, subscribers and routes enqueue through this file; the handlers (src/queues)
 * implement it; the queue module runs them. It imports nothing of ours, so none of them
 * imports another through it.
 */

/** The container key of commerce's queue module (see modules/queue). */
export const QUEUE_MODULE = "queue"

/** Every named queue of the platform; a job's queue says which worker pool runs it. */
export const QueueName = {
  /** Cache revalidation of the storefronts after catalog changes. */
  STOREFRONT: "storefront",
  /** Payment housekeeping: missed WeChat Pay callbacks and expired unpaid sessions. */
  PAYMENTS: "payments",
  /** Lab report ingestion: one job per uploaded file. */
  HEALTH_ARCHIVE: "health-archive",
  /** Appointment reminders (delayed to the day before) and bookings chosen at checkout. */
  APPOINTMENTS: "appointments",
  /** CMS webhooks: pushing a published article to the members it concerns. */
  CMS: "cms",
  /** Search indexing (products, and CMS entries from the CMS webhook). */
  SEARCH: "search",
  /** 陪诊 auto-dispatch: offers, their deadlines, anomaly alerts. */
  ESCORT_DISPATCH: "escort-dispatch",
  /** 财务统计's daily rollup: finished days folded in, dirty days recomputed. */
  FINANCE: "finance",
  /** 陪诊 income: pending earnings released after the confirmation window. */
  ESCORT_INCOME: "escort-income",
  /** 医生收入: missed earnings recorded, pending ones released after the hold. */
  DOCTOR_INCOME: "doctor-income",
  /** 陪诊 two-way reviews: sealed pairs opened when both are written or 48 h have passed. */
  ESCORT_REVIEW: "escort-review",
  /** 陪诊员入驻: the daily certificate check (expiry reminders, suspension on lapse). */
  ESCORT_ADMISSION: "escort-admission",
  /** 问诊: refunds of consultations no doctor answered in time, unpaid ones cancelled. */
  CONSULTATION: "consultation",
  /** Data retention: the daily sweep deleting or anonymising expired personal records. */
  PRIVACY: "privacy",
} as const

export type QueueName = (typeof QueueName)[keyof typeof QueueName]

// ---- storefront ------------------------------------------------------------------------

export const StorefrontJob = {
  REVALIDATE: "revalidate",
} as const

/** `cause`: the event that asked for it, shown in the queue dashboard and checked by tests. */
export type RevalidateJob = { tags: string[]; cause?: string }

// ---- payments --------------------------------------------------------------------------

export const PaymentsJob = {
  RECONCILE_WECHAT: "reconcile-wechat-sessions",
  RECONCILE_TRANSFER: "reconcile-wechat-transfer",
  /** Ask WeChat about a refund that was still PROCESSING. */
  FOLLOW_WECHAT_REFUND: "follow-wechat-refund",
  /** Cancel offline orders whose payment finance has not confirmed in time. */
  EXPIRE_OFFLINE_ORDERS: "expire-unpaid-offline-orders",
  /** Complete orders whose reports were viewed, or out for ORDER_AUTO_COMPLETE_DAYS. */
  COMPLETE_FINISHED_ORDERS: "complete-finished-orders",
  /** Reconcile yesterday's (Beijing) WeChat Pay bill, once it is out and not yet done. */
  RECONCILE_WECHAT_BILL: "reconcile-wechat-bill",
  /** Cancel 陪诊 bookings left unpaid past ESCORT_PAYMENT_MINUTES. */
  EXPIRE_ESCORT_BOOKINGS: "expire-unpaid-escort-bookings",
} as const

export type ReconcileTransferJob = { out_bill_no: string; checks: number }
export type FollowWechatRefundJob = { out_refund_no: string; checks: number }

/** How long to wait for WeChat's transfer callback before asking (WECHAT_TRANSFER_CHECK_MS). */
export const RECONCILE_TRANSFER_DELAY_MS = () =>
  Number(process.env.WECHAT_TRANSFER_CHECK_MS || 30 * 60 * 1000)

// ---- health archive --------------------------------------------------------------------

export const HealthArchiveJob = {
  INGEST_REPORT_FILE: "ingest-report-file",
} as const

/** A chunk of a bulk upload's files, recorded together (one file: jobs queued before chunks). */
export type IngestReportFileJob = { batch_file_ids: string[] } | { batch_file_id: string }

// ---- appointments ----------------------------------------------------------------------

export const AppointmentJob = {
  REMIND: "remind",
  ORDER_COLLECTION: "order-collection",
} as const

/** The day and slot the reminder was scheduled for: a moved appointment gets a new one. */
export type AppointmentReminderJob = { appointment_id: string; date: string; slot: string }
/** Books the collection slot an order chose at checkout. */
export type OrderCollectionJob = { order_id: string }

/** BullMQ job ids may not contain ":"; one reminder per appointment, day and slot. */
export const reminderJobId = ({ appointment_id, date, slot }: AppointmentReminderJob) =>
  `appt-remind-${appointment_id}-${date}-${slot.replace(/:/g, "")}`

// ---- cms -------------------------------------------------------------------------------

export const CmsJob = {
  PUSH_ARTICLE: "push-article",
  PUSH_BATCH: "push-batch",
  /** Replace the synced 陪诊 hospitals with the CMS's (on hospital/department events, and periodically). */
  SYNC_ESCORT_HOSPITALS: "sync-escort-hospitals",
  /** Write the CMS experts' public profiles into the 问诊 doctors (on expert events). */
  SYNC_CONSULTATION_DOCTORS: "sync-consultation-doctors",
  /** Keep the CMS's newly published 体质问卷 versions (on questionnaire-version events, and periodically). */
  SYNC_QUESTIONNAIRES: "sync-constitution-questionnaires",
  /** Replace the synced 陪诊员 training courses and question bank (on course/question events). */
  SYNC_TRAINING_COURSES: "sync-training-courses",
  /** Start a marketing push of 推送中心 at its time (delayed): split its audience into batches. */
  MARKETING_PUSH_PLAN: "marketing-push-plan",
  MARKETING_PUSH_BATCH: "marketing-push-batch",
} as const

/** What a push needs of a CMS article (taken from the signed hook's entry). */
export type PushedArticle = {
  document_id: string
  title: string
  slug: string | null
  summary: string | null
  tags: string[]
}

export type PushArticleJob = { document_id: string; entry: Record<string, unknown> }
export type PushBatchJob = { article: PushedArticle; customer_ids: string[] }

export type MarketingPushPlanJob = { push_id: string }
/** A batch of candidates of a push, with what delivery needs of the push itself. */
export type MarketingPushBatchJob = {
  push: {
    id: string
    title: string
    body: string
    link: string | null
    channels: string[]
    audience: Record<string, unknown>
  }
  customer_ids: string[]
}
/** One plan job per push: a second schedule of the same push is the same job. */
export const marketingPushPlanJobId = (pushId: string) => `mpush-plan-${pushId}`

// ---- search ----------------------------------------------------------------------------

export const SearchJob = {
  /** Enqueued by the CMS webhook for every publish, unpublish, update and delete. */
  CMS_ENTRY: "cms-entry",
  /** Products changed (product events): reindex these ids. */
  PRODUCTS: "products",
  REINDEX: "reindex",
} as const

export type CmsEntryJob = {
  model: string
  document_id: string
  event: "entry.publish" | "entry.unpublish" | "entry.update" | "entry.delete" | string
}

export type ProductsJob = { ids: string[] }

// ---- escort dispatch -------------------------------------------------------------------

export const EscortDispatchJob = {
  /** Expire overdue offers, offer waiting tasks, raise anomaly alerts. */
  SWEEP: "sweep",
} as const

// ---- finance ---------------------------------------------------------------------------

export const FinanceJob = {
  /** Roll up every finished day not yet rolled up, and recompute the days marked dirty. */
  REFRESH_ROLLUP: "refresh-finance-rollup",
} as const

// ---- escort income ---------------------------------------------------------------------

export const EscortIncomeJob = {
  /** Record missed earnings, release pending ones past their release time. */
  RELEASE_DUE: "release-due-earnings",
} as const

// ---- doctor income ---------------------------------------------------------------------

export const DoctorIncomeJob = {
  /** Record missed doctor earnings (ended group sessions too), release those past the hold. */
  RELEASE_DUE: "release-due-doctor-earnings",
} as const

// ---- escort admission ------------------------------------------------------------------

export const EscortAdmissionJob = {
  /** Remind escorts of certificates about to expire; suspend those whose required one lapsed. */
  CHECK_CREDENTIALS: "check-escort-credentials",
} as const

// ---- consultation ----------------------------------------------------------------------

export const ConsultationJob = {
  SWEEP: "sweep",
  /** The member's and the doctor's reminder before a booked phone/video slot (delayed). */
  REMIND: "remind",
  /** The member's reminder on the morning of a follow-up the doctor scheduled (delayed). */
  FOLLOW_UP_REMIND: "follow-up-remind",
} as const

export type FollowUpReminderJob = { follow_up_id: string }

/** The slot the reminder was scheduled for (a job for a slot no longer held sends nothing). */
export type ConsultationReminderJob = { consultation_id: string; slot_start: string }

/** BullMQ job ids may not contain ":"; one reminder per consultation and slot. */
export const consultationReminderJobId = ({
  consultation_id,
  slot_start,
}: ConsultationReminderJob) => `cons-remind-${consultation_id}-${new Date(slot_start).getTime()}`

// ---- escort reviews --------------------------------------------------------------------

export const EscortReviewJob = {
  /** Open every review window that is due (both written, or 48 h after 服务完成). */
  OPEN_DUE: "open-due-reviews",
} as const

// ---- privacy ---------------------------------------------------------------------------

export const PrivacyJob = {
  /** Delete or anonymise every record past its retention period (src/lib/privacy/retention-policy.ts). */
  RETENTION_SWEEP: "retention-sweep",
} as const

// ---- the queue service -----------------------------------------------------------------

/** Every job name of each queue with its payload: enqueue checks both. */
export type JobPayloads = {
  [QueueName.STOREFRONT]: { [StorefrontJob.REVALIDATE]: RevalidateJob }
  [QueueName.PAYMENTS]: {
    [PaymentsJob.RECONCILE_WECHAT]: Record<string, never>
    [PaymentsJob.RECONCILE_TRANSFER]: ReconcileTransferJob
    [PaymentsJob.FOLLOW_WECHAT_REFUND]: FollowWechatRefundJob
    [PaymentsJob.EXPIRE_OFFLINE_ORDERS]: Record<string, never>
    [PaymentsJob.COMPLETE_FINISHED_ORDERS]: Record<string, never>
    [PaymentsJob.RECONCILE_WECHAT_BILL]: Record<string, never>
  }
  [QueueName.HEALTH_ARCHIVE]: { [HealthArchiveJob.INGEST_REPORT_FILE]: IngestReportFileJob }
  [QueueName.APPOINTMENTS]: {
    [AppointmentJob.REMIND]: AppointmentReminderJob
    [AppointmentJob.ORDER_COLLECTION]: OrderCollectionJob
  }
  [QueueName.CMS]: {
    [CmsJob.PUSH_ARTICLE]: PushArticleJob
    [CmsJob.PUSH_BATCH]: PushBatchJob
    [CmsJob.SYNC_ESCORT_HOSPITALS]: Record<string, never>
    [CmsJob.SYNC_CONSULTATION_DOCTORS]: Record<string, never>
    [CmsJob.SYNC_QUESTIONNAIRES]: Record<string, never>
    [CmsJob.SYNC_TRAINING_COURSES]: Record<string, never>
    [CmsJob.MARKETING_PUSH_PLAN]: MarketingPushPlanJob
    [CmsJob.MARKETING_PUSH_BATCH]: MarketingPushBatchJob
  }
  [QueueName.SEARCH]: {
    [SearchJob.CMS_ENTRY]: CmsEntryJob
    [SearchJob.PRODUCTS]: ProductsJob
    [SearchJob.REINDEX]: Record<string, never>
  }
  [QueueName.ESCORT_DISPATCH]: { [EscortDispatchJob.SWEEP]: Record<string, never> }
  [QueueName.FINANCE]: { [FinanceJob.REFRESH_ROLLUP]: Record<string, never> }
  [QueueName.ESCORT_INCOME]: { [EscortIncomeJob.RELEASE_DUE]: Record<string, never> }
  [QueueName.DOCTOR_INCOME]: { [DoctorIncomeJob.RELEASE_DUE]: Record<string, never> }
  [QueueName.ESCORT_REVIEW]: { [EscortReviewJob.OPEN_DUE]: Record<string, never> }
  [QueueName.CONSULTATION]: {
    [ConsultationJob.SWEEP]: Record<string, never>
    [ConsultationJob.REMIND]: ConsultationReminderJob
    [ConsultationJob.FOLLOW_UP_REMIND]: FollowUpReminderJob
  }
  [QueueName.ESCORT_ADMISSION]: { [EscortAdmissionJob.CHECK_CREDENTIALS]: Record<string, never> }
  [QueueName.PRIVACY]: { [PrivacyJob.RETENTION_SWEEP]: Record<string, never> }
}

export type JobName<Q extends QueueName> = keyof JobPayloads[Q] & string

export type JobCounts = Record<string, number>

export type FailedJobSummary = {
  id: string | undefined
  name: string
  data: unknown
  failedReason: string
  attemptsMade: number
  finishedOn: number | undefined
}

/** The queue module (container key QUEUE_MODULE) as workflows, subscribers and routes use it. */
export interface JobQueue {
  enqueue<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    jobName: J,
    data: JobPayloads[Q][J],
    opts?: JobsOptions
  ): Promise<unknown>
  /** Drops a job that has not run yet (a delayed reminder that is no longer wanted). */
  removeJob(queue: QueueName, jobId: string): Promise<boolean>
  /** Any queue on the app's Redis and prefix: ours, and those plugins run there. */
  counts(queue: string): Promise<JobCounts>
  failedJobs(queue: string): Promise<FailedJobSummary[]>
  retryFailed(queue: string, jobId: string): Promise<void>
}
