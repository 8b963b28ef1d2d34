/** What commerce keeps of a CMS `expert` entry: the public profile only. */
export type DoctorProfile = {
  cms_document_id: string
  name: string
  title: string | null
  hospital: string | null
  departments: string[]
  specialties: string[]
  introduction: string | null
  photo_url: string | null
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value.trim() : null

/** A list from an array of strings or a comma/、-separated string. */
const list = (value: unknown): string[] => {
  const items = Array.isArray(value)
    ? value
    : typeof value === "string"
      ? value.split(/[,，、]/)
      : []
  return items.map((item) => text(item)).filter((item): item is string => item !== null)
}

/**
 * A Strapi 5 expert entry (REST, populated avatar) as a doctor profile; null when it has no
 * document id or name. `departments` and `specialties` are read when the CMS has them.
 */
export function doctorFromCms(raw: Record<string, unknown>, cmsUrl: string): DoctorProfile | null {
  const documentId = text(raw.documentId)
  const name = text(raw.name)
  if (!documentId || !name) return null
  const avatarUrl = text((raw.avatar as { url?: unknown } | null | undefined)?.url)
  return {
    cms_document_id: documentId,
    name,
    title: text(raw.title),
    hospital: text(raw.hospital),
    departments: list(raw.departments ?? raw.department),
    specialties: list(raw.specialties),
    introduction: text(raw.bio),
    photo_url: avatarUrl ? (avatarUrl.startsWith("/") ? `${cmsUrl}${avatarUrl}` : avatarUrl) : null,
  }
}
