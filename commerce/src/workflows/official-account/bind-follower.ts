import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { WECHAT_OFFICIAL_ACCOUNT_MODULE } from "../../modules/wechat-official-account"
import { verifyBindToken } from "../../modules/wechat-official-account/bind-token"
import { officialAccountConfigFromEnv } from "../../modules/wechat-official-account/config"
import type WechatOfficialAccountModuleService from "../../modules/wechat-official-account/service"
import { OFFICIAL_ACCOUNT_TEXT } from "./official-account.zh-CN"

type Input = { token: string; customer_id: string }

const linkFollowerStep = createStep(
  "link-official-account-follower",
  async (input: Input, { container }) => {
    const secret = officialAccountConfigFromEnv()?.secret ?? ""
    const openid = verifyBindToken(input.token, secret)
    if (!openid) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, OFFICIAL_ACCOUNT_TEXT.bindInvalid)
    }
    const oa = container.resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)
    const [before] = await oa.listOfficialAccountFollowers({ openid }, { take: 1 })
    const follower = await oa.linkFollower(openid, input.customer_id, "bind")
    return new StepResponse(
      { openid: follower.openid, subscribed: follower.subscribed },
      before && !before.customer_id ? before.id : null
    )
  },
  async (unlinkId, { container }) => {
    if (!unlinkId) return
    await container
      .resolve<WechatOfficialAccountModuleService>(WECHAT_OFFICIAL_ACCOUNT_MODULE)
      .updateOfficialAccountFollowers({ id: unlinkId, customer_id: null, linked_by: null })
  }
)

/**
 * 绑定会员: the member signed in from the bind link the account sent their WeChat, so the
 * follower of the link's openid becomes theirs (template messages then reach them).
 */
export const bindOfficialAccountFollowerWorkflow = createWorkflow(
  "bind-official-account-follower",
  (input: Input) => new WorkflowResponse(linkFollowerStep(input))
)
