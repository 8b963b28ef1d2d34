import type { CacheHint } from "../http"
import { commerceRequester, type CommerceClientOptions } from "../commerce/request"
import type { EscortSopStep } from "./escort-app-types"

/** A department of a hospital, with its SOP (the steps an escort follows there). */
export type EscortDepartment = { id: string; name: string; sop: EscortSopStep[] }

/** `GET /store/escort-hospitals`: a hospital escorts can be booked at (from the CMS). */
export type EscortHospital = {
  id: string
  name: string
  level: string
  city: string
  address: string
  latitude: number
  longitude: number
  /** The visiting guide, Markdown as the editors wrote it. */
  guide: string | null
  departments: EscortDepartment[]
}

/** Commerce expires this tag when the CMS changes a hospital or department. */
export const ESCORT_HOSPITALS_TAG = "escort-hospitals"

const cached: CacheHint = { tags: [ESCORT_HOSPITALS_TAG], revalidate: 300 }

/**
 * The hospitals of a city (every city without one), each with its departments and SOPs,
 * in the editors' order. Commerce answers from its synced copy, so this works while the
 * CMS is down; an empty list means the city is not in the catalogue yet (book by typing
 * the hospital's name then).
 */
export async function listEscortHospitals(
  client: CommerceClientOptions,
  city?: string | null
): Promise<EscortHospital[]> {
  const query = city ? `?city=${encodeURIComponent(city)}` : ""
  return (
    await commerceRequester(client)<{ hospitals: EscortHospital[] }>(
      `/store/escort-hospitals${query}`,
      { cacheHint: cached }
    )
  ).hospitals
}

/** The cities the catalogue covers, in the order their hospitals come. */
export function escortHospitalCities(hospitals: EscortHospital[]): string[] {
  return [...new Set(hospitals.map((hospital) => hospital.city))]
}
