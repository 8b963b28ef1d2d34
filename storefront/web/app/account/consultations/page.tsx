import { formatCNY, formatDate, formatDateTime } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import { consultations } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { requireMember } from "@/lib/require-member"

const MODE_LABELS = { text: "图文问诊", phone: "电话问诊", video: "视频问诊" } as const

export const metadata: Metadata = { title: "我的问诊" }

/** 我的问诊: every consultation, newest first, with its status. */
export default async function MyConsultationsPage() {
  const { token } = await requireMember("/account/consultations")
  const overview = await consultations
    .overview(token)
    .catch((error) => memberActionError(error, "consultations"))
  const list = "error" in overview ? overview : overview.consultations
  const followUps = "error" in overview ? [] : overview.follow_ups
  return (
    <section className="account-page" data-testid="my-consultations">
      <AccountPageHead title="我的问诊" />
      {followUps.length > 0 && (
        <div className="card" data-testid="my-follow-ups">
          <h2>复诊安排</h2>
          <ul>
            {followUps.map((f) => (
              <li key={f.id}>
                {formatDate(`${f.due_date}T12:00:00+08:00`)} · {f.doctor_name ?? "医生"}医生：
                {f.note}
              </li>
            ))}
          </ul>
        </div>
      )}
      {"error" in list ? (
        <p className="form-error" role="alert">
          {list.error}
        </p>
      ) : list.length === 0 ? (
        <p className="hint">
          还没有问诊记录，<Link href="/consult">去找医生</Link>
        </p>
      ) : (
        <ul className="escort-task-list">
          {list.map((c) => (
            <li key={c.id} className="card">
              <strong>
                {c.doctor?.name ?? "医生"} · {MODE_LABELS[c.mode]} · {c.status_label}
              </strong>
              <p className="hint">
                {c.slot ? `预约 ${formatDateTime(c.slot.start)}` : formatDateTime(c.created_at)} ·{" "}
                {formatCNY(c.price_fen / 100)}
              </p>
              <Link
                href={`/account/consultations/${encodeURIComponent(c.id)}`}
                className="button small"
              >
                查看
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
