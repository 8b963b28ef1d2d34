import { Button, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { messages } from "@health/core"
import { StateView } from "../../../components/state-view"
import { cms } from "../../../lib/clients"
import { go, routes } from "../../../lib/navigate"
import { openSiteMap, siteCoordinates, tencentMapUrl } from "../../../lib/site-map"
import { useLoad } from "../../../lib/use-load"

export default function Sites() {
  const { result, reload } = useLoad(() => cms.listCollectionSites())
  return (
    <View className="page" data-testid="sites">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(sites) => sites.length === 0}
        empty={<Text>{messages.sites.empty}</Text>}
      >
        {(sites) =>
          sites.map((site) => (
            <View key={site.documentId} className="section" data-testid="site">
              <Text className="section__title">{site.name}</Text>
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
                <Text
                  className="muted"
                  onClick={() => Taro.makePhoneCall({ phoneNumber: site.phone! })}
                >
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
          ))
        }
      </StateView>
    </View>
  )
}
