/** The app name Tencent Maps asks every URI caller for (its `referer`). */
export const TENCENT_MAP_REFERER = "health-escort"

type Place = {
  name: string
  city?: string | null
  latitude?: number | null
  longitude?: number | null
}

const hasCoordinates = (place: Place) =>
  typeof place.latitude === "number" &&
  typeof place.longitude === "number" &&
  Number.isFinite(place.latitude) &&
  Number.isFinite(place.longitude)

/**
 * A Tencent Maps link to the hospital: driving directions to its coordinates when commerce
 * knows them, else a search for its name in the city (the map then offers the route).
 */
export function tencentMapLink(place: Place, referer = TENCENT_MAP_REFERER): string {
  const query = new URLSearchParams()
  if (hasCoordinates(place)) {
    query.set("type", "drive")
    query.set("to", place.name)
    query.set("tocoord", `${place.latitude},${place.longitude}`)
    query.set("referer", referer)
    return `https://apis.map.qq.com/uri/v1/routeplan?${query.toString()}`
  }
  query.set("keyword", place.name)
  if (place.city) query.set("region", place.city)
  query.set("referer", referer)
  return `https://apis.map.qq.com/uri/v1/search?${query.toString()}`
}

/** Coordinates for an in-app map (the mini-program's openLocation), or null. */
export function hospitalCoordinates(place: Place): { latitude: number; longitude: number } | null {
  return hasCoordinates(place)
    ? { latitude: place.latitude as number, longitude: place.longitude as number }
    : null
}
