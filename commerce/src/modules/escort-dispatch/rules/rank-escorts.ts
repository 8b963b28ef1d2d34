/**
 * What auto-dispatch knows of one escort for one task. Facts the platform does not hold
 * (coordinates, specialties; a rating before anyone rated) are null and rank neither up nor
 * down. The rating comes from workflows/escort-review/escort-rating-inputs.ts.
 */
export type DispatchCandidate = {
  escort_id: string
  /** The escort's schedule allows the task's date and hours. */
  schedule_free: boolean
  /** The escort holds another busy task overlapping the window. */
  overlaps: boolean
  /** Straight-line distance from the escort's base to the hospital, km. */
  distance_km: number | null
  /** Average rating, 1–5. */
  rating: number | null
  /** Finished services at this hospital (and department: counted twice). */
  hospital_services: number
  department_services: number
  /** The escort has the specialty the service asks for (儿科, 孕产 …). */
  specialty_match: boolean | null
}

/** Eligible candidates, best first: schedule-free and not overlapping, then by score. */
export function rankEscorts(candidates: DispatchCandidate[]): DispatchCandidate[] {
  return candidates
    .filter((c) => c.schedule_free && !c.overlaps)
    .map((c) => ({ c, score: dispatchScore(c) }))
    .sort((a, b) => b.score - a.score || a.c.escort_id.localeCompare(b.c.escort_id))
    .map(({ c }) => c)
}

/**
 * The weights: being near counts most (up to 40 points, none beyond 20 km), then rating
 * (up to 30 for 5 stars), experience with the hospital and department (up to 20, saturating
 * at 10 services), a matching specialty 10. Unknown facts score the middle of their range,
 * so an escort is not punished for data the platform lacks.
 */
export function dispatchScore(c: DispatchCandidate): number {
  const distance = c.distance_km == null ? 20 : Math.max(0, 40 * (1 - c.distance_km / 20))
  const rating = c.rating == null ? 15 : (Math.min(5, Math.max(1, c.rating)) - 1) * 7.5
  const experience = Math.min(20, (c.hospital_services + c.department_services) * 1)
  const specialty = c.specialty_match == null ? 5 : c.specialty_match ? 10 : 0
  return distance + rating + experience + specialty
}

/** Great-circle distance in km between two points (haversine). */
export function distanceKm(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number }
): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}
