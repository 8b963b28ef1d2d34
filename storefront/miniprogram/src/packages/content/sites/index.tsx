import { Button, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  formatDistance,
  messages,
  sitesByDistance,
  type CollectionSite,
  type SiteWithDistance,
} from "@health/core"
import { useState } from "react"
import { StateView } from "../../../components/state-view"
import { cms } from "../../../lib/clients"
import { memberLocation } from "../../../lib/member-location"
import { go, routes } from "../../../lib/navigate"
import { openSiteMap, siteCoordinates, tencentMapUrl } from "../../../lib/site-map"
import { useLoad } from "../../../lib/use-load"

type Nearby =
  | { state: "locating" }
  | { state: "sorted"; from: { latitude: number; longitude: number } }
  | { state: "refused"; problem: string }

/**
 * 采集点: every open site; "附近的采集点" asks for the member's place (only then) and puts the
 * nearest first with their distance. Refused, the list stays as it was, with why.
 */
export default function Sites() {
  const { result, reload } = useLoad(() => cms.listCollectionSites())
  const [nearby, setNearby] = useState<Nearby | null>(null)

  async function findNearest() {
    setNearby({ state: "locating" })
    const answer = await memberLocation()
    setNearby(
      "at" in answer
        ? { state: "sorted", from: answer.at }
        : { state: "refused", problem: answer.problem }
    )
  }

  const ordered = (sites: CollectionSite[]): SiteWithDistance[] =>
    nearby?.state === "sorted"
      ? sitesByDistance(sites, nearby.from)
      : sites.map((site) => ({ site, metres: null }))

  return (
    <View className="page" data-testid="sites">
      <View className="section">
        <Button
          className="btn-primary"
          data-testid="sites-nearest"
          disabled={nearby?.state === "locating"}
          onClick={findNearest}
        >
          {nearby?.state === "locating" ? "正在定位…" : "附近的采集点"}
        </Button>
        {nearby?.state === "sorted" ? (
          <Text className="muted" data-testid="sites-sorted">
            已按距离由近到远排列
          </Text>
        ) : null}
        {nearby?.state === "refused" ? (
          <Text className="muted" data-testid="sites-location-problem">
            {nearby.problem}
          </Text>
        ) : null}
      </View>
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(sites) => sites.length === 0}
        empty={<Text>{messages.sites.empty}</Text>}
      >
        {(sites) =>
          ordered(sites).map(({ site, metres }) => (
            <SiteCard key={site.documentId} site={site} metres={metres} />
          ))
        }
      </StateView>
    </View>
  )
}

function SiteCard({ site, metres }: SiteWithDistance) {
  return (
    <View className="section" data-testid="site">
      <View className="row">
        <Text className="section__title">{site.name}</Text>
        {metres !== null ? (
          <Text className="notice-text" data-testid="site-distance">
            {formatDistance(metres)}
          </Text>
        ) : null}
      </View>
      <Text className="muted">
        {site.city}
        {site.district ?? ""} {site.address}
      </Text>
      {site.hours ? (
        <Text className="muted">
          {messages.sites.hours}：{site.hours}
        </Text>
      ) : null}
      {site.phone ? (
        <Text className="muted" onClick={() => Taro.makePhoneCall({ phoneNumber: site.phone! })}>
          {messages.sites.phone}：{site.phone}
        </Text>
      ) : null}
      <View className="row">
        {siteCoordinates(site) ? (
          <Button
            size="mini"
            data-testid="site-map"
            data-href={tencentMapUrl(site) ?? ""}
            onClick={() => openSiteMap(site)}
          >
            {messages.sites.map}
          </Button>
        ) : null}
        <Button
          size="mini"
          className="btn-primary"
          onClick={() => go(`${routes.appointments}?site=${site.documentId}`)}
        >
          预约采样
        </Button>
      </View>
    </View>
  )
}
