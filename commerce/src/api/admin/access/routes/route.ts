import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { registeredRoutes, type RouterOwner } from "../../../../lib/access/matched-routes"
import { requiredPermission } from "../../../../modules/access/route-permissions"

/**
 * Every admin route the running app has, ours, the plugins' and Medusa's, with the
 * permission it needs (`*` for super admins only): the table the role gate decides by.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const routes = registeredRoutes(req.app as unknown as RouterOwner, "/admin").map((route) => ({
    ...route,
    permission: requiredPermission(route.method, route.pattern) ?? "*",
  }))
  res.json({ routes, count: routes.length })
}
