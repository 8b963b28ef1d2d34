import { PinIcon } from "@/components/icons"
import { messages, type CollectionSite } from "@health/core"

/** Tencent Maps marker link: opens the map app or page; nothing is loaded here. */
function mapLink(site: CollectionSite): string | null {
  if (
    site.latitude === null ||
    site.latitude === undefined ||
    site.longitude === null ||
    site.longitude === undefined
  ) {
    return null
  }
  return `https://apis.map.qq.com/uri/v1/marker?marker=coord:${site.latitude},${site.longitude};title:${encodeURIComponent(site.name)};addr:${encodeURIComponent(site.address)}&referer=health`
}

export function SiteCard({ site }: { site: CollectionSite }) {
  const map = mapLink(site)
  return (
    <article id={`site-${site.documentId}`} className="card site-card" data-testid="site-card">
      <div className="card-body">
        <h3 className="card-title">{site.name}</h3>
        <p className="site-address">
          {site.city}
          {site.district ? ` · ${site.district}` : ""}
          <br />
          {site.address}
        </p>
        <dl className="site-facts">
          {site.hours && (
            <>
              <dt>{messages.sites.hours}</dt>
              <dd>{site.hours}</dd>
            </>
          )}
          {site.phone && (
            <>
              <dt>{messages.sites.phone}</dt>
              <dd>
                <a href={`tel:${site.phone}`}>{site.phone}</a>
              </dd>
            </>
          )}
        </dl>
        {site.services && site.services.length > 0 && (
          <p className="chips">
            {site.services.map((service) => (
              <span key={service} className="chip">
                {service}
              </span>
            ))}
          </p>
        )}
        {map && (
          <a className="button secondary" href={map} target="_blank" rel="noopener noreferrer">
            <PinIcon /> {messages.sites.map}
          </a>
        )}
      </div>
    </article>
  )
}
