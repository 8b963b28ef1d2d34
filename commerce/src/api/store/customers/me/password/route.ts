import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { changeEmailpassPassword } from "../../../../../lib/auth/change-emailpass-password"
import type { ChangePasswordBodyType } from "./validators"

/** `{ current_password, new_password }` → the member's email login has the new password. */
export async function POST(
  req: AuthenticatedMedusaRequest<ChangePasswordBodyType>,
  res: MedusaResponse
) {
  await changeEmailpassPassword(req.scope.resolve(Modules.AUTH), {
    authIdentityId: req.auth_context.auth_identity_id as string,
    currentPassword: req.validatedBody.current_password,
    newPassword: req.validatedBody.new_password,
  })
  res.status(200).json({ success: true })
}
