'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { ENTITY_KIND_INFO } from '@steppe/domain';
import { isAbort, type GraphQLClient } from '../api/client';
import { normaliseSearch, searchDocuments, searchEntities } from '../api/queries';
import type { DocumentPassageData, SearchHit } from '../api/types';
import { flattenGroups, groupHits, moveActive } from '../search/group';
import { useDebouncedValue } from './hooks';
import { KindIcon } from './KindBadge';
import { PassageOption } from './reader/PassageOption';
import styles from './SearchBox.module.css';

export const SEARCH_DEBOUNCE_MS = 250;
export const MIN_SEARCH_LENGTH = 2;

/** The answer to one query; which query is on screen is derived from it. */
type SearchOutcome =
  | { query: string; ok: true; hits: SearchHit[]; totalCount: number; suggestions: SearchHit[] }
  | { query: string; ok: false; message: string };

type SearchView =
  | { status: 'idle' }
  | { status: 'loading'; query: string }
  | { status: 'done'; query: string; hits: SearchHit[]; totalCount: number; suggestions: SearchHit[] }
  | { status: 'error'; query: string; message: string };

function viewOf(query: string, outcome: SearchOutcome | null): SearchView {
  if (query.length < MIN_SEARCH_LENGTH) return { status: 'idle' };
  if (!outcome || outcome.query !== query) return { status: 'loading', query };
  return outcome.ok
    ? { status: 'done', query, hits: outcome.hits, totalCount: outcome.totalCount, suggestions: outcome.suggestions }
    : { status: 'error', query, message: outcome.message };
}

export interface SearchBoxProps {
  client: GraphQLClient;
  /** Called with the entity the analyst chose (click or Enter). */
  onChoose: (hit: SearchHit) => void;
  /** Every request's outcome, for the API health tracker. */
  onOutcome?: (outcome: unknown) => void;
  /** Changes when the API comes back after an outage: a failed search is retried. */
  retryToken?: number;
  debounceMs?: number;
  /** The field's visible label. */
  label?: string;
  placeholder?: string;
  /** Show the chosen entity's name in the field after choosing (for pickers). */
  keepChoice?: boolean;
  /** Receives the input element, e.g. so that a shortcut can focus it. */
  inputRef?: Ref<HTMLInputElement>;
  /**
   * When given, the documents are searched too: matching passages are listed under the entities ("In the
   * documents") and choosing one calls this.
   */
  onChoosePassage?: (passage: DocumentPassageData) => void;
  /** Where it stands: in the top bar (one row, the label for assistive technology only) or in a side panel (smaller). */
  variant?: 'bar' | 'compact';
}

/** One entity of the search results, as an option of the listbox: its kind's icon on its colour, name and description. */
function EntityOption({
  id,
  hit,
  selected,
  onHover,
  onChoose,
}: {
  id: string;
  hit: SearchHit;
  selected: boolean;
  onHover: () => void;
  onChoose: () => void;
}) {
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      className={styles.option}
      data-entity-id={hit.id}
      // Keep focus in the input: choosing happens on click, not on blur.
      onMouseDown={(event) => event.preventDefault()}
      onMouseEnter={onHover}
      onClick={onChoose}
    >
      <span className={styles.kindChip} style={{ backgroundColor: ENTITY_KIND_INFO[hit.kind].colour }} aria-hidden="true">
        <KindIcon kind={hit.kind} colour="#ffffff" />
      </span>
      <span className={styles.optionText}>
        <span className={styles.optionName}>{hit.name}</span>
        {hit.description ? <span className={styles.optionDescription}>{hit.description}</span> : null}
      </span>
    </div>
  );
}

/**
 * The search combobox (WAI-ARIA 1.2 pattern): typing is debounced, results
 * come as a listbox grouped by kind, arrow keys move through them, Enter or a
 * click chooses one, Escape closes the list.
 */
