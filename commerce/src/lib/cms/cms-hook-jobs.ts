import { forgetConsentPageVersions } from "./consent-page-versions"
import { CmsJob, QueueName, SearchJob, StorefrontJob, type JobQueue } from "../queue/jobs"

export const CMS_EVENTS = [
  "entry.publish",
  "entry.unpublish",
  "entry.update",
  "entry.delete",
] as const
export type CmsEvent = (typeof CMS_EVENTS)[number]

/** The body the CMS signs and POSTs to /hooks/cms. */
export type CmsHookPayload = {
  event: CmsEvent
  /** Strapi singular name: article, collection-site, clinic-session, ... */
  model: string
  /** Strapi documentId. */
  document_id: string
  /** The entry as the CMS has it now (published version for publishes); null after delete. */
  entry: Record<string, unknown> | null
}

/** The storefront's own cache tags per CMS model (see storefront/core/src/cms/client.ts). */
const STOREFRONT_TAGS: Record<string, string> = {
  article: "articles",
  "article-category": "articles",
  tag: "articles",
  expert: "articles",
  "collection-site": "sites",
  "clinic-session": "clinic-sessions",
  banner: "banners",
  page: "pages",
  hospital: "escort-hospitals",
  department: "escort-hospitals",
  "constitution-type": "constitution",
  "questionnaire-item": "constitution",
  "questionnaire-version": "constitution",
}

/** Tags to expire on the storefront: cms:<model>, cms:<model>:<slug>, and the web's own. */
export function revalidationTags({ model, entry }: CmsHookPayload): string[] {
  const slug =
    typeof entry?.slug === "string" && /^[\w.-]{1,80}$/.test(entry.slug) ? entry.slug : null
  const tags = [`cms:${model}`]
  if (slug) tags.push(`cms:${model}:${slug}`)
  const own = STOREFRONT_TAGS[model]
  if (own) tags.push(own)
  if (slug && (model === "article" || model === "page")) tags.push(`${model}:${slug}`)
  return tags
}

/** The CMS models commerce keeps a synced copy of (the 陪诊 hospital catalogue). */
const ESCORT_HOSPITAL_MODELS = new Set(["hospital", "department"])

/** The CMS models of 陪诊员 training: courses with lessons, and the exam question bank. */
const TRAINING_MODELS = new Set(["course", "exam-question"])

/**
 * What a verified CMS call becomes: (a) the search index update, (b) storefront
 * revalidation, (c) for a published article, the push (which checks the article's flags),
 * (d) for a hospital or department, the sync of commerce's copy of the hospitals, (e) for a
 * 体质问卷 version, keeping the newly published version; (f) for a training course or exam
 * question, the sync of the 陪诊员 training courses.
 */
export async function enqueueCmsHookJobs(
  queue: Pick<JobQueue, "enqueue">,
  payload: CmsHookPayload
) {
  const { event, model, document_id } = payload
  const jobs: string[] = []
  // A new version of a legal page is checked at once here (other servers re-read on mismatch).
  if (model === "page") forgetConsentPageVersions()
  await queue.enqueue(QueueName.SEARCH, SearchJob.CMS_ENTRY, { model, document_id, event })
  jobs.push(`${QueueName.SEARCH}/${SearchJob.CMS_ENTRY}`)
  await queue.enqueue(QueueName.STOREFRONT, StorefrontJob.REVALIDATE, {
    tags: revalidationTags(payload),
  })
  jobs.push(`${QueueName.STOREFRONT}/${StorefrontJob.REVALIDATE}`)
  if (ESCORT_HOSPITAL_MODELS.has(model)) {
    await queue.enqueue(QueueName.CMS, CmsJob.SYNC_ESCORT_HOSPITALS, {})
    jobs.push(`${QueueName.CMS}/${CmsJob.SYNC_ESCORT_HOSPITALS}`)
  }
  if (TRAINING_MODELS.has(model)) {
    // Escorts read the new lessons, and the gate knows the required set, without waiting
    // for the copy to go stale.
    await queue.enqueue(QueueName.CMS, CmsJob.SYNC_TRAINING_COURSES, {})
    jobs.push(`${QueueName.CMS}/${CmsJob.SYNC_TRAINING_COURSES}`)
  }
  if (model === "expert") {
    // 问诊 doctors keep the expert's public profile; staff-set licence and prices stay.
    await queue.enqueue(QueueName.CMS, CmsJob.SYNC_CONSULTATION_DOCTORS, {})
    jobs.push(`${QueueName.CMS}/${CmsJob.SYNC_CONSULTATION_DOCTORS}`)
  }
  if (model === "questionnaire-version") {
    // A published version applies to the next assessment: keep it as soon as it is out.
    await queue.enqueue(QueueName.CMS, CmsJob.SYNC_QUESTIONNAIRES, {})
    jobs.push(`${QueueName.CMS}/${CmsJob.SYNC_QUESTIONNAIRES}`)
  }
  if (model === "article" && event === "entry.publish" && payload.entry) {
    await queue.enqueue(QueueName.CMS, CmsJob.PUSH_ARTICLE, { document_id, entry: payload.entry })
    jobs.push(`${QueueName.CMS}/${CmsJob.PUSH_ARTICLE}`)
  }
  return jobs
}
