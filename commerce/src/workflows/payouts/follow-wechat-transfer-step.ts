import { FINAL_TRANSFER_STATES } from "@health/medusa-plugin-wechatpay"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  PaymentsJob,
  QUEUE_MODULE,
  QueueName,
  RECONCILE_TRANSFER_DELAY_MS,
  type JobQueue,
} from "../../lib/queue/jobs"
import { settleWechatTransfer } from "./settle-wechat-transfer"

/**
 * A bill WeChat finished at once is settled now; others wait for the callback or the check.
 * Shared by the affiliates' and the escorts' transfers (settling finds whose bill it is).
 */
export const followTransferStep = createStep(
  "follow-wechat-transfer",
  async (
    input: { withdrawal_id: string; out_bill_no: string; state: string; fail_reason?: string },
    { container }
  ) => {
    if (FINAL_TRANSFER_STATES.includes(input.state as never)) {
      await settleWechatTransfer(container, {
        out_bill_no: input.out_bill_no,
        state: input.state,
        fail_reason: input.fail_reason,
      })
      return new StepResponse("settled")
    }
    await container
      .resolve<JobQueue>(QUEUE_MODULE)
      .enqueue(
        QueueName.PAYMENTS,
        PaymentsJob.RECONCILE_TRANSFER,
        { out_bill_no: input.out_bill_no, checks: 0 },
        { delay: RECONCILE_TRANSFER_DELAY_MS(), jobId: `reconcile-transfer-${input.out_bill_no}-0` }
      )
    return new StepResponse("waiting")
  }
)
