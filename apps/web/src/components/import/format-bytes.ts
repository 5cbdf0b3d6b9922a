const size = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** "512 B", "64 KiB", "12.5 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${size.format(bytes / 1024)} KiB`;
  return `${size.format(bytes / (1024 * 1024))} MiB`;
}