export function SearchBox({
  client,
  onChoose,
  onOutcome,
  retryToken = 0,
  debounceMs = SEARCH_DEBOUNCE_MS,
  label = 'Search people, organisations, places and events',
  placeholder = 'e.g. Tokayev, CSTO, Almaty',
  keepChoice = false,
  inputRef,
  onChoosePassage,
  variant,
}: SearchBoxProps) {
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listboxId = `${baseId}-listbox`;
  const optionId = (index: number) => `${baseId}-option-${index}`;

  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [outcome, setOutcome] = useState<SearchOutcome | null>(null);
  const debounced = useDebouncedValue(text, debounceMs);
  // Enter searches at once, without waiting for the debounce, and chooses the best hit when it arrives.
  const [searchNow, setSearchNow] = useState<string | null>(null);
  const [chooseFor, setChooseFor] = useState<string | null>(null);
  const typed = normaliseSearch(text);
  const query = searchNow !== null && searchNow === typed ? searchNow : normaliseSearch(debounced);
  const reportRef = useRef(onOutcome);
  useEffect(() => {
    reportRef.current = onOutcome;
  }, [onOutcome]);

  useEffect(() => {
    if (query.length < MIN_SEARCH_LENGTH) return;
    const controller = new AbortController();
    searchEntities(client, query, { signal: controller.signal }).then(
      (result) => {
        reportRef.current?.('ok');
        setOutcome({
          query,
          ok: true,
          hits: result.hits,
          totalCount: result.totalCount,
          suggestions: result.suggestions.map((s) => ({ ...s, score: null })),
        });
        setActive(-1);
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        reportRef.current?.(error);
        setOutcome({ query, ok: false, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [client, query, retryToken]);

  // The documents are searched beside the entities; their passages come under the entity groups.
  const [found, setFound] = useState<{ query: string; passages: DocumentPassageData[]; totalCount: number } | null>(null);
  const searchesDocuments = onChoosePassage !== undefined;
  useEffect(() => {
    if (!searchesDocuments || query.length < MIN_SEARCH_LENGTH) return;
    const controller = new AbortController();
    searchDocuments(client, query, { signal: controller.signal }).then(
      (result) => setFound({ query, ...result }),
      (error: unknown) => {
        // The entity search reports an outage; a failed document search just lists no passages.
        if (!isAbort(error)) setFound({ query, passages: [], totalCount: 0 });
      },
    );
    return () => controller.abort();
  }, [client, query, retryToken, searchesDocuments]);
  const state = viewOf(query, outcome);
  // The passages wait for the entities of the same query: listed first, they would move down under the
  // pointer, and change what the arrow keys reach, when the entities arrived above them.
  const passages = found && found.query === query && (state.status === 'done' || state.status === 'error') ? found.passages : [];
  const hits = state.status === 'done' ? state.hits : null;
  // Nothing matches: the closest names are offered in the list instead ("Did you mean").
  const suggestions = state.status === 'done' && state.hits.length === 0 ? state.suggestions : null;
  // Cheap for a page of hits; the React Compiler memoises what it can.
  const groups = hits ? groupHits(hits) : [];
  const options = suggestions && suggestions.length > 0 ? suggestions : flattenGroups(groups);
  const offsets = groups.map((_, gi) => groups.slice(0, gi).reduce((n, g) => n + g.hits.length, 0));
  // Arrow keys run through the entities, then the passages.
  const optionCount = options.length + passages.length;
  const showList = open && optionCount > 0;

  function choose(hit: SearchHit) {
    setOpen(false);
    setActive(-1);
    setChooseFor(null);
    if (keepChoice) setText(hit.name);
    onChoose(hit);
  }

  const firstHit = state.status === 'done' ? state.hits[0] : undefined;
  const firstOption = options[0];
  const settledQuery = state.status === 'done' || state.status === 'error' ? state.query : null;
  const chooseRef = useRef(choose);
  useEffect(() => {
    chooseRef.current = choose;
  });
  useEffect(() => {
    if (chooseFor !== null && chooseFor === settledQuery && firstOption && firstHit) chooseRef.current(firstOption);
  }, [chooseFor, settledQuery, firstOption, firstHit]);

  function choosePassage(passage: DocumentPassageData) {
    setOpen(false);
    setActive(-1);
    setChooseFor(null);
    onChoosePassage?.(passage);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        setOpen(true);
        setActive((current) => moveActive(current, optionCount, event.key === 'ArrowDown' ? 1 : -1));
        break;
      }
      case 'Enter': {
        const passage = active >= options.length ? passages[active - options.length] : undefined;
        if (passage) {
          event.preventDefault();
          choosePassage(passage);
          break;
        }
        const hit = options[active >= 0 ? active : 0];
        if (hit && state.status === 'done' && state.query === typed) {
          event.preventDefault();
          choose(hit);
        } else if (typed.length >= MIN_SEARCH_LENGTH) {
          // The debounce has not fired yet (or the results are for older text): search now, choose when ready.
          event.preventDefault();
          setSearchNow(typed);
          setChooseFor(typed);
          setOpen(true);
        }
        break;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else {
          setText('');
        }
        break;
    }
  }

  let status = '';
  if (state.status === 'loading') status = `Searching for “${state.query}”…`;
  else if (state.status === 'error') status = `Search failed: ${state.message}`;
  else if (state.status === 'done' && state.hits.length === 0) {
    status = `No entities match “${state.query}”.`;
    if (state.suggestions.length > 0) status += ` Did you mean ${state.suggestions.map((s) => s.name).join(', ')}?`;
  } else if (state.status === 'done') {
    const shown = state.hits.length;
    status = shown < state.totalCount ? `${shown} of ${state.totalCount} matches shown.` : `${shown} ${shown === 1 ? 'match' : 'matches'}.`;
  }
  if (state.status === 'done' && passages.length > 0 && found) {
    status += ` ${found.totalCount} ${found.totalCount === 1 ? 'passage' : 'passages'} in the documents${passages.length < found.totalCount ? ` (${passages.length} shown)` : ''}.`;
  }

  /** The i-th option of the listbox (suggestions, then the groups, then the passages: one index across them). */
  const entityOption = (hit: SearchHit, i: number) => (
    <EntityOption
      key={hit.id}
      id={optionId(i)}
      hit={hit}
      selected={i === active}
      onHover={() => setActive(i)}
      onChoose={() => choose(hit)}
    />
  );

  return (
    <div className={styles.search} data-variant={variant}>
      <label htmlFor={inputId} className={variant === 'bar' ? 'visually-hidden' : styles.label}>
        {label}
      </label>
      <div className={styles.field}>
        <input
          id={inputId}
          className={styles.input}
          type="search"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          ref={inputRef}
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listboxId}
          aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setChooseFor(null);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <div
          id={listboxId}
          role="listbox"
          aria-label={suggestions?.length ? 'Did you mean' : 'Search results'}
          className={styles.results}
          hidden={!showList}
        >
          {suggestions && suggestions.length > 0 ? (
            <div role="group" aria-labelledby={`${baseId}-group-suggestions`}>
              <div id={`${baseId}-group-suggestions`} className={styles.groupHeading}>
                Did you mean
              </div>
              {suggestions.map(entityOption)}
            </div>
          ) : null}
          {groups.map((group, gi) => (
            <div key={group.kind} role="group" aria-labelledby={`${baseId}-group-${group.kind}`}>
              <div id={`${baseId}-group-${group.kind}`} className={styles.groupHeading} style={{ color: group.info.colour }}>
                <KindIcon kind={group.kind} /> {group.info.plural}
              </div>
              {group.hits.map((hit, hi) => entityOption(hit, (offsets[gi] ?? 0) + hi))}
            </div>
          ))}
          {passages.length > 0 ? (
            <div role="group" aria-labelledby={`${baseId}-group-documents`}>
              <div id={`${baseId}-group-documents`} className={styles.groupHeading}>
                In the documents
              </div>
              {passages.map((passage, pi) => {
                const i = options.length + pi;
                return (
                  <PassageOption
                    key={`${passage.source.id}:${passage.start}`}
                    id={optionId(i)}
                    passage={passage}
                    selected={i === active}
                    onHover={() => setActive(i)}
                    onChoose={() => choosePassage(passage)}
                  />
                );
              })}
            </div>
          ) : null}
        </div>
      </div>
      <p className={state.status === 'error' ? `${styles.status} ${styles.statusError}` : styles.status} role="status" aria-live="polite">
        {open || state.status === 'error' ? status : ''}
      </p>
    </div>
  );
}
