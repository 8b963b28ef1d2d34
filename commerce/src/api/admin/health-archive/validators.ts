import { z } from "@medusajs/framework/zod"
import { KIT_STATUSES } from "../../../lib/kits/kit-status"

export const ListAdminKitsQuery = z.object({
  status: z
    .string()
    .optional()
    .refine((v) => !v || (KIT_STATUSES as readonly string[]).includes(v), "未知的检测盒状态"),
  q: z.string().optional(),
  /** One order's kits, for the order page. */
  order_id: z.string().max(64, "订单号格式不正确").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

export type ListAdminKitsQueryType = z.infer<typeof ListAdminKitsQuery>

export const AdvanceKitBody = z.object({
  barcode: z.string().max(40).optional(),
  carrier: z.string().max(40).optional(),
  tracking_number: z.string().max(60).optional(),
  reason: z.string().max(500).optional(),
})

export type AdvanceKitBodyType = z.infer<typeof AdvanceKitBody>

export const ListBatchesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export type ListBatchesQueryType = z.infer<typeof ListBatchesQuery>
