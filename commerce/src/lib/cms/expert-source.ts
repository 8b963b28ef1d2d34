import { MedusaError } from "@medusajs/framework/utils"
import { doctorFromCms, type DoctorProfile } from "../../modules/consultation/rules/doctor-from-cms"
import { CMS_UNAVAILABLE_CODE } from "./cms-reader"

const PAGE_SIZE = 100

const baseUrl = () => (process.env.CMS_URL || "http://localhost:1337").replace(/\/$/, "")

export const EXPERTS_UNAVAILABLE_MESSAGE = "专家信息暂时无法从内容平台读取，请稍后再试"

const cmsUnavailable = () =>
  new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    EXPERTS_UNAVAILABLE_MESSAGE,
    CMS_UNAVAILABLE_CODE
  )

/** Every CMS expert (Strapi 5 REST, avatar populated), page by page, uncached. */
export async function readExpertsFromCms(): Promise<DoctorProfile[]> {
  const token = process.env.CMS_API_TOKEN
  const profiles: DoctorProfile[] = []
  for (let page = 1; ; page++) {
    const query = `populate[avatar]=true&sort=id:asc&pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}`
    let body: { data?: Record<string, unknown>[]; meta?: { pagination?: { pageCount?: number } } }
    try {
      const response = await fetch(`${baseUrl()}/api/experts?${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(Number(process.env.CMS_TIMEOUT_MS || 5000)),
      })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      body = (await response.json()) as typeof body
    } catch {
      throw cmsUnavailable()
    }
    if (!Array.isArray(body.data)) throw cmsUnavailable()
    for (const raw of body.data) {
      const profile = doctorFromCms(raw, baseUrl())
      if (profile) profiles.push(profile)
    }
    const pages = body.meta?.pagination?.pageCount ?? 1
    if (page >= pages || body.data.length < PAGE_SIZE) return profiles
  }
}
