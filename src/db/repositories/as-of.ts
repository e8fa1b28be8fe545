/** The instant that ends an "as of" day: records made before it are the ones seen that day. */
export function endOfDay(asOf: string): string {
  return `${asOf}T23:59:59.999999Z`;
}
