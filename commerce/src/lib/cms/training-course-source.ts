import { createHmac } from "crypto"
import {
  questionFromCms,
  trainingCourseFromCms,
} from "../../modules/escort-training/rules/course-from-cms"
import type { BankQuestion, SyncedTrainingCourse } from "../../modules/escort-training/types"
import { configuredPublicOrigin } from "../config/public-origins"
import { cmsBaseUrl, readCmsCollection } from "./cms-collection"

export const TRAINING_UNAVAILABLE_MESSAGE = "培训课程暂时无法从内容平台读取，请稍后再试"

/**
 * The CMS token that may read courses and the question bank (with its answers): not the
 * storefront's token, which the public shares. The seed creates it with this key.
 */
export const DEV_TRAINING_TOKEN = "dev-training-read-token-0123456789abcdef"

/**
 * CMS_TRAINING_TOKEN, else derived from the storefront token (CMS_API_TOKEN) as the CMS seed
 * derives it (cms/src/seed/escort-training.ts), else the development key.
 */
export function trainingToken(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CMS_TRAINING_TOKEN?.trim()
  if (configured) return configured
  const storefront = env.CMS_API_TOKEN?.trim()
  if (storefront) return createHmac("sha256", storefront).update("escort-training").digest("hex")
  return DEV_TRAINING_TOKEN
}

const readAll = (collection: string, query: string) =>
  readCmsCollection(collection, query, {
    unavailableMessage: TRAINING_UNAVAILABLE_MESSAGE,
    token: trainingToken(),
  })

/**
 * Every course with its lessons, exam settings and question bank, straight from the CMS
 * (this feeds the synced copy). Throws `cmsUnavailable` when the CMS does not answer, so a
 * failed sync keeps the last copy.
 */
export async function readTrainingCoursesFromCms(): Promise<SyncedTrainingCourse[]> {
  const courses = await readAll(
    "courses",
    "populate[lessons][populate][images]=true&populate[exam]=true&populate[hospital]=true" +
      "&populate[department]=true&sort=sort:asc"
  )
  const questions = await readAll(
    "exam-questions",
    "populate[options]=true&populate[course]=true&sort=sort:asc"
  )
  const bankOf = new Map<string, BankQuestion[]>()
  for (const raw of questions) {
    const courseId = (raw.course as { documentId?: string } | null)?.documentId
    const question = questionFromCms(raw)
    if (!courseId || !question) continue
    bankOf.set(courseId, [...(bankOf.get(courseId) ?? []), question])
  }
  const mediaBase = configuredPublicOrigin("cms") ?? cmsBaseUrl()
  return courses
    .map((raw) => trainingCourseFromCms(raw, bankOf.get(String(raw.documentId)) ?? [], mediaBase))
    .filter((course): course is SyncedTrainingCourse => course !== null)
}
