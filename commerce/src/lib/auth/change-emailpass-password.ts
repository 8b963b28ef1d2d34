import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

export type ChangeEmailpassPasswordInput = {
  /** The auth identity the member signed in with (from their token). */
  authIdentityId: string
  currentPassword: string
  newPassword: string
}

/**
 * Changes the password of the member's email login after checking the current one.
 *
 * Members who signed up by phone code or WeChat have no email login, and a password
 * needs an email to sign in with, so they are refused with a message saying so rather
 * than given a password they could not use. This runs outside a workflow on purpose:
 * workflow inputs are checkpointed by the workflow engine, and passwords must not be.
 */
export async function changeEmailpassPassword(
  auth: IAuthModuleService,
  { authIdentityId, currentPassword, newPassword }: ChangeEmailpassPasswordInput
): Promise<void> {
  const [login] = await auth.listProviderIdentities({
    auth_identity_id: authIdentityId,
    provider: "emailpass",
  })
  if (!login) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "您的账号通过手机号或微信注册，没有登录密码，请继续使用短信验证码登录"
    )
  }
  const email = login.entity_id
  const checked = await auth.authenticate("emailpass", {
    body: { email, password: currentPassword },
  })
  if (!checked.success || checked.authIdentity?.id !== authIdentityId) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "当前密码不正确")
  }
  const updated = await auth.updateProvider("emailpass", {
    entity_id: email,
    password: newPassword,
  })
  if (!updated.success) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `密码修改失败：${updated.error ?? "未知错误"}`
    )
  }
}
