import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MenuButton } from "../../../../modules/wechat-official-account/official-account-api"
import { officialAccountOf } from "../service-of"
import type { SaveMenuBodyType } from "../validators"

/** GET /admin/official-account/menu: the saved menu and its last publish. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ menu: await officialAccountOf(req.scope).menu() })
}

/** POST /admin/official-account/menu `{ button }`: saves the menu (publish sends it to WeChat). */
export async function POST(req: MedusaRequest<SaveMenuBodyType>, res: MedusaResponse) {
  const menu = await officialAccountOf(req.scope).saveMenu(req.validatedBody.button as MenuButton[])
  res.json({ menu })
}
