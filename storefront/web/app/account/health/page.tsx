import { messages } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import {
  AccessLogSection,
  AssessmentsSection,
  ConsentsSection,
  DataSection,
  KitsSection,
  ReportsSection,
  UploadsSection,
} from "@/components/health/archive-sections"
import { AdviceNotesSection } from "@/app/account/consultations/_components/advice-notes-section"
import { HEALTH_TABS, healthTab, healthTabHref } from "@/lib/health-tabs"
import { requireMember } from "@/lib/require-member"
import { KeepForOffline } from "@/components/pwa/keep-for-offline"

export const metadata: Metadata = { title: messages.account.health }

/**
 * 健康档案: kits and their progress, reports, assessments, uploads, consents, who accessed the
 * archive, export and deletion.
 */
export default async function HealthArchivePage({
  searchParams,
}: {
  searchParams: Promise<{ tab?: string | string[]; page?: string | string[] }>
}) {
  const query = await searchParams
  const tab = healthTab(query.tab)
  const page = Math.max(1, Math.floor(Number(query.page)) || 1)
  const { token, member } = await requireMember(healthTabHref(tab))
  return (
    <section className="account-page health-archive" data-testid="health-archive">
      <AccountPageHead title={messages.account.health}>
        <Link href="/account/health/activate" className="button primary">
          激活采样盒
        </Link>
      </AccountPageHead>
      <nav className="tabs" aria-label="健康档案分类">
        {HEALTH_TABS.map((t) => (
          <Link
            key={t.id}
            href={healthTabHref(t.id)}
            className={`tab${t.id === tab ? " active" : ""}`}
            aria-current={t.id === tab ? "page" : undefined}
          >
            {t.title}
          </Link>
        ))}
      </nav>
      <h2 className="visually-hidden">{HEALTH_TABS.find((t) => t.id === tab)?.title}</h2>
      {tab === "kits" && <KitsSection token={token} />}
      {tab === "reports" && <ReportsSection token={token} />}
      {tab === "reports" && <KeepForOffline member={member.id} />}
      {tab === "assessments" && <AssessmentsSection token={token} />}
      {tab === "assessments" && <AdviceNotesSection token={token} />}
      {tab === "uploads" && <UploadsSection token={token} />}
      {tab === "consents" && <ConsentsSection token={token} />}
      {tab === "access" && <AccessLogSection token={token} page={page} />}
      {tab === "data" && <DataSection />}
    </section>
  )
}
