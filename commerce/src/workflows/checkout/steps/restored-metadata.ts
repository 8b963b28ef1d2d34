/**
 * Metadata as it was before a step wrote `keys`: Medusa's cart module merges what it is
 * given into what is there, so a key the step added is written back as "" (which readers
 * take as unset, as Medusa's own routes do), not left out.
 */
export function restoredMetadata(
  before: Record<string, unknown> | null,
  keys: string[]
): Record<string, unknown> {
  const restored: Record<string, unknown> = { ...(before ?? {}) }
  for (const key of keys) if (!(key in restored)) restored[key] = ""
  return restored
}
