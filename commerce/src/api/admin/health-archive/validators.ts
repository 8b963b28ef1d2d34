import { z } from "@medusajs/framework/zod"
import { KIT_STATUSES } from "../../../lib/kits/kit-status"
import { REPORT_FINDING_RISKS } from "../../../modules/health-archive/types"

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

/** A report's findings as lab staff enter them: the whole list, replacing the last one. */
export const RecordFindingsBody = z.object({
  findings: z
    .array(
      z.object({
        item: z.string().trim().min(1, "请填写检测项目").max(80, "检测项目不能超过 80 字"),
        gene: z
          .string()
          .trim()
          .max(30, "基因名不能超过 30 字")
          .nullish()
          .transform((v) => v || null),
        result: z.string().trim().min(1, "请填写检测结果").max(80, "检测结果不能超过 80 字"),
        risk: z.enum(REPORT_FINDING_RISKS, {
          message:
            "风险等级应为 low/medium/high（低/中/高风险）或 normal/attention/abnormal（正常/关注/异常）",
        }),
        reference: z
          .string()
          .trim()
          .max(200, "参考说明不能超过 200 字")
          .nullish()
          .transform((v) => v || null),
      })
    )
    .max(200, "一份报告最多 200 条结果")
    .optional()
    .refine((list) => list !== undefined, "请提供 findings：检测结果列表（可为空列表）")
    .transform((list) => list ?? []),
})

export type RecordFindingsBodyType = z.infer<typeof RecordFindingsBody>
