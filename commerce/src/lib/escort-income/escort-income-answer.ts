import type { MedusaContainer } from "@medusajs/framework/types"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import {
  ESCORT_LEVEL_LABELS,
  ESCORT_LEVELS,
  levelCondition,
  levelShortfall,
  type EscortLevel,
} from "../../modules/escort-income/rules/escort-level"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import type { EscortEarningRow } from "../../modules/escort-income/types"
import { escortRecord } from "../../workflows/escort-income/recompute-escort-level"

type EarningView = {
  booking_id: string
  service_name: string
  service_date: string
  price_fen: number
  share_percent: number
  amount_fen: number
  status: "pending" | "available" | "frozen" | "withdrawn" | "reversed"
  available_at: string | null
}

const iso = (value: Date | string | null) => (value == null ? null : new Date(value).toISOString())

/**
 * Earnings as the escort reads them. Withdrawals are not tied to earnings, so the paid
 * total is laid over the available earnings oldest first: those it covers read 已提现.
 * `available_at` is when it became available, or for a pending one when it will.
 */
export function presentEarnings(rows: EscortEarningRow[], withdrawnFen: number): EarningView[] {
  let covered = withdrawnFen
  const withdrawn = new Set<string>()
  const oldestFirst = rows
    .filter((row) => row.status === "available")
    .sort(
      (a, b) =>
        +new Date(a.available_at ?? a.created_at) - +new Date(b.available_at ?? b.created_at)
    )
  for (const row of oldestFirst) {
    const amount = row.amount_fen - row.reversed_fen
    if (amount > covered) break
    covered -= amount
    withdrawn.add(row.id)
  }
  return rows.map((row) => ({
    booking_id: row.booking_id,
    service_name: row.service_name,
    service_date: row.service_date,
    price_fen: row.price_fen,
    share_percent: row.share_percent,
    amount_fen: row.amount_fen - row.reversed_fen,
    status: withdrawn.has(row.id) ? "withdrawn" : row.status,
    available_at: iso(row.status === "pending" ? row.release_at : row.available_at),
  }))
}

/** GET /escort/income: balances, level and its rules, and per-task earnings. */
export async function escortIncomeAnswer(
  container: Pick<MedusaContainer, "resolve">,
  escortId: string
) {
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
  const [escort] = await escorts.listEscorts({ id: escortId }, { take: 1 })
  const level = (escort?.level ?? "trainee") as EscortLevel
  const [settings, totals, rows, record, payout] = await Promise.all([
    income.settings(),
    income.totals(escortId),
    income.escortEarnings(escortId),
    escortRecord(container, escortId),
    income.payoutAccount(escortId),
  ])
  const next = ESCORT_LEVELS[ESCORT_LEVELS.indexOf(level) + 1] as EscortLevel | undefined
  const nextRule = next && next !== "trainee" ? settings.level_rules[next] : null
  return {
    income: {
      ...totals,
      level,
      level_label: ESCORT_LEVEL_LABELS[level],
      // Whether withdrawals can be paid to WeChat (the app offers 绑定微信 when not).
      wechat_bound: !!payout,
      share_percent: settings.share_percent[level],
      completed_count: record.completed,
      rating_average: record.ratingAverage,
      next_level:
        next && nextRule
          ? {
              level_label: ESCORT_LEVEL_LABELS[next],
              needs: levelShortfall(record, nextRule) ?? "已达到条件，下次确认服务后升级",
            }
          : null,
      rules: ESCORT_LEVELS.map((each) => ({
        level_label: ESCORT_LEVEL_LABELS[each],
        share_percent: settings.share_percent[each],
        condition: levelCondition(each === "trainee" ? null : settings.level_rules[each]),
      })),
    },
    earnings: presentEarnings(rows, totals.withdrawn_fen),
  }
}
