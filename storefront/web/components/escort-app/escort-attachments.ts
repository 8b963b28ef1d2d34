import type { EscortLocation } from "@health/core"
import type { EscortAppApi } from "@/lib/escort-app-browser"
import type { LocationResult } from "@/lib/browser-location"
import type { PhotoAndPlace } from "./escort-photo-and-place"

export type Locate = () => Promise<LocationResult>

/**
 * Uploads the chosen photos and reads the place when asked. A refused location is not an
 * error (the step goes without it, and `locationProblem` says why); a failed upload is.
 */
export async function prepareAttachments(
  api: EscortAppApi,
  taskId: string,
  { photos, withLocation }: PhotoAndPlace,
  locate: Locate
): Promise<{ uploadIds: string[]; location: EscortLocation | null; locationProblem?: string }> {
  const uploadIds: string[] = []
  for (const photo of photos) {
    uploadIds.push((await api.uploadEscortTaskPhoto("", taskId, photo, photo.name)).id)
  }
  if (!withLocation) return { uploadIds, location: null }
  const place = await locate()
  return "location" in place
    ? { uploadIds, location: place.location }
    : { uploadIds, location: null, locationProblem: place.problem }
}
