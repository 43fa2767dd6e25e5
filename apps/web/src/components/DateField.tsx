'use client';

import { useId, useRef, useState } from 'react';
import { DAY_FORMAT_HINT, parseDay } from '../workspace/filters';
import styles from './DateField.module.css';

/** What a YYYY-MM-DD day looks like while it is being typed. */
const ISO_PREFIX = /^(\d{0,4}|\d{4}-\d{0,2}|\d{4}-\d{1,2}-\d{0,2})$/;

export interface DateFieldProps {
  label: string;
  /** The committed day (YYYY-MM-DD) or null when open. */
  value: string | null;
  onCommit: (day: string | null) => void;
  /** Where the calendar opens when the field is empty: the span of the data on the canvas. */
  span: { from: string; to: string } | null;
  /** Which end of the span the calendar opens on. */
  opensAt: 'from' | 'to';
}

/**
 * A day typed as YYYY-MM-DD. What is typed stays in the field (a draft) and
 * reaches the filters only once parseDay accepts it, so a half-typed year can
 * never become a filter; an invalid draft is marked and explained instead.
 * The calendar button opens the browser's picker on the data's span rather
 * than on today's month.
 */
export function DateField({ label, value, onCommit, span, opensAt }: DateFieldProps) {
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value ?? '');
  const [shownValue, setShownValue] = useState(value);
  const [blurred, setBlurred] = useState(false);
  // A new value from elsewhere (the brush, "All dates", undo) replaces the draft.
  if (value !== shownValue) {
    setShownValue(value);
    setDraft(value ?? '');
    setBlurred(false);
  }
  const parsed = parseDay(draft);
  // Marked invalid as soon as the text can no longer become a day, or once the field is left.
  const invalid = !parsed.ok && (blurred || !ISO_PREFIX.test(draft.trim()));

  const take = (text: string) => {
    setDraft(text);
    const next = parseDay(text);
    if (next.ok && next.day !== value) {
      setShownValue(next.day);
      onCommit(next.day);
    }
  };
  const openPicker = () => {
    const input = picker.current;
    if (!input) return;
    input.value = value ?? (span ? span[opensAt] : '');
    try {
      input.showPicker();
    } catch {
      // No picker in this browser (or not allowed here): typing still works.
      input.focus();
    }
  };

  return (
    <div className={styles.field}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className={styles.row}>
        <input
          id={`${id}-input`}
          type="text"
          className={styles.input}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder="YYYY-MM-DD"
          pattern="\d{4}-\d{1,2}-\d{1,2}"
          aria-label={`${label} date`}
          aria-invalid={invalid}
          aria-describedby={`${id}-hint`}
          value={draft}
          onChange={(e) => take(e.target.value)}
          onBlur={() => setBlurred(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setBlurred(true);
          }}
        />
        <button
          type="button"
          className={styles.pickerButton}
          aria-label={`Calendar for the ${label.toLowerCase()} day`}
          title="Pick on a calendar"
          onClick={openPicker}
        >
          <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5">
            <rect x="2" y="3" width="12" height="11" rx="1.5" />
            <path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" />
          </svg>
        </button>
        <input
          ref={picker}
          type="date"
          className={styles.native}
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            if (e.target.value) take(e.target.value);
          }}
        />
      </div>
      <span id={`${id}-hint`} className={invalid ? styles.error : 'visually-hidden'} aria-live="polite">
        {invalid && !parsed.ok ? parsed.error : DAY_FORMAT_HINT}
      </span>
    </div>
  );
}
