import { Button, Text, View } from "@tarojs/components"
import { formatCNY } from "@health/core"
import { StateView } from "../../../components/state-view"
import { escort } from "../../../lib/clients"
import { go, routes } from "../../../lib/navigate"
import { useMemberLoad } from "../../../lib/use-member-load"

/** 我的陪诊: the member's bookings, newest first; each opens its live timeline. */
export default function EscortBookings() {
  const { result, reload } = useMemberLoad((token) => escort.list(token))
  return (
    <View className="page" data-testid="escort-bookings">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(list) => list.length === 0}
        empty={
          <View data-testid="escort-bookings-empty">
            <Text>还没有陪诊预约</Text>
            <Button className="btn-primary" onClick={() => go(routes.escortBook())}>
              预约陪诊
            </Button>
          </View>
        }
      >
        {(list) => (
          <View className="section">
            {list.map((booking) => (
              <View
                key={booking.id}
                className="list-item"
                data-testid="escort-booking-row"
                onClick={() => go(routes.escortBooking(booking.id))}
              >
                <View>
                  <Text>{booking.service.name}</Text>
                  <Text className="muted">
                    {" "}
                    {booking.hospital.name} · {booking.date} {booking.time_window.start}-
                    {booking.time_window.end}
                  </Text>
                </View>
                <Text>
                  {booking.status_label} · {formatCNY(booking.price_fen / 100)}
                </Text>
              </View>
            ))}
            <Button className="btn-primary" onClick={() => go(routes.escortBook())}>
              再约一次
            </Button>
          </View>
        )}
      </StateView>
    </View>
  )
}
