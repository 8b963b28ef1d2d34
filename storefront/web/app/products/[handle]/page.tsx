import { messages } from "@health/core"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { ShareEarning } from "@/components/affiliate/share-earning"
import { VariantPicker } from "@/components/product/variant-picker"
import { WechatKfLink } from "@/components/support/wechat-kf-link"
import { commerce } from "@/lib/backends"
import { renderEachOnFirstVisit } from "@/lib/first-visit-params"

export const generateStaticParams = renderEachOnFirstVisit<{ handle: string }>

type Params = Promise<{ handle: string }>

async function load(handle: string) {
  const region = await commerce.getRegion()
  return commerce.getProduct(handle, region.id)
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const product = await load((await params).handle).catch(() => null)
  return { title: product?.title ?? "基因检测", description: product?.subtitle ?? undefined }
}

export default async function ProductPage({ params }: { params: Params }) {
  const product = await load((await params).handle)
  if (!product) notFound()
  const meta = (product.metadata ?? {}) as Record<string, string | number | undefined>

  return (
    <article className="product-detail">
      <div className="product-media">
        {product.thumbnail && (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={product.thumbnail}
            alt={product.title}
            width={600}
            height={600}
            fetchPriority="high"
          />
        )}
      </div>
      <div className="product-info">
        <p className="chips">
          {(product.categories ?? []).map((category) => (
            <span key={category.id} className="chip">
              {category.name}
            </span>
          ))}
        </p>
        <h1>{product.title}</h1>
        {product.subtitle && <p className="lead">{product.subtitle}</p>}
        <ShareEarning
          product={{
            id: product.id,
            handle: product.handle,
            title: product.title,
            variants: product.variants,
          }}
        />
        <VariantPicker product={{ options: product.options, variants: product.variants }} />
        <WechatKfLink page={{ kind: "product", handle: product.handle, title: product.title }} />
        <dl className="facts">
          {meta.sample_type && (
            <>
              <dt>{messages.product.sampleType}</dt>
              <dd>{meta.sample_type}</dd>
            </>
          )}
          {meta.turnaround_days && (
            <>
              <dt>{messages.product.turnaround}</dt>
              <dd>
                {meta.turnaround_days} {messages.product.days}
              </dd>
            </>
          )}
          {meta.item_count && (
            <>
              <dt>{messages.product.items}</dt>
              <dd>{meta.item_count} 项</dd>
            </>
          )}
        </dl>
      </div>
      {product.description && (
        <section className="product-description">
          <h2>检测介绍</h2>
          <p>{product.description}</p>
        </section>
      )}
    </article>
  )
}
