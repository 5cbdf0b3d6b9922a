/** A page's `searchParams` prop as the URLSearchParams its client components read. */
export function toURLSearchParams(
  record: Record<string, string | string[] | undefined>,
): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(record)) {
    for (const one of [value ?? []].flat()) search.append(name, one);
  }
  return search;
}
