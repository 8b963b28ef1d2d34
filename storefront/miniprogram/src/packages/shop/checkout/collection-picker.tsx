import { Button, Text, View } from "@tarojs/components"
import {
  describeCollectionChoice,
  formatAppointmentDay,
  shiftDay,
  slotLabel,
  type CollectionSite,
} from "@health/core"
import {
  COLLECTION_DAYS_SHOWN,
  loadCollectionAvailability,
  type CollectionAvailabilityState,
} from "@health/core/appointments/collection-availability"
import { COLLECTION_PICKER_TEXT } from "@health/core/appointments/collection-pick"
import { useState } from "react"
import { appointments } from "../../../lib/clients"

/** The site and slot picked for on-site collection; slot is "YYYY-MM-DD HH:MM-HH:MM". */
export type CollectionPick = { siteId: string; siteName: string; slot: string }

export const NO_PICK: CollectionPick = { siteId: "", siteName: "", slot: "" }

/**
 * 采集点现场采集 at checkout, as the web's picker: an active collection site from the CMS,
 * then a day and slot with the places left (commerce's availability), seven days at a time.
 * The appointment itself is booked by commerce once the order is placed.
 */
export function CollectionPicker({
  token,
  sites,
  pick,
  onPick,
}: {
  token: string
  /** null when the CMS could not be read. */
  sites: CollectionSite[] | null
  pick: CollectionPick
  onPick: (pick: CollectionPick) => void
}) {
  const [state, setState] = useState<CollectionAvailabilityState>({})
  const [loading, setLoading] = useState(false)
  // The first day offered (today, or the first day still open): no paging back before it.
  const [earliest, setEarliest] = useState<string>()

  async function load(siteId: string, from?: string) {
    setLoading(true)
    const next = await loadCollectionAvailability(appointments, token, siteId, from)
    if (!from) setEarliest(next.availability?.days[0]?.date)
    setState(next)
    setLoading(false)
  }

  if (sites === null) {
    return (
      <Text className="error-text" data-testid="collection-sites-error">
        {COLLECTION_PICKER_TEXT.sitesUnreadable}
      </Text>
    )
  }
  if (!sites.length) {
    return (
      <Text className="muted" data-testid="collection-no-sites">
        {COLLECTION_PICKER_TEXT.noSites}
      </Text>
    )
  }

  const availability = state.availability?.site.id === pick.siteId ? state.availability : undefined
  const [date, slot] = pick.slot.split(" ")
  const open = availability?.days.some((day) => day.slots.some((s) => s.bookable))
  const firstDay = availability?.days[0]?.date
  const lastDay = availability?.days.at(-1)?.date

  return (
    <View data-testid="collection-picker">
      <Text className="muted">{COLLECTION_PICKER_TEXT.intro}</Text>
      <View className="chips">
        {sites.map((site) => (
          <View
            key={site.documentId}
            data-testid="collection-site"
            className={`chip ${site.documentId === pick.siteId ? "chip--active" : ""}`}
            onClick={() => {
              onPick({ siteId: site.documentId, siteName: site.name, slot: "" })
              load(site.documentId)
            }}
          >
            {`${site.name} · ${site.district ?? site.city}`}
          </View>
        ))}
      </View>
      {loading ? <Text className="muted">{COLLECTION_PICKER_TEXT.loadingSlots}</Text> : null}
      {state.error && pick.siteId ? (
        <Text className="error-text" data-testid="collection-slots-error">
          {state.error}
        </Text>
      ) : null}
      {availability ? (
        <View>
          <Text className="muted">
            {availability.site.address}
            {availability.site.hours ? ` · 营业时间 ${availability.site.hours}` : ""}
          </Text>
          {!open ? (
            <Text className="muted" data-testid="collection-slots-full">
              {COLLECTION_PICKER_TEXT.allFull}
            </Text>
          ) : null}
          {availability.days.map((day) => (
            <View key={day.date}>
              <Text className="muted">{formatAppointmentDay(day.date)}</Text>
              <View className="chips">
                {day.slots.map((s) => {
                  const value = `${day.date} ${s.slot}`
                  return (
                    <View
                      key={s.slot}
                      data-testid="collection-slot"
                      data-bookable={s.bookable ? "yes" : "no"}
                      className={`chip ${pick.slot === value ? "chip--active" : ""} ${
                        s.bookable ? "" : "chip--disabled"
                      }`}
                      onClick={() =>
                        s.bookable &&
                        onPick({ ...pick, siteName: availability.site.name, slot: value })
                      }
                    >
                      {`${s.slot} · ${slotLabel(s)}`}
                    </View>
                  )
                })}
              </View>
            </View>
          ))}
          <View className="row">
            {firstDay && earliest && firstDay > earliest ? (
              <Button
                size="mini"
                data-testid="collection-earlier"
                onClick={() => load(pick.siteId, shiftDay(firstDay, -COLLECTION_DAYS_SHOWN))}
              >
                {`前 ${COLLECTION_DAYS_SHOWN} 天`}
              </Button>
            ) : null}
            {lastDay ? (
              <Button
                size="mini"
                data-testid="collection-later"
                onClick={() => load(pick.siteId, shiftDay(lastDay, 1))}
              >
                {`后 ${COLLECTION_DAYS_SHOWN} 天`}
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
      {date && slot ? (
        <Text data-testid="collection-choice">
          已选：
          {describeCollectionChoice({
            site_id: pick.siteId,
            site_name: pick.siteName,
            date,
            slot,
          })}
        </Text>
      ) : null}
    </View>
  )
}
