import { Picker, Text, View } from "@tarojs/components"
import {
  regionColumnsAt,
  regionIndicesOf,
  turnRegionColumn,
  type RegionChoice,
  type RegionIndices,
} from "@health/core/commerce/cn-regions"
import { useEffect, useState } from "react"

/** Shown in the third wheel for a city without districts (东莞市, 仙桃市): a wheel is never empty. */
const NO_DISTRICT = "—"

const startAt = (value: RegionChoice): RegionIndices => regionIndicesOf(value) ?? [0, 0, 0]

/**
 * 所在地区: province → city → district as one three-wheel picker over the lists the server
 * checks addresses against. Turning a wheel refills the wheels right of it, so a city always
 * belongs to its province and a district to its city. A saved value the lists do not know
 * is shown as it is until the member picks again (the form then asks them to). A value set
 * from outside (a saved address, an address from WeChat) moves the wheels to it.
 */
export function RegionPicker({
  value,
  onChange,
}: {
  value: RegionChoice
  onChange: (choice: RegionChoice) => void
}) {
  const [positions, setPositions] = useState<RegionIndices>(() => startAt(value))
  const { province, city, district } = value
  useEffect(() => setPositions(startAt({ province, city, district })), [province, city, district])
  const { columns } = regionColumnsAt(positions)
  const shown = [value.province, value.city, value.district].filter(Boolean).join(" ")
  return (
    <Picker
      mode="multiSelector"
      data-testid="region-picker"
      range={[columns[0], columns[1], columns[2].length ? columns[2] : [NO_DISTRICT]]}
      value={positions}
      onColumnChange={(e) =>
        setPositions(turnRegionColumn(positions, e.detail.column, Number(e.detail.value)))
      }
      onChange={(e) => {
        const picked = regionColumnsAt(e.detail.value as number[])
        setPositions(picked.indices)
        onChange(picked.choice)
      }}
      onCancel={() => setPositions(startAt(value))}
    >
      <View className="field__input">
        {shown ? (
          <Text data-testid="region-value">{shown}</Text>
        ) : (
          <Text className="muted" data-testid="region-value">
            请选择省 / 市 / 区县
          </Text>
        )}
      </View>
    </Picker>
  )
}
