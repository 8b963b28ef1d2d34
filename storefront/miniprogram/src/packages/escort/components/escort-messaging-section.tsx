import { View } from "@tarojs/components"
import { EscortConversation } from "./escort-conversation"
import { EscortServiceReportView } from "./escort-service-report"

/** A booking's conversation with its escort and, after the service, the escort's report. */
export function EscortMessagingSection(props: {
  token: string
  bookingId: string
  status: string
}) {
  return (
    <View>
      <EscortConversation {...props} />
      <EscortServiceReportView {...props} />
    </View>
  )
}
