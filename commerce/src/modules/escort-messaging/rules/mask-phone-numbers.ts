/**
 * Phone numbers in a message, masked so the two parties cannot take the service off the
 * platform (issue #20 item 4): mainland mobiles keep their first three and last four digits
 * (138****5678, also when written 138-1234-5678 or +86 138 1234 5678), landlines keep their
 * area code and last four (0731-****7788). Digits inside longer numbers (ID numbers, order
 * numbers) are left alone.
 */
const MOBILE = /(?<!\d)((?:\+?86[\s-]?)?1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g
const LANDLINE = /(?<!\d)(0\d{2,3})([\s-]?)(\d{3,4})[\s-]?(\d{4})(?!\d)/g

export function maskPhoneNumbers(text: string): string {
  return text
    .replace(MOBILE, (_all, head: string, _middle: string, tail: string) => `${head}****${tail}`)
    .replace(
      LANDLINE,
      (_all, area: string, separator: string, _middle: string, tail: string) =>
        `${area}${separator}****${tail}`
    )
}
