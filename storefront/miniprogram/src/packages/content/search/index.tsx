import { Button, Input, Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import {
  highlightSegments,
  messages,
  MIN_SUGGEST_LENGTH,
  normalizeQuery,
  SEARCH_TYPE_LABELS,
  SEARCH_TYPES,
  type SearchHit,
  type SearchResults,
  type SearchType,
} from "@health/core"
import { useEffect, useState } from "react"
import { siteSearch } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { go, routes } from "../../../lib/navigate"
import { webLinkRoute } from "../../../lib/web-link-route"

/** As on the web: wait this long after the last keystroke before asking for suggestions. */
export const SUGGEST_DEBOUNCE_MS = 250
/** Suggestions per type, as the web's header box shows. */
const SUGGESTIONS_PER_TYPE = 3
/** Hits per tab on the results. */
const RESULTS_PER_TYPE = 20

type Found = { q: string; results: SearchResults } | { q: string; problem: string }

/** 搜索: suggestions while typing, then products, articles and collection sites in tabs. */
export default function Search() {
  const initial = normalizeQuery(useRouter().params.q)
  const [query, setQuery] = useState(initial)
  const [suggestions, setSuggestions] = useState<SearchHit[]>([])
  const [found, setFound] = useState<Found | null>(null)
  const [type, setType] = useState<SearchType>("product")
  const [searching, setSearching] = useState(false)

  useEffect(() => {
    if (initial) void run(initial)
  }, [initial])

  useEffect(() => {
    const q = normalizeQuery(query)
    // Results are on screen for this query: no suggestions over them.
    if (q.length < MIN_SUGGEST_LENGTH || (found && found.q === q)) {
      setSuggestions([])
      return
    }
    let live = true
    const timer = setTimeout(() => {
      siteSearch.search(q, { limit: SUGGESTIONS_PER_TYPE }).then(
        (results) =>
          live && setSuggestions(SEARCH_TYPES.flatMap((t) => results.groups?.[t]?.hits ?? [])),
        // Suggestions are a convenience: the search button still answers with the reason.
        () => live && setSuggestions([])
      )
    }, SUGGEST_DEBOUNCE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query, found])

  async function run(raw: string) {
    const q = normalizeQuery(raw)
    if (!q) return
    setSearching(true)
    setSuggestions([])
    try {
      const results = await siteSearch.search(q, { limit: RESULTS_PER_TYPE })
      setFound({ q, results })
      // Open the first tab that found something.
      setType(SEARCH_TYPES.find((t) => results.groups?.[t]?.count) ?? "product")
    } catch (error) {
      setFound({ q, problem: explainError(error, messages.search.error) })
    } finally {
      setSearching(false)
    }
  }

  return (
    <View className="page" data-testid="search">
      <View className="section">
        <View className="row">
          <Input
            className="field__input"
            data-testid="search-input"
            value={query}
            placeholder={messages.search.placeholder}
            maxlength={100}
            confirmType="search"
            onInput={(event) => setQuery(event.detail.value)}
            onConfirm={() => run(query)}
          />
          <Button
            size="mini"
            className="btn-primary"
            data-testid="search-submit"
            disabled={searching}
            onClick={() => run(query)}
          >
            {messages.search.submit}
          </Button>
        </View>
        {suggestions.length > 0 ? (
          <View data-testid="search-suggestions">
            {suggestions.map((hit) => (
              <View
                key={`${hit.type}:${hit.id}`}
                className="list-item"
                data-testid="search-suggestion"
                onClick={() => openHit(hit)}
              >
                <Text className="muted">{SEARCH_TYPE_LABELS[hit.type]}</Text>
                <HitTitle hit={hit} />
              </View>
            ))}
            <View className="list-item" onClick={() => run(query)}>
              <Text>{messages.search.viewAll}</Text>
            </View>
          </View>
        ) : null}
      </View>
      {found ? <Results found={found} type={type} onType={setType} /> : null}
      {!found && !query ? <Text className="muted">{messages.search.prompt}</Text> : null}
    </View>
  )
}

function Results({
  found,
  type,
  onType,
}: {
  found: Found
  type: SearchType
  onType: (type: SearchType) => void
}) {
  if ("problem" in found) {
    return (
      <Text className="error-text" data-testid="search-problem">
        {found.problem}
      </Text>
    )
  }
  const hits = found.results.groups?.[type]?.hits ?? []
  return (
    <View data-testid="search-results">
      <View className="tabs">
        {SEARCH_TYPES.map((t) => (
          <Text
            key={t}
            className={t === type ? "tab tab--active" : "tab"}
            data-testid={`search-tab-${t}`}
            onClick={() => onType(t)}
          >
            {SEARCH_TYPE_LABELS[t]} {found.results.groups?.[t]?.count ?? 0}
          </Text>
        ))}
      </View>
      {hits.length === 0 ? (
        <Text className="muted">{messages.search.empty}</Text>
      ) : (
        hits.map((hit) => (
          <View
            key={hit.id}
            className="section"
            data-testid="search-hit"
            onClick={() => openHit(hit)}
          >
            <HitTitle hit={hit} />
            {hit.subtitle ? <Text className="muted">{hit.subtitle}</Text> : null}
          </View>
        ))
      )}
    </View>
  )
}

function HitTitle({ hit }: { hit: SearchHit }) {
  return (
    <Text className="section__title">
      {highlightSegments(hit).map((segment, index) =>
        segment.marked ? (
          <Text key={index} className="price">
            {segment.text}
          </Text>
        ) : (
          segment.text
        )
      )}
    </Text>
  )
}

/** A hit's web path as the mini-program page that shows it (a site: the sites list). */
function openHit(hit: SearchHit) {
  go(webLinkRoute(hit.url) ?? (hit.type === "site" ? routes.sites : routes.search(hit.title)))
}
