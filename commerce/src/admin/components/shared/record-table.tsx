import { Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

export type RecordColumn<Row> = {
  header: ReactNode
  cell: (row: Row, index: number) => ReactNode
  className?: string
}

type RecordTableProps<Row> = {
  rows: Row[]
  columns: RecordColumn<Row>[]
  rowKey: (row: Row) => string
  /** Said instead of an empty table; nothing is shown when left out. */
  empty?: ReactNode
  emptyClassName?: string
  /** For lists whose rows open or choose something. */
  onRowClick?: (row: Row) => void
  rowClassName?: (row: Row) => string | undefined
}

/**
 * A list screen's table: headers and cells from one column list, so a screen says only what
 * its columns are, and every list says "nothing here" the same way.
 */
export function RecordTable<Row>({
  rows,
  columns,
  rowKey,
  empty,
  emptyClassName = "px-6 py-4 text-ui-fg-subtle",
  onRowClick,
  rowClassName,
}: RecordTableProps<Row>) {
  if (rows.length === 0) {
    return empty ? <Text className={emptyClassName}>{empty}</Text> : null
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          {columns.map((column, index) => (
            <Table.HeaderCell key={index} className={column.className}>
              {column.header}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row, rowIndex) => (
          <Table.Row
            key={rowKey(row)}
            className={rowClassName?.(row)}
            onClick={onRowClick && (() => onRowClick(row))}
          >
            {columns.map((column, index) => (
              <Table.Cell key={index} className={column.className}>
                {column.cell(row, rowIndex)}
              </Table.Cell>
            ))}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
