"use client"

import {
  messages,
  MIN_SUGGEST_LENGTH,
  SEARCH_TYPE_LABELS,
  searchPageUrl,
  type SearchHit,
} from "@health/core"
import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect, useId, useRef, useState, type FormEvent } from "react"
import { HighlightedTitle } from "./highlighted-title"

/** Wait this long after the last keystroke before asking for suggestions. */
export const SUGGEST_DEBOUNCE_MS = 250

type Props = {
  initialQuery?: string
  /** Injected in tests; the Next route handler otherwise. */
  loadSuggestions?: (q: string, signal: AbortSignal) => Promise<SearchHit[]>
}

async function fetchSuggestions(q: string, signal: AbortSignal): Promise<SearchHit[]> {
  const response = await fetch(`/api/search/suggest?q=${encodeURIComponent(q)}`, { signal })
  if (!response.ok) throw new Error(`suggestions answered ${response.status}`)
  return ((await response.json()) as { suggestions: SearchHit[] }).suggestions
}

/** The header's search box: debounced suggestions while typing, Enter for the results page. */
export function SearchBox({ initialQuery = "", loadSuggestions = fetchSuggestions }: Props) {
  const router = useRouter()
  const listId = useId()
  const [query, setQuery] = useState(initialQuery)
  const [suggestions, setSuggestions] = useState<SearchHit[]>([])
  const [open, setOpen] = useState(false)
  const [failed, setFailed] = useState(false)
  const box = useRef<HTMLFormElement>(null)

  useEffect(() => {
    const q = query.trim()
    // Nothing to suggest for; the list is hidden below the minimum length anyway.
    if (q.length < MIN_SUGGEST_LENGTH) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      loadSuggestions(q, controller.signal).then(
        (hits) => {
          setSuggestions(hits)
          setFailed(false)
        },
        () => {
          if (!controller.signal.aborted) setFailed(true)
        }
      )
    }, SUGGEST_DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query, loadSuggestions])

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener("mousedown", close)
    return () => document.removeEventListener("mousedown", close)
  }, [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const q = query.trim()
    if (!q) return
    setOpen(false)
    router.push(searchPageUrl(q))
  }

  const showList = open && query.trim().length >= MIN_SUGGEST_LENGTH
  return (
    <form role="search" className="search-box" onSubmit={submit} ref={box}>
      <input
        type="search"
        role="combobox"
        name="q"
        value={query}
        placeholder={messages.search.placeholder}
        aria-label={messages.search.placeholder}
        aria-controls={listId}
        aria-expanded={showList}
        autoComplete="off"
        maxLength={100}
        onChange={(event) => {
          setQuery(event.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false)
        }}
      />
      <button type="submit">{messages.search.submit}</button>
      {showList && (suggestions.length > 0 || failed) ? (
        <ul
          id={listId}
          className="search-suggestions"
          aria-label={messages.search.suggestionsLabel}
        >
          {failed ? <li className="muted">{messages.search.error}</li> : null}
          {suggestions.map((hit) => (
            <li key={`${hit.type}:${hit.id}`}>
              <Link href={hit.url} onClick={() => setOpen(false)}>
                <span className="search-suggestion-type">{SEARCH_TYPE_LABELS[hit.type]}</span>
                <HighlightedTitle hit={hit} />
              </Link>
            </li>
          ))}
          <li>
            <Link href={searchPageUrl(query.trim())} onClick={() => setOpen(false)}>
              {messages.search.viewAll}
            </Link>
          </li>
        </ul>
      ) : null}
    </form>
  )
}
