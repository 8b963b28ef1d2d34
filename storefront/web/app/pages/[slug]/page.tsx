import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { Markdown } from "@/components/article/markdown"
import { CmsUnavailable } from "@/components/cms/cms-unavailable"
import { cms, optional } from "@/lib/backends"
import { renderEachOnFirstVisit } from "@/lib/first-visit-params"

export const generateStaticParams = renderEachOnFirstVisit<{ slug: string }>

export const metadata: Metadata = { title: "协议与同意书" }

/** A legal page or consent text from the CMS (linked from the forms that ask to accept it). */
export default async function LegalPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  if (!/^[\w-]{1,80}$/.test(slug)) notFound()
  const page = await optional(() => cms.getPage(slug), undefined)
  if (page === undefined) {
    return (
      <article className="article">
        <h1>协议与同意书</h1>
        <CmsUnavailable what="该文本" />
      </article>
    )
  }
  if (!page) notFound()
  return (
    <article className="article" data-testid="legal-page">
      <h1>{page.title}</h1>
      {page.version && <p className="muted">版本：{page.version}</p>}
      <div className="prose">
        <Markdown source={page.body ?? ""} />
      </div>
    </article>
  )
}
