import { formatCNY, formatDateTime } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import { consultations } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "我的问诊" }

/** 我的问诊: every consultation, newest first, with its status. */
export default async function MyConsultationsPage() {
  const { token } = await requireMember("/account/consultations")
  const list = await consultations
    .list(token)
    .catch((error) => memberActionError(error, "consultations"))
  return (
    <section className="account-page" data-testid="my-consultations">
      <AccountPageHead title="我的问诊" />
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
                {c.doctor?.name ?? "医生"} · 图文问诊 · {c.status_label}
              </strong>
              <p className="hint">
                {formatDateTime(c.created_at)} · {formatCNY(c.price_fen / 100)}
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
