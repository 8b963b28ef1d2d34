import { messages } from "@health/core"
import type { Metadata } from "next"
import { CmsUnavailable } from "@/components/cms/cms-unavailable"
import { SiteCard } from "@/components/site/site-card"
import { cms, optional } from "@/lib/backends"

export const metadata: Metadata = { title: "采集点" }

export default async function SitesPage() {
  const sites = await optional(() => cms.listCollectionSites(), null)
  return (
    <section>
      <h1>{messages.sites.title}</h1>
      <p className="muted">到店采样请提前预约，工作人员将为您完成样本采集与知情同意签署。</p>
      {sites === null ? (
        <CmsUnavailable what="采集点信息" />
      ) : sites.length === 0 ? (
        <p className="empty">{messages.sites.empty}</p>
      ) : (
        <div className="grid sites-grid">
          {sites.map((site) => (
            <SiteCard key={site.documentId} site={site} />
          ))}
        </div>
      )}
    </section>
  )
}
