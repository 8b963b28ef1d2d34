import { z } from "@medusajs/framework/zod"

export const WechatTransferBody = z.object({
  withdrawal_id: z.string().refine((v) => v.startsWith("afwd_"), "请指定要转账的提现申请"),
})

export type WechatTransferBodyType = z.infer<typeof WechatTransferBody>
