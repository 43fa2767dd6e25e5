'use client';

import { useRef, useState, type PointerEvent } from 'react';
import { formatPartialDate } from '../lib/format';
import { rangeOfBins, type Histogram } from '../timeline/histogram';
import styles from './TimelineHistogram.module.css';

const WIDTH = 300;
const HEIGHT = 64;

export interface TimelineHistogramProps {
  histogram: Histogram;
  /** The date filter (inclusive days), null when open. */
  from: string | null;
  to: string | null;
  onBrush: (range: { from: string; to: string }) => void;
}

/**
 * Bars of how many relations on the canvas happened in each day, month or
 * year. Dragging across bars (a brush) sets the date filter to those bins;
 * the From/To fields beside it do the same from the keyboard.
 */
export function TimelineHistogram({ histogram, from, to, onBrush }: TimelineHistogramProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const { bins } = histogram;
  if (bins.length === 0) return <p className={`muted ${styles.empty}`}>No dated relations on the canvas yet.</p>;

  const max = Math.max(1, ...bins.map((b) => b.count));
  const w = WIDTH / bins.length;
  const indexAt = (event: PointerEvent<SVGSVGElement>) => {
    const box = svgRef.current!.getBoundingClientRect();
    const x = ((event.clientX - box.left) / Math.max(1, box.width)) * WIDTH;
    return Math.max(0, Math.min(bins.length - 1, Math.floor(x / w)));
  };
  const inBrush = (i: number) => (drag ? i >= Math.min(drag.start, drag.end) && i <= Math.max(drag.start, drag.end) : false);
  const inFilter = (i: number) => {
    const b = bins[i]!;
    return (from !== null || to !== null) && (from === null || b.end >= from) && (to === null || b.start <= to);
  };
  const first = bins[0]!;
  const last = bins[bins.length - 1]!;

  return (
    <figure className={styles.histogram} data-unit={histogram.unit}>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Relations per ${histogram.unit} from ${first.label} to ${last.label}; drag across the bars to filter by date`}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture?.(event.pointerId);
          const i = indexAt(event);
          setDrag({ start: i, end: i });
        }}
        onPointerMove={(event) => {
          if (drag) setDrag({ ...drag, end: indexAt(event) });
        }}
        onPointerUp={(event) => {
          if (!drag) return;
          const range = rangeOfBins(bins, drag.start, indexAt(event));
          setDrag(null);
          if (range) onBrush(range);
        }}
        onPointerCancel={() => setDrag(null)}
      >
        {bins.map((b, i) => {
          const h = b.count === 0 ? 0 : Math.max(2, (b.count / max) * (HEIGHT - 4));
          return (
            <g key={b.start}>
              <rect x={i * w} y={0} width={w} height={HEIGHT} className={styles.slot} />
              <rect
                x={i * w + Math.min(1, w * 0.1)}
                y={HEIGHT - h}
                width={Math.max(0.5, w - Math.min(2, w * 0.2))}
                height={h}
                className={`${styles.bar}${inBrush(i) ? ` ${styles.brushing}` : inFilter(i) ? ` ${styles.inRange}` : ''}`}
                data-start={b.start}
                data-end={b.end}
                data-count={b.count}
              >
                <title>{`${b.label}: ${b.count} relation${b.count === 1 ? '' : 's'}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.axis}>
        <span>{formatPartialDate(first.start)}</span>
        <span>{histogram.undated > 0 ? `${histogram.undated} undated` : ''}</span>
        <span>{formatPartialDate(last.end)}</span>
      </figcaption>
    </figure>
  );
}
