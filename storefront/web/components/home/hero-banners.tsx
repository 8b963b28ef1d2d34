import type { Banner } from "@health/core"
import Link from "next/link"

/** CMS hero banners; nothing at all when the CMS has none or is unreachable. */
export function HeroBanners({ banners }: { banners: Banner[] }) {
  if (!banners.length) return null
  return (
    <section className="hero" aria-label="推荐活动">
      {banners.map((banner, index) => (
        <Link key={banner.documentId} href={banner.link || "/"} className="hero-slide">
          {banner.image && (
            // The first banner is the page's largest picture: fetched first, never lazily.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={banner.image.url}
              alt=""
              className="hero-image"
              fetchPriority={index === 0 ? "high" : "low"}
              loading={index === 0 ? "eager" : "lazy"}
            />
          )}
          <div className="hero-text">
            <h2>{banner.title}</h2>
            {banner.subtitle && <p>{banner.subtitle}</p>}
          </div>
        </Link>
      ))}
    </section>
  )
}
