import { createHmac } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"
import {
  questionFromCms,
  trainingCourseFromCms,
} from "../../modules/escort-training/rules/course-from-cms"
import type { BankQuestion, SyncedTrainingCourse } from "../../modules/escort-training/types"
import { configuredPublicOrigin } from "../config/public-origins"
import { CMS_UNAVAILABLE_CODE } from "./cms-reader"

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

const cmsUnavailable = () =>
  new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    TRAINING_UNAVAILABLE_MESSAGE,
    CMS_UNAVAILABLE_CODE
  )

const PAGE_SIZE = 100
const baseUrl = () => (process.env.CMS_URL || "http://localhost:1337").replace(/\/$/, "")

async function readAll(collection: string, query: string): Promise<Record<string, unknown>[]> {
  const token = trainingToken()
  const rows: Record<string, unknown>[] = []
  for (let page = 1; ; page++) {
    let body: { data?: Record<string, unknown>[]; meta?: { pagination?: { pageCount?: number } } }
    try {
      const response = await fetch(
        `${baseUrl()}/api/${collection}?${query}&pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}`,
        {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(Number(process.env.CMS_TIMEOUT_MS || 5000)),
        }
      )
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      body = (await response.json()) as typeof body
    } catch {
      throw cmsUnavailable()
    }
    if (!Array.isArray(body.data)) throw cmsUnavailable()
    rows.push(...body.data)
    const pages = body.meta?.pagination?.pageCount ?? 1
    if (page >= pages || body.data.length < PAGE_SIZE) return rows
  }
}

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
  const mediaBase = configuredPublicOrigin("cms") ?? baseUrl()
  return courses
    .map((raw) => trainingCourseFromCms(raw, bankOf.get(String(raw.documentId)) ?? [], mediaBase))
    .filter((course): course is SyncedTrainingCourse => course !== null)
}
