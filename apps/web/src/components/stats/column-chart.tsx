import Link from "next/link";
import { formatNumber } from "~/components/format";
import { type ChartItem, itemName } from "./chart-item";
import styles from "./stats.module.css";

/**
 * Vertical bars, one per item, each an SVG column scaled to the largest. Items with links are
 * links named like "1990s: 42 songs", which say all the chart says; without links, the chart is
 * hidden from screen readers and its figures are given to them as a table instead.
 */
export function ColumnChart({
  items,
  caption,
  itemHeading,
}: {
  items: ChartItem[];
  /** What the chart shows, as the table's caption. */
  caption: string;
  /** The heading of the table's first column: "Month". */
  itemHeading: string;
}) {
  const most = Math.max(1, ...items.map(({ songs }) => songs));
  const linked = items.some((item) => item.href);
  return (
    <>
      <ol className={styles.columns} aria-hidden={linked ? undefined : true}>
        {items.map((item) => {
          const height = (item.songs / most) * 100;
          const bar = (
            <>
              <span className={styles.columnValue}>{formatNumber(item.songs)}</span>
              <svg
                className={styles.column}
                viewBox="0 0 10 100"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect x="0" y={100 - height} width="10" height={height} />
              </svg>
              <span className={styles.columnLabel}>{item.label}</span>
            </>
          );
          return (
            <li key={item.key} className={styles.columnItem} title={itemName(item)}>
              {item.href ? (
                <Link href={item.href} aria-label={itemName(item)} className={styles.columnLink}>
                  {bar}
                </Link>
              ) : (
                <span className={styles.columnLink}>{bar}</span>
              )}
            </li>
          );
        })}
      </ol>
      {!linked && (
        <table className="visually-hidden">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{itemHeading}</th>
              <th scope="col">Songs</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.key}>
                <th scope="row">{item.fullLabel ?? item.label}</th>
                <td>{item.songs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
