import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { Markdown } from "@/components/article/markdown"
import { CmsUnavailable } from "@/components/cms/cms-unavailable"
import { cms, optional } from "@/lib/backends"

export const metadata: Metadata = { title: "隐私政策" }

export default async function PrivacyPage() {
  const page = await optional(() => cms.getPage("privacy-policy"), undefined)
  if (page === undefined) {
    return (
      <article className="article">
        <h1>隐私政策</h1>
        <CmsUnavailable what="隐私政策" />
      </article>
    )
  }
  if (!page) notFound()
  return (
    <article className="article">
      <h1>{page.title}</h1>
      {page.version && <p className="muted">版本：{page.version}</p>}
      <div className="prose">
        <Markdown source={page.body ?? ""} />
      </div>
    </article>
  )
}
