import { messages } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import { EmptyIcon } from "@/components/icons"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: messages.account.health }

/** Reports and health records arrive with the lab module; until then an honest empty page. */
export default async function HealthRecordPage() {
  await requireMember("/account/health")
  return (
    <section className="account-page">
      <AccountPageHead title={messages.account.health} />
      <div className="empty-state" data-testid="health-empty">
        <EmptyIcon kind="record" />
        <p>{messages.account.healthEmpty}</p>
        <p className="muted">完成基因检测后，检测报告与健康记录会保存在这里。</p>
        <div className="actions">
          <Link href="/products" className="button primary">
            选购基因检测
          </Link>
          <Link href="/sites" className="button">
            查看采集点
          </Link>
        </div>
      </div>
    </section>
  )
}
