import { escortTransferConfirmation as transferConfirmation } from "../../escort/withdrawals/present-escort-withdrawal"
import { DOCTOR_WITHDRAWAL_LABELS } from "../../../modules/doctor-income/service"
import type {
  DoctorEarningKind,
  DoctorEarningRow,
  DoctorEarningStatus,
  DoctorWithdrawalRow,
} from "../../../modules/doctor-income/types"

const iso = (value: Date | string | null) => (value == null ? null : new Date(value).toISOString())

export const EARNING_KIND_LABELS: Record<DoctorEarningKind, string> = {
  text: "图文问诊",
  phone: "电话问诊",
  video: "视频问诊",
  assessment: "检测评估报告",
  group_session: "在线咨询会",
}

export const EARNING_STATUS_LABELS: Record<DoctorEarningStatus, string> = {
  pending: "待结算",
  available: "已结算",
  reversed: "已冲销（退款）",
}

/** One earning as its doctor (or finance) reads it; `net_fen` is what counts after refunds. */
export function presentDoctorEarning(row: DoctorEarningRow) {
  return {
    id: row.id,
    source_type: row.source_type,
    source_id: row.source_id,
    kind: row.kind,
    kind_label: EARNING_KIND_LABELS[row.kind],
    price_fen: row.price_fen,
    share_percent: row.share_percent,
    amount_fen: row.amount_fen,
    reversed_fen: row.reversed_fen,
    net_fen: row.amount_fen - row.reversed_fen,
    status: row.status,
    status_label: EARNING_STATUS_LABELS[row.status],
    earned_at: iso(row.earned_at)!,
    release_at: iso(row.release_at)!,
    available_at: iso(row.available_at),
  }
}

/**
 * A withdrawal as its doctor reads it, with what their WeChat needs to confirm receipt of a
 * paying one (`transfer`, the same as escorts'); `staff` adds the doctor and who handled it.
 */
export function presentDoctorWithdrawal(row: DoctorWithdrawalRow, audience: "doctor" | "staff") {
  return {
    id: row.id,
    amount_fen: row.amount_fen,
    status: row.status,
    status_label: DOCTOR_WITHDRAWAL_LABELS[row.status],
    method: row.method,
    reference: row.reference,
    reject_reason: row.reject_reason,
    fail_reason: row.fail_reason,
    transfer_state: row.transfer_state,
    reviewed_at: iso(row.reviewed_at),
    paid_at: iso(row.paid_at),
    created_at: iso(row.created_at)!,
    ...(audience === "staff"
      ? { doctor_id: row.doctor_id, reviewed_by: row.reviewed_by, paid_by: row.paid_by }
      : { transfer: transferConfirmation(row) }),
  }
}
