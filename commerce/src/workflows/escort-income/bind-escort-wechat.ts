import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import { WECHAT_PLATFORM_MODULE } from "../../modules/wechat-platform"
import type WechatPlatformModuleService from "../../modules/wechat-platform/service"
import { WechatApiError } from "../../modules/wechat-platform/wechat-api"

export type BindEscortWechatInput = { escort_id: string; code: string }

/** The `wx.login` code → the escort's openid, from WeChat (never the client's word). */
const escortWechatSessionStep = createStep(
  "escort-wechat-session",
  async (code: string, { container }) => {
    try {
      const session = await container
        .resolve<WechatPlatformModuleService>(WECHAT_PLATFORM_MODULE)
        .codeToSession(code)
      return new StepResponse({ openid: session.openid, unionid: session.unionid ?? null })
    } catch (error) {
      if (error instanceof WechatApiError) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "微信登录凭证无效或已过期，请重新点击绑定微信"
        )
      }
      throw error
    }
  }
)

const saveEscortWechatStep = createStep(
  "save-escort-wechat",
  async (input: { escort_id: string; openid: string; unionid: string | null }, { container }) => {
    const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    return new StepResponse(await income.bindWechat({ ...input, at: new Date() }))
  }
)

/**
 * An escort binds their WeChat in the mini-program's escort mode (POST /escort/wechat/bind
 * `{ code }` from wx.login), so finance can pay their withdrawals by 商家转账. Binding again
 * replaces the account; a WeChat bound to another escort is refused (409).
 */
export const bindEscortWechatWorkflow = createWorkflow(
  "bind-escort-wechat",
  (input: BindEscortWechatInput) => {
    const session = escortWechatSessionStep(input.code)
    const account = saveEscortWechatStep(
      transform({ input, session }, ({ input, session }) => ({
        escort_id: input.escort_id,
        openid: session.openid,
        unionid: session.unionid,
      }))
    )
    return new WorkflowResponse(account)
  }
)
