import type { CollectionSite } from "@health/contracts"

export type GeoPoint = { latitude: number; longitude: number }

/** A site with how far it is from the member, in metres; null when the CMS has no coordinates. */
export type SiteWithDistance = { site: CollectionSite; metres: number | null }

const EARTH_RADIUS_M = 6_371_000
const radians = (degrees: number) => (degrees * Math.PI) / 180

/** A site's coordinates as numbers, or null when the CMS has none (or nonsense). */
export function siteCoordinates(
  site: Pick<CollectionSite, "latitude" | "longitude">
): GeoPoint | null {
  if (site.latitude === null || site.latitude === undefined || site.latitude === "") return null
  if (site.longitude === null || site.longitude === undefined || site.longitude === "") return null
  const latitude = Number(site.latitude)
  const longitude = Number(site.longitude)
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null
  return { latitude, longitude }
}

/**
 * Great-circle distance (haversine). The member's place and the sites are both GCJ-02, as
 * WeChat's getLocation and the CMS give them, so the offset between datums cancels out.
 */
export function distanceMetres(from: GeoPoint, to: GeoPoint): number {
  const dLat = radians(to.latitude - from.latitude)
  const dLng = radians(to.longitude - from.longitude)
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** Nearest first; sites without coordinates keep their order at the end. */
export function sitesByDistance(sites: CollectionSite[], from: GeoPoint): SiteWithDistance[] {
  const measured = sites.map((site) => {
    const at = siteCoordinates(site)
    return { site, metres: at ? distanceMetres(from, at) : null }
  })
  return measured
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      const x = a.entry.metres ?? Number.POSITIVE_INFINITY
      const y = b.entry.metres ?? Number.POSITIVE_INFINITY
      return x === y ? a.index - b.index : x - y
    })
    .map(({ entry }) => entry)
}

/** "850 米", "3.2 公里", "128 公里". */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.max(10, Math.round(metres / 10) * 10)} 米`
  const km = metres / 1000
  return `${km < 9.95 ? km.toFixed(1) : Math.round(km)} 公里`
}
