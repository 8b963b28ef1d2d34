import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import type { LedgerRow } from "../../../../../modules/affiliate/service"
import type { LedgerQueryType } from "../../../../validators"
import { KIND_ZH } from "../../../../views"
import { ledgerFilters } from "../ledger-filters"

const BUCKET_ZH: Record<string, string> = {
  pending: "待结算",
  available: "可提现",
  withdrawing: "提现中",
  withdrawn: "已提现",
  spent: "已抵扣",
}

const cell = (value: unknown) => {
  const text = value === null || value === undefined ? "" : String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The filtered ledger as CSV with a UTF-8 BOM, which Excel opens with Chinese intact.
 * Amounts are exact yuan with two decimals.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const query = req.validatedQuery as LedgerQueryType
  const entries = (await service.listLedgerEntries(ledgerFilters(query), {
    order: { created_at: "ASC", id: "ASC" },
    take: 50_000,
  })) as unknown as LedgerRow[]
  const header = [
    "时间",
    "分销会员",
    "类型",
    "账户",
    "金额(元)",
    "订单",
    "商品",
    "层级",
    "比例(%)",
    "备注",
  ]
  const rows = entries.map((entry) => [
    new Date(entry.created_at).toLocaleString("zh-CN", {
      timeZone: "Asia/Shanghai",
      hour12: false,
    }),
    entry.affiliate_id,
    KIND_ZH[entry.kind] ?? entry.kind,
    BUCKET_ZH[entry.bucket] ?? entry.bucket,
    (entry.amount / 100).toFixed(2),
    entry.order_id,
    entry.product_id,
    entry.level,
    entry.rate_bp == null ? "" : (entry.rate_bp / 100).toFixed(2),
    entry.note,
  ])
  const csv = [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="affiliate-ledger.csv"`)
  res.send("\uFEFF" + csv)
}
