import { hospitalFromCms } from "../../modules/escort/rules/hospital-from-cms"
import type { SyncedEscortHospital } from "../../modules/escort/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CMS_UNAVAILABLE_CODE } from "./cms-reader"

export const ESCORT_HOSPITALS_UNAVAILABLE_MESSAGE = "医院信息暂时无法从内容平台读取，请稍后再试"

const cmsUnavailable = () =>
  new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    ESCORT_HOSPITALS_UNAVAILABLE_MESSAGE,
    CMS_UNAVAILABLE_CODE
  )

const PAGE_SIZE = 100

const baseUrl = () => (process.env.CMS_URL || "http://localhost:1337").replace(/\/$/, "")

/**
 * Every published hospital with its departments and their SOPs, page by page, straight
 * from the CMS (no cache: this feeds the synced copy). Throws `cmsUnavailable` when the CMS
 * does not answer, so a failed sync keeps the last copy.
 */
export async function readEscortHospitalsFromCms(): Promise<SyncedEscortHospital[]> {
  const token = process.env.CMS_API_TOKEN
  const hospitals: SyncedEscortHospital[] = []
  for (let page = 1; ; page++) {
    const query =
      `populate[departments][populate][sop]=true&sort=id:asc` +
      `&pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}`
    let body: { data?: Record<string, unknown>[]; meta?: { pagination?: { pageCount?: number } } }
    try {
      const response = await fetch(`${baseUrl()}/api/hospitals?${query}`, {
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
      const hospital = hospitalFromCms(raw)
      if (hospital) hospitals.push(hospital)
    }
    const pages = body.meta?.pagination?.pageCount ?? 1
    if (page >= pages || body.data.length < PAGE_SIZE) return hospitals
  }
}
