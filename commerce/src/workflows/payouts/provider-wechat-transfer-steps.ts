import { outBillNoFor } from "@health/medusa-plugin-wechatpay"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type {
  WechatWithdrawalSide,
  WechatWithdrawalTransferInput,
} from "./compose-wechat-withdrawal-transfer"

/** What an income module (escorts', doctors') offers a withdrawal paid by WeChat 商家转账. */
type ProviderIncome<Withdrawal> = {
  withdrawal(id: string): Promise<Withdrawal & { id: string; status: string; amount_fen: number }>
  payoutAccount(ownerId: string): Promise<{ wechat_openid: string } | null>
  startWechatTransfer(input: {
    withdrawal_id: string
    staff_id: string
    out_bill_no: string
  }): Promise<unknown>
  abandonWechatTransfer(withdrawalId: string): Promise<unknown>
  recordWechatTransferState(input: {
    withdrawal_id: string
    state: string
    package_info: string | null
  }): Promise<unknown>
}

/**
 * The three steps of a provider's withdrawal paid by WeChat (prepare, start, record), for
 * composeWechatWithdrawalTransfer: escorts and doctors differ only in their module, who owns
 * a withdrawal, and what finance is told when the payee bound no WeChat.
 */
export function providerWechatTransferSteps<Withdrawal>(provider: {
  /** In the steps' names: `prepare-<name>-wechat-transfer`. */
  name: string
  module: string
  ownerOf: (withdrawal: Withdrawal) => string
  /** Finance's message when the payee has not bound a WeChat. */
  unbound: string
}): Pick<WechatWithdrawalSide, "prepare" | "start" | "record"> {
  const income = (container: Pick<MedusaContainer, "resolve">) =>
    container.resolve<ProviderIncome<Withdrawal>>(provider.module)

  /** Who gets the money and how much: the WeChat the payee bound, never the client's word. */
  const prepare = createStep(
    `prepare-${provider.name}-wechat-transfer`,
    async (input: WechatWithdrawalTransferInput, { container }) => {
      const withdrawal = await income(container).withdrawal(input.withdrawal_id)
      if (withdrawal.status !== "approved") {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          "只有已审核的提现申请可以发起微信转账（已在转账中或已处理的不能重复发起）"
        )
      }
      const account = await income(container).payoutAccount(provider.ownerOf(withdrawal))
      if (!account) throw new MedusaError(MedusaError.Types.INVALID_DATA, provider.unbound)
      return new StepResponse({
        openid: account.wechat_openid,
        amount: withdrawal.amount_fen,
        out_bill_no: outBillNoFor(withdrawal.id),
      })
    }
  )

  /** approved → paying (under the payee's lock); back to approved if WeChat refuses the bill. */
  const start = createStep(
    `start-${provider.name}-wechat-transfer`,
    async (
      input: { withdrawal_id: string; staff_id: string; out_bill_no: string },
      { container }
    ) => {
      await income(container).startWechatTransfer(input)
      return new StepResponse(input.withdrawal_id, input.withdrawal_id)
    },
    async (withdrawalId, { container }) => {
      if (withdrawalId) await income(container).abandonWechatTransfer(withdrawalId)
    }
  )

  const record = createStep(
    `record-${provider.name}-wechat-transfer-state`,
    async (
      input: { withdrawal_id: string; state: string; package_info: string | null },
      { container }
    ) => {
      await income(container).recordWechatTransferState(input)
      return new StepResponse(input.state)
    }
  )

  return { prepare, start, record }
}
