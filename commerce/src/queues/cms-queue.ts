import { Modules } from "@medusajs/framework/utils"
import {
  CmsJob,
  QUEUE_MODULE,
  QueueName,
  type JobQueue,
  type MarketingPushBatchJob,
  type MarketingPushPlanJob,
  type PushArticleJob,
  type PushBatchJob,
  type PushedArticle,
} from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { ARTICLE_PUSH_MODULE } from "../modules/article-push"
import type ArticlePushModuleService from "../modules/article-push/service"
import { CMS_UNAVAILABLE_CODE } from "../lib/cms/cms-reader"
import { ESCORT_HOSPITALS_UNAVAILABLE_MESSAGE } from "../lib/cms/escort-hospital-source"
import { pushArticleBatchWorkflow } from "../workflows/article-push/push-article-batch"
import { planMarketingPush } from "../workflows/marketing-push/plan-marketing-push"
import { sendMarketingPushBatchWorkflow } from "../workflows/marketing-push/send-marketing-push-batch"
import { syncEscortHospitalsWorkflow } from "../workflows/escort/sync-escort-hospitals"
import { syncConsultationDoctorsWorkflow } from "../workflows/consultation/sync-consultation-doctors"
import { syncTrainingCoursesWorkflow } from "../workflows/escort-training/sync-training-courses"
import { QUESTIONNAIRES_UNAVAILABLE_MESSAGE } from "../lib/cms/questionnaire-source"
import { syncConstitutionQuestionnairesWorkflow } from "../workflows/constitution/sync-constitution-questionnaires"

/** How often the 陪诊 hospitals are re-read even without a CMS event (ESCORT_HOSPITAL_SYNC_MS). */
const HOSPITAL_SYNC_EVERY_MS = () => Number(process.env.ESCORT_HOSPITAL_SYNC_MS || 10 * 60_000)

/** How often the 体质问卷 versions are re-read without a CMS event (QUESTIONNAIRE_SYNC_MS). */
const QUESTIONNAIRE_SYNC_EVERY_MS = () => Number(process.env.QUESTIONNAIRE_SYNC_MS || 10 * 60_000)

/** Members per batch job (ARTICLE_PUSH_BATCH_SIZE, default 500). */
const batchSize = () => Math.max(1, Number(process.env.ARTICLE_PUSH_BATCH_SIZE) || 500)

const text = (value: unknown) => (typeof value === "string" && value ? value : null)

function pushedArticle(documentId: string, entry: Record<string, unknown>): PushedArticle {
  const tags = Array.isArray(entry.tags) ? (entry.tags as { slug?: unknown }[]) : []
  return {
    document_id: documentId,
    title: text(entry.title) ?? "健康资讯",
    slug: text(entry.slug),
    summary: text(entry.summary),
    tags: tags.map((tag) => text(tag?.slug)).filter(Boolean) as string[],
  }
}

/**
 * Pushes a published article: the plan job checks the article's flags and splits all
 * members into batch jobs (ids in order, so a re-run makes the same batches, which
 * BullMQ keeps once by job id); a batch job matches tags and delivers (idempotent per
 * member and channel, see the push-article-batch workflow).
 */
export const cmsQueue: QueueProcessor = {
  queue: QueueName.CMS,
  concurrency: 2,
  handlers: {
    [CmsJob.PUSH_ARTICLE]: async ({ document_id, entry }: PushArticleJob, { container }) => {
      if (entry.push_on_publish !== true) return { skipped: "push_on_publish is off" }
      if (entry.publish_to_microsite !== true) return { skipped: "not for the micro-site" }
      const article = pushedArticle(document_id, entry)
      if (!article.tags.length) return { skipped: "the article has no tags" }
      await container.resolve<ArticlePushModuleService>(ARTICLE_PUSH_MODULE).startPush(article)
      const customers = container.resolve(Modules.CUSTOMER)
      const queue = container.resolve<JobQueue>(QUEUE_MODULE)
      const size = batchSize()
      let cursor: string | null = null
      let batches = 0
      for (;;) {
        const page = await customers.listCustomers(
          { has_account: true, ...(cursor ? { id: { $gt: cursor } } : {}) } as never,
          { select: ["id"], take: size, order: { id: "ASC" } }
        )
        if (!page.length) break
        const ids = page.map((customer) => customer.id)
        cursor = ids[ids.length - 1]
        await queue.enqueue(
          QueueName.CMS,
          CmsJob.PUSH_BATCH,
          { article, customer_ids: ids } satisfies PushBatchJob,
          { jobId: `push-${document_id}-${ids[0]}-${cursor}` }
        )
        batches++
        if (page.length < size) break
      }
      return { batches }
    },
    [CmsJob.PUSH_BATCH]: async (job: PushBatchJob, { container }) =>
      (await pushArticleBatchWorkflow(container).run({ input: job })).result,
    // 推送中心: a marketer's push at its time, then its batches (see plan-marketing-push).
    [CmsJob.MARKETING_PUSH_PLAN]: async ({ push_id }: MarketingPushPlanJob, { container }) =>
      planMarketingPush(container, push_id, batchSize()),
    [CmsJob.MARKETING_PUSH_BATCH]: async (job: MarketingPushBatchJob, { container }) =>
      (await sendMarketingPushBatchWorkflow(container).run({ input: job })).result,
    [CmsJob.SYNC_ESCORT_HOSPITALS]: async (_data: Record<string, never>, { container }) => {
      try {
        return (await syncEscortHospitalsWorkflow(container).run({ input: {} })).result
      } catch (error) {
        // The CMS is down: the last copy stays, and the next run (or CMS event) catches up.
        const { code, message } = error as { code?: string; message?: string }
        if (code !== CMS_UNAVAILABLE_CODE && message !== ESCORT_HOSPITALS_UNAVAILABLE_MESSAGE)
          throw error
        return { skipped: "the CMS did not answer; the last synced hospitals stay" }
      }
    },
    // A failure (the CMS down) is retried by BullMQ; doctors keep their last profile meanwhile.
    [CmsJob.SYNC_CONSULTATION_DOCTORS]: async (_data: Record<string, never>, { container }) =>
      (await syncConsultationDoctorsWorkflow(container).run({ input: {} })).result,
    // Likewise: a CMS that is down fails the job, BullMQ retries it, the last copy stays.
    [CmsJob.SYNC_TRAINING_COURSES]: async (_data: Record<string, never>, { container }) =>
      (await syncTrainingCoursesWorkflow(container).run({ input: {} })).result,
    [CmsJob.SYNC_QUESTIONNAIRES]: async (_data: Record<string, never>, { container }) => {
      try {
        return (await syncConstitutionQuestionnairesWorkflow(container).run({ input: {} })).result
      } catch (error) {
        // The CMS is down: assessments go on with the current version until the next run.
        const { code, message } = error as { code?: string; message?: string }
        if (code !== CMS_UNAVAILABLE_CODE && message !== QUESTIONNAIRES_UNAVAILABLE_MESSAGE)
          throw error
        return { skipped: "the CMS did not answer; the stored versions stay" }
      }
    },
  },
  // A missed CMS event (commerce was down) is caught up within this period, and a fresh
  // installation gets its first copy at start.
  schedules: [
    {
      id: "escort-hospitals-sync",
      job: CmsJob.SYNC_ESCORT_HOSPITALS,
      everyMs: HOSPITAL_SYNC_EVERY_MS(),
    },
    {
      id: "constitution-questionnaires-sync",
      job: CmsJob.SYNC_QUESTIONNAIRES,
      everyMs: QUESTIONNAIRE_SYNC_EVERY_MS(),
    },
  ],
}
