import { messages } from "@health/core"
import type { Metadata } from "next"
import { SiteCard } from "@/components/site/site-card"
import { cms } from "@/lib/backends"

export const metadata: Metadata = { title: "采集点" }

export default async function SitesPage() {
  const sites = await cms.listCollectionSites()
  return (
    <section>
      <h1>{messages.sites.title}</h1>
      <p className="muted">到店采样请提前预约，工作人员将为您完成样本采集与知情同意签署。</p>
      {sites.length === 0 ? (
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
