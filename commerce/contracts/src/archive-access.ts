/** Who acted on a member's health archive, as the member's access log names them. */
export type ArchiveAccessActor = "self" | "doctor" | "staff" | "system"

/**
 * One row of the member's archive access log (GET /store/health-archive/access-log): when,
 * who (a doctor by name, other staff only as 平台工作人员), and what (action and resource as
 * commerce records them; the storefronts word them).
 */
export type ArchiveAccessEntry = {
  id: string
  at: string
  actor: ArchiveAccessActor
  actor_name: string | null
  action: string
  resource_type: string
}

export type ArchiveAccessPage = {
  entries: ArchiveAccessEntry[]
  count: number
  offset: number
  limit: number
}
