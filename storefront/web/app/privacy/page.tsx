import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { Markdown } from "@/components/article/markdown"
import { cms } from "@/lib/backends"

export const metadata: Metadata = { title: "隐私政策" }

export default async function PrivacyPage() {
  const page = await cms.getPage("privacy-policy")
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
