import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { HEALTH_ARCHIVE_MODULE } from "../modules/health-archive"
import type HealthArchiveModuleService from "../modules/health-archive/service"
import { clientAddress } from "../lib/http/client-address"

/** The archive module and the signed-in actor of a request. */
export function archiveRequest(req: AuthenticatedMedusaRequest) {
  const archive = req.scope.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const isStaff = req.auth_context.actor_type === "user"
  return {
    archive,
    actorId: req.auth_context.actor_id,
    /** Appends to the archive's access log: who read or changed what, from where. */
    log: (owner_id: string, action: string, resource_type: string, resource_id?: string | null) =>
      archive.logAccess({
        owner_id,
        actor_type: isStaff ? "staff" : "customer",
        actor_id: req.auth_context.actor_id,
        action,
        resource_type,
        resource_id: resource_id ?? null,
        ip: clientAddress(req),
      }),
  }
}

/** Not found, whether it does not exist or belongs to someone else: never say which. */
export const notFound = (what: string) =>
  new MedusaError(MedusaError.Types.NOT_FOUND, `没有找到这份${what}`)

/** Sends a file inline or as a download, with a UTF-8 file name and no caching. */
export function sendFile(
  res: { setHeader(name: string, value: string): void; end(body: Buffer): void },
  file: { bytes: Buffer; mime_type: string; filename: string; download?: boolean }
) {
  const encoded = encodeURIComponent(file.filename)
  res.setHeader("Content-Type", file.mime_type)
  res.setHeader("Content-Length", String(file.bytes.length))
  res.setHeader(
    "Content-Disposition",
    `${file.download ? "attachment" : "inline"}; filename="${encoded}"; filename*=UTF-8''${encoded}`
  )
  // Health data: never kept by a browser or proxy cache.
  res.setHeader("Cache-Control", "private, no-store")
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.end(file.bytes)
}
