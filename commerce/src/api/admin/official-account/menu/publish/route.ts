import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { publishOfficialAccountMenuWorkflow } from "../../../../../workflows/official-account/publish-menu"
import { officialAccountOf } from "../../service-of"

/**
 * POST /admin/official-account/menu/publish: the saved menu becomes the account's menu
 * (menu/create). WeChat's refusal is 400 with its errcode, recorded on the menu.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const saved = await officialAccountOf(req.scope).menu()
  if (!saved.buttons.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "请先保存菜单再发布")
  }
  const { result } = await publishOfficialAccountMenuWorkflow(req.scope).run()
  res.json({ menu: result })
}
