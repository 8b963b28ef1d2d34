import {
  CONSENT_PAGE_SLUG,
  normalizeKitBarcode,
  type ConsentKind,
  type TestedPerson,
} from "@health/core"
import type { Metadata } from "next"
import { AccountPageHead } from "@/components/account/account-page-head"
import { Markdown } from "@/components/article/markdown"
import { ActivationForm, type ConsentOffer } from "@/components/health/activation-form"
import { cms, healthArchive, optional } from "@/lib/backends"
import { activateKit } from "@/lib/health-archive-actions"
import { shanghaiToday } from "@/lib/profile-form"
import { requireMember } from "@/lib/require-member"

export const metadata: Metadata = { title: "激活采样盒" }

const KINDS: ConsentKind[] = ["testing", "storage", "research"]

/** The consent texts and versions editors publish in the CMS; a missing one is not offered. */
async function consentOffers(): Promise<ConsentOffer[]> {
  const pages = await Promise.all(
    KINDS.map((kind) => optional(() => cms.getPage(CONSENT_PAGE_SLUG[kind]), null))
  )
  return KINDS.flatMap((kind, i) => {
    const page = pages[i]
    if (!page?.version) return []
    return [
      {
        kind,
        title: page.title,
        version: page.version,
        required: kind === "testing",
        text: <Markdown source={page.body ?? ""} />,
      },
    ]
  })
}

export default async function ActivateKitPage({
  searchParams,
}: {
  searchParams: Promise<{ barcode?: string }>
}) {
  const { barcode } = await searchParams
  const initial = typeof barcode === "string" ? normalizeKitBarcode(barcode).slice(0, 12) : ""
  const { token } = await requireMember(
    `/account/health/activate${initial ? `?barcode=${encodeURIComponent(initial)}` : ""}`
  )
  const [persons, consents] = await Promise.all([
    optional<TestedPerson[]>(() => healthArchive.persons(token), []),
    consentOffers(),
  ])
  return (
    <section className="account-page narrow" data-testid="kit-activation">
      <AccountPageHead title="激活采样盒" />
      <p className="muted">
        采样前请先激活：输入采样管上的条码，填写受检者并签署知情同意。激活后实验室才能把样本与受检者对应起来。
      </p>
      <div className="panel">
        <ActivationForm
          persons={persons}
          consents={consents}
          initialBarcode={initial}
          today={shanghaiToday()}
          activate={activateKit}
        />
      </div>
    </section>
  )
}
