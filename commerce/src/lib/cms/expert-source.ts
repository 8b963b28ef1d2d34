import { doctorFromCms, type DoctorProfile } from "../../modules/consultation/rules/doctor-from-cms"
import { cmsBaseUrl, readCmsCollection } from "./cms-collection"

export const EXPERTS_UNAVAILABLE_MESSAGE = "专家信息暂时无法从内容平台读取，请稍后再试"

/** Every CMS expert (Strapi 5 REST, avatar populated), page by page, uncached. */
export async function readExpertsFromCms(): Promise<DoctorProfile[]> {
  const rows = await readCmsCollection("experts", "populate[avatar]=true&sort=id:asc", {
    unavailableMessage: EXPERTS_UNAVAILABLE_MESSAGE,
  })
  return rows.flatMap((raw) => doctorFromCms(raw, cmsBaseUrl()) ?? [])
}
