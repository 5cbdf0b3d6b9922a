import Link from "next/link";
import { formatNumber } from "~/components/format";
import { type ChartItem, itemName } from "./chart-item";
import styles from "./stats.module.css";

/**
 * Horizontal bars, most songs first: each row the item's link (named like "Nirvana: 12 songs"),
 * an SVG bar scaled to the largest, and the count. The links say all the chart says.
 */
export function BarList({ items, label }: { items: ChartItem[]; label: string }) {
  const most = Math.max(1, ...items.map(({ songs }) => songs));
  return (
    <ol className={styles.bars} aria-label={label}>
      {items.map((item) => (
        <li key={item.key} className={styles.barRow}>
          {item.href ? (
            <Link href={item.href} aria-label={itemName(item)} className={styles.barLabel}>
              {item.label}
            </Link>
          ) : (
            <span className={styles.barLabel}>{item.label}</span>
          )}
          <svg
            className={styles.bar}
            viewBox="0 0 100 10"
            preserveAspectRatio="none"
            aria-hidden="true"
            focusable="false"
          >
            <rect x="0" y="0" width={(item.songs / most) * 100} height="10" />
          </svg>
          <span className={styles.barValue} aria-hidden="true">
            {formatNumber(item.songs)}
          </span>
        </li>
      ))}
    </ol>
  );
}
