import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { WECHAT_OFFICIAL_ACCOUNT_MODULE } from "../../modules/wechat-official-account"
import { officialAccountConfigFromEnv } from "../../modules/wechat-official-account/config"
import { createMenu } from "../../modules/wechat-official-account/official-account-api"
import type WechatOfficialAccountModuleService from "../../modules/wechat-official-account/service"
import { OFFICIAL_ACCOUNT_TEXT } from "./official-account.zh-CN"

/**
 * Sends the saved menu to WeChat (menu/create replaces the account's menu as a whole) and
 * records the answer. WeChat's refusal is recorded and answered as invalid data with its
 * errcode; a publish cannot be undone at WeChat, so the step has no compensation.
 */
const publishMenuStep = createStep(
  "publish-official-account-menu",
  async (_: void, { container }) => {
    const config = officialAccountConfigFromEnv()
    if (!config) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, OFFICIAL_ACCOUNT_TEXT.notConfigured)
    }
    const oa = container.resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)
    const { buttons } = await oa.menu()
    let result: { errcode: number; errmsg: string }
    try {
      result = await createMenu(config, buttons)
    } catch (error) {
      result = { errcode: -1, errmsg: (error as Error).message }
    }
    const menu = await oa.recordMenuPublish(result, new Date())
    if (result.errcode === -1) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, OFFICIAL_ACCOUNT_TEXT.wechatUnreachable)
    }
    if (result.errcode !== 0) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        OFFICIAL_ACCOUNT_TEXT.menuRefused(result.errcode, result.errmsg)
      )
    }
    return new StepResponse(menu)
  }
)

export const publishOfficialAccountMenuWorkflow = createWorkflow(
  "publish-official-account-menu",
  () => new WorkflowResponse(publishMenuStep())
)
