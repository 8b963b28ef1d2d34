"use client"

/** What a step or a 报备 may carry besides text: photos and whether to send the place. */
export type PhotoAndPlace = { photos: File[]; withLocation: boolean }

/** 拍照 / 选择照片 and 附带当前位置, for a step or a 报备. */
export function EscortPhotoAndPlace({
  value,
  onChange,
  maxPhotos = 1,
  idPrefix,
}: {
  value: PhotoAndPlace
  onChange: (next: PhotoAndPlace) => void
  maxPhotos?: number
  idPrefix: string
}) {
  return (
    <div className="escort-photo-place">
      <label>
        {maxPhotos > 1 ? `照片（可选，最多 ${maxPhotos} 张）` : "照片（可选）"}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          multiple={maxPhotos > 1}
          data-testid={`${idPrefix}-photo`}
          onChange={(event) =>
            onChange({ ...value, photos: [...(event.target.files ?? [])].slice(0, maxPhotos) })
          }
        />
      </label>
      {value.photos.length > 0 && <p className="muted">已选 {value.photos.length} 张照片</p>}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.withLocation}
          data-testid={`${idPrefix}-location`}
          onChange={(event) => onChange({ ...value, withLocation: event.target.checked })}
        />
        附带当前位置
      </label>
    </div>
  )
}
