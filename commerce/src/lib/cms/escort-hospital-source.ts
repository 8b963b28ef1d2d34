import { hospitalFromCms } from "../../modules/escort/rules/hospital-from-cms"
import type { SyncedEscortHospital } from "../../modules/escort/types"
import { readCmsCollection } from "./cms-collection"

export const ESCORT_HOSPITALS_UNAVAILABLE_MESSAGE = "医院信息暂时无法从内容平台读取，请稍后再试"

/**
 * Every published hospital with its departments and their SOPs, page by page, straight
 * from the CMS (no cache: this feeds the synced copy). Throws `cmsUnavailable` when the CMS
 * does not answer, so a failed sync keeps the last copy.
 */
export async function readEscortHospitalsFromCms(): Promise<SyncedEscortHospital[]> {
  const rows = await readCmsCollection(
    "hospitals",
    "populate[departments][populate][sop]=true&sort=id:asc",
    { unavailableMessage: ESCORT_HOSPITALS_UNAVAILABLE_MESSAGE }
  )
  return rows.flatMap((raw) => hospitalFromCms(raw) ?? [])
}
