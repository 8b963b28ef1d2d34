import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { DOCTOR_INCOME_MODULE } from "../../modules/doctor-income"
import type DoctorIncomeModuleService from "../../modules/doctor-income/service"
import { wechatSessionOfCodeStep } from "../payouts/wechat-session-of-code-step"

export type BindDoctorWechatInput = { doctor_id: string; code: string }

const saveDoctorWechatStep = createStep(
  "save-doctor-wechat",
  async (input: { doctor_id: string; openid: string; unionid: string | null }, { container }) => {
    const income = container.resolve<DoctorIncomeModuleService>(DOCTOR_INCOME_MODULE)
    return new StepResponse(await income.bindWechat({ ...input, at: new Date() }))
  }
)

/**
 * A doctor binds their WeChat in the mini-program (POST /doctor/wechat/bind `{ code }` from
 * wx.login), so finance can pay their withdrawals by 商家转账. Binding again replaces the
 * account; a WeChat bound to another doctor is refused (409).
 */
export const bindDoctorWechatWorkflow = createWorkflow(
  "bind-doctor-wechat",
  (input: BindDoctorWechatInput) => {
    const session = wechatSessionOfCodeStep(input.code)
    const account = saveDoctorWechatStep(
      transform({ input, session }, ({ input, session }) => ({
        doctor_id: input.doctor_id,
        openid: session.openid,
        unionid: session.unionid,
      }))
    )
    return new WorkflowResponse(account)
  }
)
