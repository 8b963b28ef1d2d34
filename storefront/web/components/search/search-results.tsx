import {
  messages,
  SEARCH_TYPE_LABELS,
  SEARCH_TYPES,
  searchPageUrl,
  type SearchHit,
  type SearchResults as Results,
  type SearchType,
} from "@health/core"
import Link from "next/link"
import { HighlightedTitle } from "./highlighted-title"

type Props =
  | { q: string; type: SearchType; results: Results; failed?: false }
  | { q: string; type: SearchType; results?: undefined; failed: true }

function HitRow({ hit }: { hit: SearchHit }) {
  return (
    <li className="search-hit" data-testid="search-hit">
      {hit.thumbnail ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={hit.thumbnail} alt="" width={64} height={64} />
      ) : null}
      <div>
        <Link href={hit.url} className="search-hit-title">
          <HighlightedTitle hit={hit} />
        </Link>
        {hit.subtitle ? <p className="muted">{hit.subtitle}</p> : null}
      </div>
    </li>
  )
}

/** Tabs 检测产品 / 健康资讯 / 采集点 with counts, the active tab's hits, or why there are none. */
export function SearchResults({ q, type, results, failed }: Props) {
  if (failed) {
    return (
      <p className="empty" role="alert">
        {messages.search.error}
      </p>
    )
  }
  const hits = results.groups?.[type]?.hits ?? []
  return (
    <>
      <nav className="tabs" aria-label={messages.search.resultsFor}>
        {SEARCH_TYPES.map((t) => (
          <Link
            key={t}
            href={searchPageUrl(q, t)}
            className={t === type ? "tab active" : "tab"}
            aria-current={t === type ? "page" : undefined}
          >
            {SEARCH_TYPE_LABELS[t]} {results.groups?.[t]?.count ?? 0}
          </Link>
        ))}
      </nav>
      {hits.length === 0 ? (
        <p className="empty">{messages.search.empty}</p>
      ) : (
        <ul className="search-hits">
          {hits.map((hit) => (
            <HitRow key={hit.id} hit={hit} />
          ))}
        </ul>
      )}
    </>
  )
}
