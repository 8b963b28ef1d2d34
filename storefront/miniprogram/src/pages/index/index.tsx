import { Text, View } from "@tarojs/components"
import { messages } from "@health/core"

export default function Home() {
  return (
    <View>
      <Text>{messages.brand}</Text>
    </View>
  )
}
